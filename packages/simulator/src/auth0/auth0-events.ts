import { randomInt, randomUUID } from 'node:crypto';
import type { CustomPhoneProviderEvent, HookContext, SendPhoneMessageEvent } from '@mfa-sms/core';

// The events Auth0 hands the two phone triggers and the legacy Hook, shaped as Auth0 documents them:
// https://auth0.com/docs/customize/actions/explore-triggers/mfa-notifications-trigger/send-phone-message-event-object
// https://auth0.com/docs/customize/phone-messages/configure-phone-messaging-providers/configure-a-custom-phone-provider/actions-triggers-custom-phone-provider-event-object
// Secrets, from https://auth0.com/docs/customize/actions/limitations: at most 30 an Action, names of
// 128 characters at most, values of 4096.
const secretLimits = Object.freeze({ count: 30, nameLength: 128, valueLength: 4096 });
const secretName = /^[A-Za-z0-9_]+$/;

/**
 * Checks secrets as Auth0 takes them (letters, digits and `_` in names of 1–128 characters, values
 * of at most 4096 characters, 30 at most) and answers them as `event.secrets`. The error names the
 * secret's position, never its name or value: a mis-parsed `.env` puts secret material in a name.
 */
export function auth0Secrets(secrets: Readonly<Record<string, string>> = {}): Record<string, string> {
  const entries = Object.entries(secrets);
  if (entries.length > secretLimits.count)
    throw new TypeError(`Auth0 takes at most ${secretLimits.count} secrets an Action, not ${entries.length}`);
  const checked: Record<string, string> = {};
  for (const [index, [name, value]] of entries.entries()) {
    if (name.length > secretLimits.nameLength || !secretName.test(name))
      throw new TypeError(
        `secret #${index + 1} has a name Auth0 refuses: letters, digits and underscores, 1 to ${secretLimits.nameLength} characters`,
      );
    if (typeof value !== 'string' || value.length > secretLimits.valueLength)
      throw new TypeError(
        `secret #${index + 1} must be a string of at most ${secretLimits.valueLength} characters`,
      );
    Object.defineProperty(checked, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return checked;
}

/** A random six-digit one-time code, as Auth0 generates them. */
export function oneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** What a test says of one message; every field has a default. */
export interface Auth0EventInput {
  /** As the user typed it (send-phone-message) or E.164 (custom-phone-provider). Default `+447400123456`. */
  recipient?: string;
  channel?: 'sms' | 'voice';
  /** Default a random six-digit code. */
  code?: string;
  /** The rendered text (send-phone-message, the Hook) or `as_text`; default Auth0's template with the code. */
  text?: string;
  purpose?: 'enrollment' | 'authentication';
  /** `request.language` (and `locale` of custom-phone-provider, where Auth0 writes `en_US`). */
  language?: string;
  /** `request.geoip.countryCode`. Default `GB`. */
  country?: string;
  /** `notification.from` (custom-phone-provider). */
  from?: string;
  /** `notification.message_type` beyond one-time codes (custom-phone-provider). */
  messageType?: CustomPhoneProviderEvent['notification']['message_type'];
  secrets?: Readonly<Record<string, string>>;
  /** Replaces parts of the event whole (`client`, `user`, `request`, `transaction`, …). */
  event?: Record<string, unknown>;
}

function textFor(channel: 'sms' | 'voice', code: string): string {
  // Auth0's default templates: the voice one writes the code dotted so that TTS reads digits.
  const dotted = code.split('').join('.');
  return channel === 'voice'
    ? `Your verification code is {{pause}} ${dotted}. {{pause}} Again, ${dotted}.`
    : `${code} is your verification code for Acme. Please enter this code to verify your enrollment.`;
}

const defaultRecipient = '+447400123456';
const user = () => ({
  user_id: 'auth0|playground',
  email: 'billie@example.com',
  name: 'Billie Magnusson',
  app_metadata: {},
  user_metadata: {},
});
const client = () => ({ client_id: 'playground-client', name: 'Acme', metadata: {} });

/** The event of the `send-phone-message` trigger. */
export function sendPhoneMessageEvent(input: Auth0EventInput = {}): SendPhoneMessageEvent {
  const channel = input.channel ?? 'sms';
  const code = input.code ?? oneTimeCode();
  return {
    message_options: {
      recipient: input.recipient ?? defaultRecipient,
      text: input.text ?? textFor(channel, code),
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
    user: user(),
    client: client(),
    tenant: { id: 'acme' },
    transaction: { correlation_id: randomUUID() },
    secrets: auth0Secrets(input.secrets),
    ...input.event,
  };
}

/** The event of the `custom-phone-provider` trigger. */
export function customPhoneProviderEvent(input: Auth0EventInput = {}): CustomPhoneProviderEvent {
  const channel = input.channel ?? 'sms';
  const code = input.code ?? oneTimeCode();
  const messageType =
    input.messageType ?? (input.purpose === 'enrollment' ? 'otp_enroll' : ('otp_verify' as const));
  const otp = messageType === 'otp_enroll' || messageType === 'otp_verify';
  return {
    notification: {
      recipient: input.recipient ?? defaultRecipient,
      ...(input.from ? { from: input.from } : {}),
      as_text: input.text ?? textFor('sms', code),
      as_voice: textFor('voice', code),
      ...(otp ? { code } : {}),
      delivery_method: channel === 'voice' ? 'voice' : 'text',
      locale: (input.language ?? 'en_GB').replace('-', '_'),
      message_type: messageType,
    },
    request: {
      ip: '203.0.113.7',
      language: 'en',
      method: 'POST',
      geoip: { countryCode: input.country ?? 'GB' },
    },
    user: user(),
    client: client(),
    tenant: { id: 'acme', friendly_name: 'Acme' },
    transaction: { correlation_id: randomUUID() },
    secrets: auth0Secrets(input.secrets),
    ...input.event,
  };
}

/** The arguments of a legacy `send-phone-message` Hook, without its callback. */
export function hookArguments(input: Auth0EventInput = {}): [string, string, HookContext] {
  const channel = input.channel ?? 'sms';
  const code = input.code ?? oneTimeCode();
  return [
    input.recipient ?? defaultRecipient,
    input.text ?? textFor(channel, code),
    {
      message_type: channel,
      action: input.purpose === 'enrollment' ? 'enrollment' : 'second-factor-authentication',
      language: input.language ?? 'en',
      code,
      ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0',
      client: { client_id: 'playground-client', name: 'Acme', client_metadata: {} },
      user: user(),
      webtask: { secrets: auth0Secrets(input.secrets) },
      ...input.event,
    },
  ];
}
