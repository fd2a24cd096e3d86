import type { PhoneMessage } from '@mfa-sms/core';
import {
  rejection,
  testMessage,
  testOptions,
  testRedaction,
  useSimulator,
  withDefaults,
} from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import type { TelesignOptions } from './telesign-options.js';
import { createTelesign } from './telesign-provider.js';

const { simulator, record } = useSimulator();

const options = (): TelesignOptions => ({ ...simulator.credentials.telesign, baseUrl: simulator.url });
const telesign = withDefaults(createTelesign, options);

const sms: PhoneMessage = testMessage({ reference: 'txn-42' });
const call: PhoneMessage = { ...sms, channel: 'voice', text: 'Your code is 4.9.3.8.1.7. {{pause}} Goodbye.' };

describe('createTelesign: sending', () => {
  it('sends an SMS: the digits of the number, OTP traffic, the reference as external_id, Basic auth', async () => {
    const { dispatcher, sent } = record();
    const result = await telesign({ dispatcher }).send(sms);
    const [message] = simulator.messages;
    expect(result).toEqual({
      provider: 'telesign',
      channel: 'sms',
      id: message?.id,
      to: sms.to,
      segments: 1,
    });
    expect(message?.request).toMatchInlineSnapshot(`
      {
        "external_id": "txn-42",
        "message": "Your code is 493817",
        "message_type": "OTP",
        "phone_number": "447400123456",
      }
    `);
    const { customerId, apiKey } = simulator.credentials.telesign;
    expect(sent[0]?.path).toBe('/v1/messaging');
    expect(sent[0]?.headers).toMatchObject({
      authorization: `Basic ${Buffer.from(`${customerId}:${apiKey}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'mfa-sms-telesign/0.0.0-test',
    });
  });

  it('places a call that reads the code digit by digit, in the voice of the message’s language', async () => {
    const result = await telesign().send({ ...call, language: 'en-GB' });
    const [message] = simulator.messages;
    expect(result).toEqual({ provider: 'telesign', channel: 'voice', id: message?.id, to: call.to });
    expect(message?.request).toEqual({
      phone_number: '447400123456',
      message: 'Your code is 4, 9, 3, 8, 1, 7. Goodbye.',
      message_type: 'OTP',
      voice: 'f-en-GB',
      external_id: 'txn-42',
    });
  });

  const voices: [string | undefined, TelesignOptions['voice'], string | undefined][] = [
    ['pt-BR', undefined, 'f-pt-BR'],
    ['pt', undefined, 'f-pt-PT'],
    ['en', undefined, 'f-en-US'],
    ['fr-CA', undefined, 'f-fr-CA'],
    ['fr-BE', undefined, 'f-fr-FR'],
    ['zh-Hant', undefined, 'f-zh-TW'],
    ['no', undefined, 'f-nb-NO'],
    // Telesign documents no German voice: its default speaks.
    ['de', undefined, undefined],
    [undefined, undefined, undefined],
    ['de', { voice: 'f-en-GB' }, 'f-en-GB'],
    ['de-AT', { voice: { de: 'f-en-GB' } }, 'f-en-GB'],
    ['es-MX', { voice: { de: 'f-en-GB' } }, 'f-es-MX'],
  ];
  for (const [language, voice, expected] of voices) {
    it(`language ${language ?? '(none)'}${voice ? ` with ${JSON.stringify(voice)}` : ''} → voice ${expected ?? '(none)'}`, async () => {
      await telesign({ voice }).send({ ...call, language });
      expect(simulator.messages[0]?.request.voice).toBe(expected);
    });
  }

  it('leaves out a reference Telesign would refuse as external_id (over 100 characters, not ASCII)', async () => {
    await telesign().send({ ...sms, reference: 'r'.repeat(101) });
    await telesign().send({ ...sms, reference: 'réf' });
    expect(simulator.messages.map((message) => message.request.external_id)).toEqual([undefined, undefined]);
  });

  it('keeps a base URL path as a prefix', async () => {
    const { dispatcher, sent } = record();
    await telesign({ dispatcher, baseUrl: `${simulator.url}/prefix` })
      .send(sms)
      .catch(() => undefined);
    expect(sent[0]?.path).toBe('/prefix/v1/messaging');
  });

  it('refuses a call text over Telesign’s 1,600 characters before any request', async () => {
    const error = await rejection(telesign().send({ ...call, text: `Code 493817. ${'x'.repeat(1600)}` }));
    expect(error).toMatchObject({ code: 'rejected', provider: 'telesign' });
    expect(simulator.requests).toHaveLength(0);
  });

  it('a per-send timeout ends a request Telesign never answers', async () => {
    simulator.fail('telesign', 'no-answer');
    const started = performance.now();
    await expect(telesign().send(sms, { timeoutMs: 150 })).rejects.toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('an aborted signal rejects with its reason, before any request', async () => {
    const controller = new AbortController();
    const reason = new Error('the login was cancelled');
    controller.abort(reason);
    await expect(telesign().send(sms, { signal: controller.signal })).rejects.toBe(reason);
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('createTelesign: options and input', () => {
  testOptions(createTelesign, {
    provider: 'telesign',
    valid: () => ({ customerId: 'CUSTOMER-1', apiKey: 'c2ltLWtleS0wMDAwMDAwMA==' }),
    bad: [
      { what: 'a missing Customer ID', options: { customerId: undefined }, option: 'customerId' },
      { what: 'a Customer ID with a colon', options: { customerId: 'ACME:1234' }, option: 'customerId' },
      { what: 'a missing API key', options: { apiKey: undefined }, option: 'apiKey' },
      { what: 'an API key with spaces', options: { apiKey: 'secret key value' }, option: 'apiKey' },
      { what: 'a base URL that is not one', options: { baseUrl: 'rest-ww.telesign.com' }, option: 'baseUrl' },
      {
        what: 'a voice that is not Telesign’s form',
        options: { voice: { voice: 'Polly.Amy' } },
        option: 'voice.voice',
      },
      { what: 'a timeout too short', options: { timeoutMs: 10 }, option: 'timeoutMs' },
    ],
    unknown: { from: 'Acme' },
    secrets: () => ['c2ltLWtleS0wMDAwMDAwMA=='],
    title: (what) => `rejects ${what}, naming the option and not its value`,
  });

  it('offers SMS and voice', () => {
    expect(telesign()).toMatchObject({ name: 'telesign', channels: ['sms', 'voice'] });
  });

  const invalid: [string, PhoneMessage, string][] = [
    ['a number not in E.164', { ...sms, to: '07400 123456' }, 'invalid_recipient'],
    ['an empty text', { ...sms, text: ' ' }, 'rejected'],
    ['a call to a number not in E.164', { ...call, to: '+44 7400 123456' }, 'invalid_recipient'],
  ];
  for (const [name, message, code] of invalid) {
    it(`refuses ${name} before any request`, async () => {
      await expect(telesign().send(message)).rejects.toMatchObject({ code, provider: 'telesign' });
      expect(simulator.requests).toHaveLength(0);
    });
  }
});

describe('createTelesign: redaction (the classic guide passed axios errors, credentials included, to Auth0)', () => {
  testRedaction(createTelesign, {
    options,
    messages: [sms, call],
    scenarios: [
      { what: 'a wrong key', options: { apiKey: 'd3JvbmctdGVsZXNpZ24ta2V5' } },
      { what: 'an invalid number', arrange: () => simulator.fail('telesign', 'invalid-number') },
      {
        what: 'a body echoing everything',
        arrange: () =>
          simulator.fail('telesign', {
            type: 'status',
            status: 400,
            body: JSON.stringify({
              status: {
                code: 11000,
                description: `${simulator.credentials.telesign.customerId}:${simulator.credentials.telesign.apiKey} 493817 +447400123456 447400123456`,
              },
            }),
          }),
      },
      {
        what: 'an unknown code echoing everything',
        arrange: () =>
          simulator.fail('telesign', {
            type: 'status',
            status: 200,
            body: JSON.stringify({
              status: {
                code: 77777,
                description: `key ${simulator.credentials.telesign.apiKey} 493817 447400123456`,
              },
            }),
          }),
      },
      {
        what: 'a 500 echoing everything',
        arrange: () =>
          simulator.fail('telesign', {
            type: 'status',
            status: 500,
            body: `${simulator.credentials.telesign.apiKey} 493817 447400123456`,
          }),
      },
    ],
    hidden: ({ customerId, apiKey }) => [
      apiKey,
      customerId,
      Buffer.from(`${customerId}:${apiKey}`).toString('base64'),
      '493817',
      '447400123456',
    ],
    kept: 'the key, Customer ID, code and number',
  });
});
