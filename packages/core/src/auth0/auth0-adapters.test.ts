import { describe, expect, it } from 'vitest';
import type { MfaSmsError } from '../errors/errors.js';
import { thrown } from '../errors/errors.test-helper.js';
import { toBcp47 } from '../text/bcp47.js';
import { fromCustomPhoneProviderEvent, fromHook, fromSendPhoneMessageEvent } from './auth0-adapters.js';
import type { CustomPhoneProviderEvent, HookContext, SendPhoneMessageEvent } from './auth0-types.js';

// A full event of the send-phone-message trigger, shaped as Auth0 documents it.
function sendPhoneMessageEvent(
  options: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): SendPhoneMessageEvent {
  return {
    message_options: {
      recipient: '1-808-555-5555',
      text: 'Here is your one time password: 999111',
      code: '999111',
      action: 'enrollment',
      message_type: 'sms',
      ...options,
    },
    request: {
      ip: '203.0.113.7',
      language: 'pt_BR',
      user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4)',
      hostname: 'acme.us.auth0.com',
      method: 'POST',
      geoip: {
        countryCode: 'us',
        countryCode3: 'USA',
        countryName: 'United States',
        cityName: 'Honolulu',
        continentCode: 'NA',
        timeZone: 'Pacific/Honolulu',
        latitude: 21.3,
        longitude: -157.85,
        subdivisionCode: 'HI',
        subdivisionName: 'Hawaii',
      },
    },
    user: {
      user_id: 'auth0|63f1c0ffee',
      email: 'billie@example.com',
      name: 'Billie Magnusson',
      phone_number: '+18085555555',
      app_metadata: {},
      user_metadata: {},
      created_at: '2024-01-01T00:00:00.000Z',
    },
    client: { client_id: 'aBcDeF123', name: 'Acme Portal', metadata: {} },
    tenant: { id: 'acme' },
    transaction: { correlation_id: 'corr-3f1a9c' },
    secrets: { TWILIO_AUTH_TOKEN: 'not-a-real-token' },
    ...extra,
  } as SendPhoneMessageEvent;
}

// A full event of the custom-phone-provider trigger.
function customPhoneProviderEvent(
  notification: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): CustomPhoneProviderEvent {
  return {
    notification: {
      recipient: '+447911123456',
      from: '+447700900000',
      as_text: 'Your Acme verification code is: 123456',
      as_voice: 'Your Acme verification code is 1.2.3.4.5.6',
      code: '123456',
      delivery_method: 'text',
      locale: 'en_GB',
      message_type: 'otp_verify',
      ...notification,
    },
    client: { client_id: 'aBcDeF123', name: 'Acme Portal', metadata: { region: 'eu' } },
    connection: { id: 'con_8Hn2', name: 'Username-Password-Authentication', strategy: 'auth0' },
    organization: { id: 'org_4Kf9', name: 'acme-uk', display_name: 'Acme UK' },
    request: {
      ip: '198.51.100.20',
      language: 'fr',
      method: 'POST',
      hostname: 'login.acme.co.uk',
      geoip: { countryCode: 'GB', countryName: 'United Kingdom', cityName: 'London' },
    },
    tenant: { id: 'acme', friendly_name: 'Acme Ltd' },
    transaction: { correlation_id: 'c0ffee-42' },
    user: { user_id: 'auth0|63f1c0ffee', email: 'jo@example.co.uk' },
    secrets: {},
    ...extra,
  } as CustomPhoneProviderEvent;
}

// The sample Hook arguments of auth0.md.
const hookRecipient = '1-808-555-5555';
const hookText = 'Here is your one time password: 999111';
const hookContext: HookContext = {
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

// Whatever the field, an error never shows the one-time code or the whole number.
function expectNothingSensitive(error: MfaSmsError, secrets: readonly string[]): void {
  for (const secret of secrets) expect(error.message).not.toContain(secret);
  expect(error.message).not.toMatch(/\d(?:[ .-]?\d){5,}/);
}

describe('fromSendPhoneMessageEvent', () => {
  it('maps a full event', () => {
    expect(fromSendPhoneMessageEvent(sendPhoneMessageEvent())).toEqual({
      recipient: '1-808-555-5555',
      text: 'Here is your one time password: 999111',
      channel: 'sms',
      code: '999111',
      purpose: 'enrollment',
      language: 'pt-BR',
      reference: 'corr-3f1a9c',
      requestCountry: 'US',
    });
  });

  it.each([
    ['enrollment', 'sms', 'enrollment', 'sms'],
    ['enrollment', 'voice', 'enrollment', 'voice'],
    ['second-factor-authentication', 'sms', 'authentication', 'sms'],
    ['second-factor-authentication', 'voice', 'authentication', 'voice'],
  ])('maps action %s and message_type %s to purpose %s on %s', (action, messageType, purpose, channel) => {
    const request = fromSendPhoneMessageEvent(sendPhoneMessageEvent({ action, message_type: messageType }));
    expect(request.purpose).toBe(purpose);
    expect(request.channel).toBe(channel);
  });

  it('keeps the text as Auth0 rendered it and only trims the recipient', () => {
    const text = 'Your code is 9.9.9.1.1.1 {{pause}} 9.9.9.1.1.1 ';
    const request = fromSendPhoneMessageEvent(
      sendPhoneMessageEvent({ recipient: '  (808) 555-5555\n', text, message_type: 'voice' }),
    );
    expect(request.recipient).toBe('(808) 555-5555');
    expect(request.text).toBe(text);
  });

  it('leaves out what the event does not have', () => {
    const event = sendPhoneMessageEvent(
      { code: undefined },
      { request: { ip: '203.0.113.7' }, transaction: undefined },
    );
    expect(fromSendPhoneMessageEvent(event)).toEqual({
      recipient: '1-808-555-5555',
      text: 'Here is your one time password: 999111',
      channel: 'sms',
      purpose: 'enrollment',
    });
  });

  it('ignores unusable optional fields instead of failing the login', () => {
    const event = sendPhoneMessageEvent(
      { code: '  ' },
      {
        request: { ip: '203.0.113.7', language: 'not a language', geoip: { countryCode: 'USA' } },
        transaction: { correlation_id: 42 },
      },
    );
    const request = fromSendPhoneMessageEvent(event);
    expect(request).not.toHaveProperty('code');
    expect(request).not.toHaveProperty('language');
    expect(request).not.toHaveProperty('reference');
    expect(request).not.toHaveProperty('requestCountry');
  });

  it('keeps a numeric code as text so that it can still be redacted', () => {
    expect(fromSendPhoneMessageEvent(sendPhoneMessageEvent({ code: 999111 })).code).toBe('999111');
  });

  it.each([
    [
      'a missing recipient',
      { recipient: undefined },
      'invalid_recipient',
      'message_options.recipient is missing',
    ],
    ['a blank recipient', { recipient: ' \t' }, 'invalid_recipient', 'message_options.recipient is empty'],
    [
      'a numeric recipient',
      { recipient: 18085555555 },
      'invalid_recipient',
      'message_options.recipient is a number',
    ],
    ['a missing text', { text: undefined }, 'rejected', 'message_options.text is missing'],
    ['an empty text', { text: '' }, 'rejected', 'message_options.text is empty'],
    [
      'an unknown message_type',
      { message_type: 'fax' },
      'unsupported_channel',
      'message_options.message_type is "fax"',
    ],
    [
      'a missing message_type',
      { message_type: undefined },
      'unsupported_channel',
      'message_options.message_type is missing',
    ],
    ['an unknown action', { action: 'login' }, 'rejected', 'message_options.action is "login"'],
    ['an inherited key as action', { action: 'constructor' }, 'rejected', 'message_options.action'],
    [
      'an inherited key as message_type',
      { message_type: 'toString' },
      'unsupported_channel',
      'message_options.message_type',
    ],
  ])('rejects %s', (_, options, code, field) => {
    const error = thrown(() => fromSendPhoneMessageEvent(sendPhoneMessageEvent(options)));
    expect(error.code).toBe(code);
    expect(error.message).toContain(field);
    expectNothingSensitive(error, ['999111', '8085555555', '18085555555']);
  });

  it('names the expected values and the masked recipient', () => {
    const error = thrown(() => fromSendPhoneMessageEvent(sendPhoneMessageEvent({ message_type: 'fax' })));
    expect(error.message).toContain('expected one of sms, voice');
    expect(error.message).toContain('recipient 18******555');
  });

  it('never echoes a rejected value made of digits', () => {
    const error = thrown(() => fromSendPhoneMessageEvent(sendPhoneMessageEvent({ action: '999111' })));
    expect(error.message).toContain('message_options.action is an unexpected string');
    expectNothingSensitive(error, ['999111']);
  });

  it.each([
    ['no event', undefined],
    ['no message_options', {}],
    ['a string as message_options', { message_options: 'sms' }],
  ])('rejects %s', (_, event) => {
    const error = thrown(() => fromSendPhoneMessageEvent(event as unknown as SendPhoneMessageEvent));
    expect(error.code).toBe('rejected');
    expect(error.message).toContain('message_options');
  });
});

describe('fromCustomPhoneProviderEvent', () => {
  it('maps a full text notification', () => {
    expect(fromCustomPhoneProviderEvent(customPhoneProviderEvent())).toEqual({
      recipient: '+447911123456',
      text: 'Your Acme verification code is: 123456',
      channel: 'sms',
      code: '123456',
      purpose: 'authentication',
      language: 'en-GB',
      reference: 'c0ffee-42',
      requestCountry: 'GB',
      from: '+447700900000',
    });
  });

  it('leaves from out when the Phone Template sets none', () => {
    const request = fromCustomPhoneProviderEvent(customPhoneProviderEvent({ from: undefined }));
    expect(request).not.toHaveProperty('from');
    expect(fromCustomPhoneProviderEvent(customPhoneProviderEvent({ from: '  ' }))).not.toHaveProperty('from');
  });

  it.each([
    ['a message type this version does not know', 'welcome'],
    ['a numeric message type', 3],
    ['no message type', undefined],
  ])('delivers %s as purpose other, with the text Auth0 rendered', (_, messageType) => {
    const request = fromCustomPhoneProviderEvent(
      customPhoneProviderEvent({
        message_type: messageType,
        as_text: 'Your account was updated',
        code: undefined,
      }),
    );
    expect(request).toMatchObject({ purpose: 'other', text: 'Your account was updated', channel: 'sms' });
    expect(request).not.toHaveProperty('code');
  });

  it('reads as_voice for a voice notification', () => {
    expect(
      fromCustomPhoneProviderEvent(customPhoneProviderEvent({ delivery_method: 'voice' })),
    ).toMatchObject({
      channel: 'voice',
      text: 'Your Acme verification code is 1.2.3.4.5.6',
    });
  });

  it.each([
    ['voice', { as_voice: '' }, 'Your Acme verification code is: 123456'],
    ['voice', { as_voice: undefined }, 'Your Acme verification code is: 123456'],
    ['text', { as_text: ' ' }, 'Your Acme verification code is 1.2.3.4.5.6'],
    ['text', { as_text: null }, 'Your Acme verification code is 1.2.3.4.5.6'],
  ])('falls back to the other text for %s when it is empty (%j)', (deliveryMethod, texts, text) => {
    const event = customPhoneProviderEvent({ delivery_method: deliveryMethod, ...texts });
    expect(fromCustomPhoneProviderEvent(event).text).toBe(text);
  });

  it.each([
    ['otp_enroll', 'enrollment'],
    ['otp_verify', 'authentication'],
    ['blocked_account', 'notification'],
    ['change_password', 'notification'],
    ['password_breach', 'notification'],
  ])('maps message_type %s to purpose %s', (messageType, purpose) => {
    const code = messageType.startsWith('otp_') ? '123456' : undefined;
    const request = fromCustomPhoneProviderEvent(
      customPhoneProviderEvent({ message_type: messageType, code }),
    );
    expect(request.purpose).toBe(purpose);
    expect(request.code).toBe(code);
  });

  it('takes the language from the locale, else from the request', () => {
    expect(fromCustomPhoneProviderEvent(customPhoneProviderEvent({ locale: 'es_419' })).language).toBe(
      'es-419',
    );
    expect(fromCustomPhoneProviderEvent(customPhoneProviderEvent({ locale: undefined })).language).toBe('fr');
    expect(fromCustomPhoneProviderEvent(customPhoneProviderEvent({ locale: '' })).language).toBe('fr');
    const neither = customPhoneProviderEvent({ locale: undefined }, { request: { ip: '198.51.100.20' } });
    expect(fromCustomPhoneProviderEvent(neither)).not.toHaveProperty('language');
  });

  it('keeps a correlation id of 40 characters as it is', () => {
    const id = 'a'.repeat(40);
    const event = customPhoneProviderEvent({}, { transaction: { correlation_id: id } });
    expect(fromCustomPhoneProviderEvent(event).reference).toBe(id);
  });

  it('shortens a longer correlation id to 40 characters: its start and a hash of the whole', () => {
    const reference = (id: string) =>
      fromCustomPhoneProviderEvent(customPhoneProviderEvent({}, { transaction: { correlation_id: id } }))
        .reference;
    const long = `${'0123456789abcdef'.repeat(4)}-A`;
    const sibling = `${'0123456789abcdef'.repeat(4)}-B`;
    expect(reference(long)).toHaveLength(40);
    expect(reference(long)).toMatch(/^0123456789abcdef0123456-[0-9a-f]{16}$/);
    expect(reference(long)?.startsWith(long.slice(0, 23))).toBe(true);
    expect(reference(long)).toBe(reference(long));
    expect(reference(sibling)).not.toBe(reference(long));
    expect(reference('x'.repeat(41))).toHaveLength(40);
  });

  it.each([
    [
      'a missing recipient',
      { recipient: undefined },
      'invalid_recipient',
      'notification.recipient is missing',
    ],
    ['an empty recipient', { recipient: '' }, 'invalid_recipient', 'notification.recipient is empty'],
    [
      'an SMS delivery_method',
      { delivery_method: 'sms' },
      'unsupported_channel',
      'notification.delivery_method is "sms"',
    ],
    [
      'a missing delivery_method',
      { delivery_method: undefined },
      'unsupported_channel',
      'notification.delivery_method is missing',
    ],
    [
      'no text at all',
      { as_text: '', as_voice: ' ' },
      'rejected',
      'notification.as_text (and as_voice) is empty',
    ],
    [
      'no voice text at all',
      { delivery_method: 'voice', as_text: undefined, as_voice: undefined },
      'rejected',
      'notification.as_voice (and as_text) is missing',
    ],
  ])('rejects %s', (_, notification, code, field) => {
    const error = thrown(() => fromCustomPhoneProviderEvent(customPhoneProviderEvent(notification)));
    expect(error.code).toBe(code);
    expect(error.message).toContain(field);
    expectNothingSensitive(error, ['123456', '447911123456']);
  });

  it('rejects an event without a notification', () => {
    const event = {
      ...customPhoneProviderEvent(),
      notification: null,
    } as unknown as CustomPhoneProviderEvent;
    const error = thrown(() => fromCustomPhoneProviderEvent(event));
    expect(error.code).toBe('rejected');
    expect(error.message).toContain('notification is missing');
  });

  it('masks the recipient it names', () => {
    const error = thrown(() =>
      fromCustomPhoneProviderEvent(customPhoneProviderEvent({ as_text: '', as_voice: '' })),
    );
    expect(error.message).toContain('recipient +44******456');
  });
});

describe('fromHook', () => {
  it("maps Auth0's sample Hook arguments", () => {
    expect(fromHook(hookRecipient, hookText, hookContext)).toEqual({
      recipient: '1-808-555-5555',
      text: 'Here is your one time password: 999111',
      channel: 'sms',
      code: '123456',
      purpose: 'enrollment',
      language: 'en',
    });
  });

  it('sends no reference and no request country, even with a client id', () => {
    const request = fromHook(hookRecipient, hookText, { ...hookContext, client_id: '1235' });
    expect(request).not.toHaveProperty('reference');
    expect(request).not.toHaveProperty('requestCountry');
  });

  it.each([
    ['enrollment', 'enrollment'],
    ['second-factor-authentication', 'authentication'],
    ['authentication', 'authentication'],
    [undefined, 'authentication'],
  ])('maps action %s to purpose %s', (action, purpose) => {
    expect(fromHook(hookRecipient, hookText, { ...hookContext, action } as HookContext).purpose).toBe(
      purpose,
    );
  });

  it.each([
    ['sms', 'sms'],
    ['voice', 'voice'],
    [undefined, 'sms'],
  ])('maps message_type %s to channel %s', (messageType, channel) => {
    const context = { ...hookContext, message_type: messageType } as HookContext;
    expect(fromHook(hookRecipient, hookText, context).channel).toBe(channel);
  });

  it('turns an Auth0 locale into BCP 47 and trims the recipient', () => {
    const request = fromHook(' +1 808 555 5555 ', hookText, { ...hookContext, language: 'pt_br' });
    expect(request.language).toBe('pt-BR');
    expect(request.recipient).toBe('+1 808 555 5555');
  });

  it('copes with a missing or odd context', () => {
    const expected = { recipient: hookRecipient, text: hookText, channel: 'sms', purpose: 'authentication' };
    expect(fromHook(hookRecipient, hookText, undefined as unknown as HookContext)).toEqual(expected);
    expect(fromHook(hookRecipient, hookText, 'context' as unknown as HookContext)).toEqual(expected);
  });

  it.each([
    ['an empty recipient', '', hookText, {}, 'invalid_recipient', 'recipient is empty'],
    ['a missing recipient', undefined, hookText, {}, 'invalid_recipient', 'recipient is missing'],
    ['an empty text', hookRecipient, '', {}, 'rejected', 'text is empty'],
    ['an object as text', hookRecipient, {}, {}, 'rejected', 'text is an object'],
    [
      'an unknown message_type',
      hookRecipient,
      hookText,
      { message_type: 'email' },
      'unsupported_channel',
      'context.message_type is "email"',
    ],
    [
      'an unknown action',
      hookRecipient,
      hookText,
      { action: 'signup' },
      'rejected',
      'context.action is "signup"',
    ],
  ])('rejects %s', (_, recipient, text, context, code, field) => {
    const error = thrown(() =>
      fromHook(recipient as string, text as string, { ...hookContext, ...context } as HookContext),
    );
    expect(error.code).toBe(code);
    expect(error.message).toContain(field);
    expectNothingSensitive(error, ['123456', '999111', '8085555555']);
  });
});

describe('toBcp47', () => {
  it.each([
    ['en_US', 'en-US'],
    ['en_us', 'en-US'],
    ['pt-BR', 'pt-BR'],
    ['EN', 'en'],
    ['zh_hant_tw', 'zh-Hant-TW'],
    ['es_419', 'es-419'],
    ['en-US,en;q=0.9', 'en-US'],
    ['fr;q=0.8', 'fr'],
    [' de ', 'de'],
    ['', undefined],
    ['*', undefined],
    ['und', undefined],
    ['not a locale', undefined],
    ['e', undefined],
    ['en_US_'.repeat(20), undefined],
    [undefined, undefined],
  ])('%j → %j', (locale, tag) => {
    expect(toBcp47(locale)).toBe(tag);
  });

  it('ignores a value that is not a string', () => {
    expect(toBcp47(42 as unknown as string)).toBeUndefined();
  });
});
