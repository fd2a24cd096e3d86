import type { PhoneMessage } from '@mfa-sms/core';
import {
  rejection,
  testOptions,
  testRedaction,
  useSimulator,
  withDefaults,
} from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { createMitto, type MittoOptions } from './mitto-provider.js';

const { simulator, record } = useSimulator();

const options = (): MittoOptions => ({
  ...simulator.credentials.mitto,
  from: 'Acme',
  baseUrl: simulator.url,
});
const mitto = withDefaults(createMitto, options);

const sms: PhoneMessage = {
  to: '+491775682913',
  text: 'Your code is 123456',
  channel: 'sms',
  code: '123456',
  reference: 'txn-42',
};

describe('createMitto: sending', () => {
  it('sends an SMS and returns Mitto’s id and the segment count', async () => {
    const { dispatcher, sent } = record();
    const result = await mitto({ dispatcher }).send(sms);
    const [message] = simulator.messages;
    expect(result).toEqual({
      provider: 'mitto',
      channel: 'sms',
      id: message?.id,
      to: '+491775682913',
      segments: 1,
    });
    expect(message).toMatchObject({
      channel: 'sms',
      to: '491775682913',
      from: 'Acme',
      text: sms.text,
      reference: 'txn-42',
    });
    expect(message?.request).toMatchInlineSnapshot(`
      {
        "from": "Acme",
        "reference": "txn-42",
        "text": "Your code is 123456",
        "to": "491775682913",
      }
    `);
    expect(sent[0]?.path).toBe('/sms.json');
    expect(sent[0]?.headers).toMatchObject({
      'x-mitto-api-key': simulator.credentials.mitto.apiKey,
      'content-type': 'application/json',
      'user-agent': 'mfa-sms-mitto/0.0.0-test',
    });
  });

  it('marks text GSM-7 cannot carry as Unicode (else Mitto answers responseCode 4)', async () => {
    const text = `Ihr Code: 123456 ✅ ${'x'.repeat(60)}`;
    const result = await mitto().send({ ...sms, text, reference: undefined });
    expect(result.segments).toBe(2);
    expect(simulator.messages[0]?.request).toEqual({
      from: 'Acme',
      to: '491775682913',
      text,
      type: 'Unicode',
    });
  });

  it('accepts a numeric sender', async () => {
    await mitto({ from: '4915112345678' }).send(sms);
    expect(simulator.messages[0]?.from).toBe('4915112345678');
  });

  it("sends the classic Auth0 guide's sender, with its space", async () => {
    await mitto({ from: 'Mitto SMS' }).send(sms);
    expect(simulator.messages[0]?.from).toBe('Mitto SMS');
  });

  it("sends from the message's own sender when it has one", async () => {
    await mitto({ from: 'Acme' }).send({ ...sms, from: 'Acme Login' });
    expect(simulator.messages[0]?.from).toBe('Acme Login');
  });

  it('keeps a base URL path as a prefix (Mitto’s /v2 base path)', async () => {
    const { dispatcher, sent } = record();
    await mitto({ dispatcher, baseUrl: `${simulator.url}/v2` }).send(sms);
    expect(sent[0]?.path).toBe('/v2/sms.json');
    expect(simulator.requests).toMatchObject([{ path: '/v2/sms.json', outcome: 'accepted' }]);
  });

  it('takes textLength and responseCode as strings', async () => {
    simulator.fail('mitto', {
      type: 'status',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"id":"7d35","timestamp":"2019-04-13T17:51:06.3091182Z","responseCode":"0","textLength":"19","responseText":"SMS sent","test":false}',
    });
    await expect(mitto().send(sms)).resolves.toMatchObject({ id: '7d35' });
  });

  it('refuses a voice message before any request', async () => {
    await expect(mitto().send({ ...sms, channel: 'voice' })).rejects.toMatchObject({
      code: 'unsupported_channel',
      provider: 'mitto',
      retryable: false,
    });
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('createMitto: the responseCode table, one code at a time', () => {
  const rows: [number, string, boolean, string][] = [
    [1, 'provider_unavailable', true, 'internal error'],
    [2, 'rejected', false, 'invalid type (GSM, Unicode or Binary)'],
    [3, 'rejected', false, 'empty message'],
    [4, 'rejected', false, 'invalid text for the encoding'],
    [5, 'invalid_config', false, 'empty sender: set the "from" option'],
    [6, 'invalid_config', false, 'invalid sender: check the "from" option'],
    [7, 'invalid_recipient', false, 'empty receiver (recipient +49******913)'],
    [8, 'invalid_recipient', false, 'invalid receiver (recipient +49******913)'],
  ];
  for (const [responseCode, code, retryable, detail] of rows) {
    it(`responseCode ${responseCode} → ${code}${retryable ? ', retryable' : ''}, with HTTP 200 and with HTTP 400`, async () => {
      simulator.fail('mitto', { type: 'code', code: responseCode });
      simulator.fail('mitto', { type: 'code', code: responseCode, status: 400 });
      for (const status of [200, 400]) {
        const error = await rejection(mitto().send(sms));
        expect(error).toMatchObject({
          code,
          retryable,
          status,
          providerCode: String(responseCode),
          provider: 'mitto',
        });
        expect(error.message).toBe(`Mitto answered HTTP ${status} (${responseCode}): ${detail}`);
      }
      expect(simulator.messages).toHaveLength(0);
    });
  }

  it('an unknown responseCode falls back to the HTTP status', async () => {
    simulator.fail('mitto', { type: 'code', code: 42 });
    simulator.fail('mitto', { type: 'code', code: 42, status: 503 });
    await expect(mitto().send(sms)).rejects.toMatchObject({
      code: 'rejected',
      retryable: false,
      providerCode: '42',
    });
    await expect(mitto().send(sms)).rejects.toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      providerCode: '42',
    });
  });

  it('a 5xx decides over its responseCode: retryable', async () => {
    simulator.fail('mitto', { type: 'code', code: 8, status: 500 });
    await expect(mitto().send(sms)).rejects.toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      providerCode: '8',
    });
  });

  it('a real validation answer from Mitto (HTTP 400, responseCode 6) → invalid_config', async () => {
    simulator.fail('mitto', {
      type: 'status',
      status: 400,
      body: '{"responseCode":6,"responseText":"Invalid sender"}',
    });
    await expect(mitto().send(sms)).rejects.toMatchObject({ code: 'invalid_config', status: 400 });
  });
});

describe('createMitto: HTTP statuses and transport failures', () => {
  it('HTTP 401 → auth_failed', async () => {
    const error = await rejection(mitto({ apiKey: 'not-the-key' }).send(sms));
    expect(error).toMatchObject({ code: 'auth_failed', status: 401, retryable: false });
    expect(error.message).toBe('Mitto answered HTTP 401: Invalid or no API Key specified');
  });

  it('the invalid-number fault → invalid_recipient', async () => {
    simulator.fail('mitto', 'invalid-number');
    await expect(mitto().send(sms)).rejects.toMatchObject({ code: 'invalid_recipient', providerCode: '8' });
  });

  it('the transient fault (HTTP 200, responseCode 1) → provider_unavailable, retryable', async () => {
    simulator.fail('mitto', 'transient');
    await expect(mitto().send(sms)).rejects.toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      status: 200,
    });
  });

  for (const status of [500, 502, 503]) {
    it(`HTTP ${status} → provider_unavailable, retryable`, async () => {
      simulator.fail('mitto', { type: 'status', status, body: 'Service Unavailable' });
      await expect(mitto().send(sms)).rejects.toMatchObject({
        code: 'provider_unavailable',
        retryable: true,
        status,
      });
    });
  }

  it('not-found and method-not-allowed → rejected', async () => {
    simulator.fail('mitto', 'not-found');
    simulator.fail('mitto', 'method-not-allowed');
    await expect(mitto().send(sms)).rejects.toMatchObject({ code: 'rejected', status: 404 });
    await expect(mitto().send(sms)).rejects.toMatchObject({ code: 'rejected', status: 405 });
  });
  it('a wrong-shape 200 answer → bad_response', async () => {
    simulator.fail('mitto', 'wrong-shape');
    await expect(mitto().send(sms)).rejects.toMatchObject({
      code: 'bad_response',
      provider: 'mitto',
      status: 200,
    });
  });

  it('a success without an id → bad_response', async () => {
    simulator.fail('mitto', {
      type: 'status',
      status: 200,
      body: '{"responseCode":0,"responseText":"SMS sent"}',
    });
    await expect(mitto().send(sms)).rejects.toMatchObject({ code: 'bad_response' });
  });
});

describe('createMitto: options and input', () => {
  testOptions(createMitto, {
    provider: 'mitto',
    valid: () => ({ apiKey: 'sim-mitto-api-key-00000000000000', from: 'Acme' }),
    bad: [
      { what: 'a missing API key', options: { apiKey: undefined }, option: 'apiKey' },
      { what: 'an API key with spaces', options: { apiKey: 'secret key value' }, option: 'apiKey' },
      { what: 'a missing sender', options: { from: undefined }, option: 'from' },
      { what: 'a sender too long', options: { from: 'AcmeCorporation' }, option: 'from' },
      {
        what: 'a sender with a character no provider documents',
        options: { from: 'Acme:Co' },
        option: 'from',
      },
      { what: 'a numeric sender too long', options: { from: '1234567890123456' }, option: 'from' },
      { what: 'a base URL that is not one', options: { baseUrl: 'rest.mittoapi.com' }, option: 'baseUrl' },
      { what: 'a timeout too short', options: { timeoutMs: 10 }, option: 'timeoutMs' },
      {
        what: 'a dispatcher that is not one',
        options: { dispatcher: { request: 'no' } },
        option: 'dispatcher',
      },
    ],
    unknown: { voice: {} },
    secrets: () => ['sim-mitto-api-key'],
    minValueLength: 4,
    title: (what) => `rejects ${what}, naming the option and not its value`,
  });

  it('offers SMS only', () => {
    expect(mitto()).toMatchObject({ name: 'mitto', channels: ['sms'] });
  });

  const invalidMessages: [string, PhoneMessage, string][] = [
    ['a number not in E.164', { ...sms, to: '0177 5682913' }, 'invalid_recipient'],
    ['an empty text', { ...sms, text: '' }, 'rejected'],
  ];
  for (const [name, message, code] of invalidMessages) {
    it(`refuses ${name} before any request`, async () => {
      await expect(mitto().send(message)).rejects.toMatchObject({ code, provider: 'mitto' });
      expect(simulator.requests).toHaveLength(0);
    });
  }
});

describe('createMitto: redaction (the classic guide logged the API key through axios)', () => {
  // Timeouts, resets and refused connections are testProvider's cells, which check the same for
  // every fault; these are Mitto's own answers.
  testRedaction(createMitto, {
    options,
    messages: [sms],
    scenarios: [
      { what: 'a wrong key', options: { apiKey: 'wrong-api-key-99999' } },
      { what: 'an invalid receiver', arrange: () => simulator.fail('mitto', { type: 'code', code: 8 }) },
      {
        what: 'a body echoing everything',
        arrange: () =>
          simulator.fail('mitto', {
            type: 'status',
            status: 400,
            body: `{"responseCode":8,"responseText":"key ${simulator.credentials.mitto.apiKey} code 123456 to +491775682913 / 491775682913"}`,
          }),
      },
      {
        what: 'a 500 echoing everything',
        arrange: () =>
          simulator.fail('mitto', {
            type: 'status',
            status: 500,
            body: `key ${simulator.credentials.mitto.apiKey} 123456 491775682913`,
          }),
      },
    ],
    hidden: (options) => [options.apiKey, simulator.credentials.mitto.apiKey, '123456', '491775682913'],
    kept: 'the API key, code and number',
  });
});
