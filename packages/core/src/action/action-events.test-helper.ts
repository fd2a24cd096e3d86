import type { Auth0Cache, CustomPhoneProviderEvent, SendPhoneMessageEvent } from '../auth0/auth0-types.js';

// Auth0's events and api objects as the handlers' tests build them.

export function cache(): Auth0Cache & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: (key) => (entries.has(key) ? { value: entries.get(key) as string } : undefined),
    set: (key, value) => {
      entries.set(key, value);
      return { type: 'success' };
    },
    delete: (key) => {
      entries.delete(key);
      return { type: 'success' };
    },
  };
}

export const secrets = { TOKEN: 'token-value-that-is-secret' };

export function sendEvent(
  overrides: Partial<SendPhoneMessageEvent['message_options']> = {},
  eventSecrets: Record<string, string> = secrets,
): SendPhoneMessageEvent {
  return {
    message_options: {
      recipient: '07400 123456',
      text: 'Your code is 493817',
      code: '493817',
      action: 'second-factor-authentication',
      message_type: 'sms',
      ...overrides,
    },
    request: { ip: '203.0.113.1', language: 'de-DE', geoip: { countryCode: 'GB' } },
    user: { user_id: 'auth0|1' },
    client: { client_id: 'c', name: 'Acme' },
    tenant: { id: 't' },
    transaction: { correlation_id: 'corr-123' },
    secrets: eventSecrets,
  };
}

export function customEvent(recipient = '+447400123456'): CustomPhoneProviderEvent {
  return {
    notification: {
      recipient,
      as_text: 'Your code is 493817',
      as_voice: 'Your code is 4.9.3.8.1.7',
      code: '493817',
      delivery_method: 'text',
      message_type: 'otp_verify',
    },
    request: { ip: '203.0.113.1' },
    user: { user_id: 'auth0|1' },
    tenant: { id: 't' },
    secrets,
  };
}

export function customApi() {
  const calls = { retry: [] as string[], drop: [] as string[] };
  return {
    calls,
    api: {
      cache: cache(),
      notification: {
        retry: (reason: string) => void calls.retry.push(reason),
        drop: (reason: string) => void calls.drop.push(reason),
      },
    },
  };
}
