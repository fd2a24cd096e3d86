import { describe, expect, it } from 'vitest';
import {
  fromCustomPhoneProviderEvent,
  fromHook,
  fromSendPhoneMessageEvent,
  toBcp47,
} from './auth0-adapters.js';
import type { CustomPhoneProviderEvent, HookContext, SendPhoneMessageEvent } from './auth0-types.js';

const sendEvent = (
  options: Partial<SendPhoneMessageEvent['message_options']> = {},
  extra: Partial<SendPhoneMessageEvent> = {},
) =>
  ({
    message_options: {
      recipient: '1-808-555-5555',
      text: 'Here is your one time password: 999111',
      code: '999111',
      action: 'enrollment',
      message_type: 'sms',
      ...options,
    },
    request: { ip: '127.0.0.1', language: 'pt_BR', geoip: { countryCode: 'us' } },
    user: { user_id: 'auth0|1' },
    tenant: { id: 'acme' },
    transaction: { correlation_id: 'corr-1' },
    secrets: {},
    ...extra,
  }) as SendPhoneMessageEvent;

const customEvent = (notification: Partial<CustomPhoneProviderEvent['notification']> = {}) =>
  ({
    notification: {
      recipient: '+447911123456',
      as_text: 'Your code is 123456',
      as_voice: 'Your code is 1.2.3.4.5.6',
      code: '123456',
      delivery_method: 'text',
      locale: 'en_GB',
      message_type: 'otp_verify',
      ...notification,
    },
    request: { ip: '127.0.0.1', language: 'fr', geoip: { countryCode: 'GB' } },
    user: { user_id: 'auth0|1' },
    tenant: { id: 'acme' },
    transaction: { correlation_id: 'x'.repeat(60) },
    secrets: {},
  }) as CustomPhoneProviderEvent;

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('fromSendPhoneMessageEvent', () => {
  it('maps the send-phone-message event', () => {
    expect(fromSendPhoneMessageEvent(sendEvent())).toEqual({
      recipient: '1-808-555-5555',
      text: 'Here is your one time password: 999111',
      channel: 'sms',
      code: '999111',
      purpose: 'enrollment',
      language: 'pt-BR',
      reference: 'corr-1',
      requestCountry: 'US',
    });
  });

  it.each([
    ['second-factor-authentication', 'voice', 'authentication', 'voice'],
    ['enrollment', 'voice', 'enrollment', 'voice'],
  ] as const)('maps action %s / %s', (action, messageType, purpose, channel) => {
    expect(fromSendPhoneMessageEvent(sendEvent({ action, message_type: messageType }))).toMatchObject({
      purpose,
      channel,
    });
  });

  it('leaves out what the event does not have', () => {
    const event = sendEvent({ code: undefined }, { request: { ip: '1.1.1.1' }, transaction: undefined });
    expect(fromSendPhoneMessageEvent(event)).toEqual({
      recipient: '1-808-555-5555',
      text: 'Here is your one time password: 999111',
      channel: 'sms',
      purpose: 'enrollment',
    });
  });

  it.each([
    [sendEvent({ recipient: ' ' }), 'invalid_recipient', 'message_options.recipient'],
    [sendEvent({ text: '' }), 'rejected', 'message_options.text'],
    [sendEvent({ message_type: 'fax' as never }), 'unsupported_channel', 'message_options.message_type'],
    [sendEvent({ action: 'login' as never }), 'rejected', 'message_options.action'],
    [{} as SendPhoneMessageEvent, 'rejected', 'message_options'],
    [undefined as unknown as SendPhoneMessageEvent, 'rejected', 'message_options'],
  ])('rejects a malformed event (%#)', (event, code, field) => {
    const error = failure(() => fromSendPhoneMessageEvent(event));
    expect(error).toMatchObject({ code });
    expect(error.message).toContain(field);
    expect(error.message).not.toContain('999111');
  });
});

describe('fromCustomPhoneProviderEvent', () => {
  it('maps a text notification, hashing a long correlation id into 40 characters', () => {
    const request = fromCustomPhoneProviderEvent(customEvent());
    expect(request).toMatchObject({
      recipient: '+447911123456',
      text: 'Your code is 123456',
      channel: 'sms',
      code: '123456',
      purpose: 'authentication',
      language: 'en-GB',
      requestCountry: 'GB',
    });
    expect(request.reference).toHaveLength(40);
    expect(request.reference).toBe(fromCustomPhoneProviderEvent(customEvent()).reference);
  });

  it.each([
    ['otp_enroll', 'enrollment'],
    ['otp_verify', 'authentication'],
    ['blocked_account', 'notification'],
    ['change_password', 'notification'],
    ['password_breach', 'notification'],
  ] as const)('maps message_type %s to %s', (messageType, purpose) => {
    expect(fromCustomPhoneProviderEvent(customEvent({ message_type: messageType })).purpose).toBe(purpose);
  });

  it('reads as_voice for voice, falling back to as_text, and the request language without a locale', () => {
    expect(fromCustomPhoneProviderEvent(customEvent({ delivery_method: 'voice' }))).toMatchObject({
      channel: 'voice',
      text: 'Your code is 1.2.3.4.5.6',
    });
    expect(fromCustomPhoneProviderEvent(customEvent({ delivery_method: 'voice', as_voice: '' })).text).toBe(
      'Your code is 123456',
    );
    expect(fromCustomPhoneProviderEvent(customEvent({ locale: undefined })).language).toBe('fr');
  });

  it.each([
    [customEvent({ delivery_method: 'sms' as never }), 'unsupported_channel'],
    [customEvent({ message_type: 'welcome' as never }), 'rejected'],
    [customEvent({ recipient: '' }), 'invalid_recipient'],
    [customEvent({ as_text: '', as_voice: '' }), 'rejected'],
  ])('rejects a malformed notification (%#)', (event, code) => {
    expect(failure(() => fromCustomPhoneProviderEvent(event))).toMatchObject({ code });
  });
});

describe('fromHook', () => {
  const context: HookContext = {
    message_type: 'sms',
    action: 'enrollment',
    language: 'en',
    code: '123456',
    ip: '127.0.0.1',
    user_agent: 'Mozilla/5.0',
    client: { client_id: '1235', name: 'Test Application', client_metadata: {} },
    user: {
      user_id: 'auth0|test12345',
      name: 'Billie Magnusson',
      email: 'billie@example.com',
      app_metadata: {},
      user_metadata: {},
    },
  };

  it("maps Auth0's sample hook arguments", () => {
    expect(fromHook('1-808-555-5555', 'Here is your one time password: 999111', context)).toEqual({
      recipient: '1-808-555-5555',
      text: 'Here is your one time password: 999111',
      channel: 'sms',
      code: '123456',
      purpose: 'enrollment',
      language: 'en',
    });
  });

  it('treats a missing message_type as SMS and "authentication" as a sign-in', () => {
    expect(fromHook('+447911123456', 'x', { action: 'authentication' })).toMatchObject({
      channel: 'sms',
      purpose: 'authentication',
    });
    expect(fromHook('+447911123456', 'x', { message_type: 'voice' })).toMatchObject({
      channel: 'voice',
      purpose: 'authentication',
    });
  });

  it('rejects a missing recipient', () => {
    expect(failure(() => fromHook('', 'x', context))).toMatchObject({ code: 'invalid_recipient' });
  });
});

describe('toBcp47', () => {
  it.each([
    ['en_US', 'en-US'],
    ['pt-BR', 'pt-BR'],
    ['fr', 'fr'],
    ['', undefined],
    ['not a locale', undefined],
    [undefined, undefined],
  ])('%j → %j', (locale, tag) => {
    expect(toBcp47(locale)).toBe(tag);
  });
});
