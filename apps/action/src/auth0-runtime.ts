import { randomInt, randomUUID } from 'node:crypto';
import type {
  Auth0Cache,
  Auth0Secrets,
  CustomPhoneProviderApi,
  CustomPhoneProviderEvent,
  HookContext,
  SendPhoneMessageApi,
  SendPhoneMessageEvent,
} from '@mfa-sms/core';

/**
 * What Auth0's runtime hands an Action, reproduced for the playground, the CLI and the tests:
 * events shaped like Auth0's, and an `api.cache` with Auth0's documented limits (20 entries,
 * 64-byte keys, 4 kB values, 24 h TTL, 15 min by default).
 */
export function createAuth0Cache(now: () => number = Date.now): Auth0Cache & { readonly size: number } {
  const entries = new Map<string, { value: string; expires: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expires <= now()) entries.delete(key);
    return entries.get(key);
  };
  return {
    get size() {
      return entries.size;
    },
    get(key) {
      const entry = live(key);
      return entry ? { value: entry.value } : undefined;
    },
    set(key, value, options = {}) {
      if (Buffer.byteLength(key) > 64) return { type: 'error', code: 'KEY_TOO_LARGE' };
      if (Buffer.byteLength(value) > 4096) return { type: 'error', code: 'VALUE_TOO_LARGE' };
      for (const key of [...entries.keys()]) live(key);
      if (!entries.has(key) && entries.size >= 20) return { type: 'error', code: 'TOO_MANY_ENTRIES' };
      const ttl = Math.min(options.ttl ?? 15 * 60_000, 24 * 3_600_000);
      const expires = options.expires_at ?? now() + ttl;
      entries.set(key, { value, expires });
      return { type: 'success' };
    },
    delete(key) {
      entries.delete(key);
      return { type: 'success' };
    },
  };
}

/** A random six-digit one-time code, as Auth0 generates them. */
export function oneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export interface EventInput {
  recipient: string;
  channel?: 'sms' | 'voice';
  code?: string;
  purpose?: 'enrollment' | 'authentication';
  language?: string;
  secrets: Auth0Secrets;
  country?: string;
}

function textFor(channel: 'sms' | 'voice', code: string): string {
  // Auth0's default templates: the voice one writes the code dotted so that TTS reads digits.
  return channel === 'voice'
    ? `Your verification code is {{pause}} ${code.split('').join('.')}. {{pause}} Again, ${code.split('').join('.')}.`
    : `${code} is your verification code for Acme. Please enter this code to verify your enrollment.`;
}

export function sendPhoneMessageEvent(input: EventInput): SendPhoneMessageEvent {
  const channel = input.channel ?? 'sms';
  const code = input.code ?? oneTimeCode();
  return {
    message_options: {
      recipient: input.recipient,
      text: textFor(channel, code),
      code,
      action: input.purpose === 'enrollment' ? 'enrollment' : 'second-factor-authentication',
      message_type: channel,
    },
    request: {
      ip: '203.0.113.7',
      language: input.language ?? 'en',
      user_agent: 'Mozilla/5.0',
      hostname: 'acme.eu.auth0.com',
      method: 'POST',
      geoip: { countryCode: input.country ?? 'GB', countryName: 'United Kingdom', cityName: 'London' },
    },
    user: {
      user_id: 'auth0|playground',
      email: 'billie@example.com',
      name: 'Billie Magnusson',
      app_metadata: {},
      user_metadata: {},
    },
    client: { client_id: 'playground-client', name: 'Acme', metadata: {} },
    tenant: { id: 'acme' },
    transaction: { correlation_id: randomUUID() },
    secrets: input.secrets,
  } as SendPhoneMessageEvent;
}

export function customPhoneProviderEvent(input: EventInput): CustomPhoneProviderEvent {
  const channel = input.channel ?? 'sms';
  const code = input.code ?? oneTimeCode();
  return {
    notification: {
      recipient: input.recipient,
      as_text: textFor('sms', code),
      as_voice: textFor('voice', code),
      code,
      delivery_method: channel === 'voice' ? 'voice' : 'text',
      locale: input.language ?? 'en_GB',
      message_type: input.purpose === 'enrollment' ? 'otp_enroll' : 'otp_verify',
    },
    request: {
      ip: '203.0.113.7',
      language: 'en',
      method: 'POST',
      geoip: { countryCode: input.country ?? 'GB' },
    },
    user: { user_id: 'auth0|playground', app_metadata: {}, user_metadata: {} },
    client: { client_id: 'playground-client', name: 'Acme', metadata: {} },
    tenant: { id: 'acme', friendly_name: 'Acme' },
    transaction: { correlation_id: randomUUID() },
    secrets: input.secrets,
  } as CustomPhoneProviderEvent;
}

export function hookArguments(input: EventInput): [string, string, HookContext] {
  const channel = input.channel ?? 'sms';
  const code = input.code ?? oneTimeCode();
  return [
    input.recipient,
    textFor(channel, code),
    {
      message_type: channel,
      action: input.purpose === 'enrollment' ? 'enrollment' : 'second-factor-authentication',
      language: input.language ?? 'en',
      code,
      ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0',
      client: { client_id: 'playground-client', name: 'Acme', client_metadata: {} },
      user: {
        user_id: 'auth0|playground',
        name: 'Billie Magnusson',
        email: 'billie@example.com',
        app_metadata: {},
        user_metadata: {},
      },
      webtask: { secrets: input.secrets },
    } as HookContext,
  ];
}

export interface NotificationCalls {
  retry: string[];
  drop: string[];
}

export function sendPhoneMessageApi(cache: Auth0Cache = createAuth0Cache()): SendPhoneMessageApi {
  return { cache };
}

export function customPhoneProviderApi(
  cache: Auth0Cache = createAuth0Cache(),
): CustomPhoneProviderApi & { calls: NotificationCalls } {
  const calls: NotificationCalls = { retry: [], drop: [] };
  return {
    cache,
    calls,
    notification: {
      retry: (reason: string) => void calls.retry.push(reason),
      drop: (reason: string) => void calls.drop.push(reason),
    },
  };
}
