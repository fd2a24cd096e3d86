import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isRetryableCode, type PhoneMessage } from '@mfa-sms/core';
import {
  everythingVisible,
  rejection,
  testMessage,
  testOptions,
  testRedaction,
  useSimulator,
  withDefaults,
} from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { vonageStatusTable } from './vonage-errors.js';
import type { VonageOptions } from './vonage-options.js';
import { createVonage } from './vonage-provider.js';
import { vonageTalkLanguage, vonageTalkLanguages } from './vonage-wire.js';

const { simulator } = useSimulator();

/** Options that work against the simulator, with both APIs' credentials. */
function vonageOptions(): VonageOptions {
  const { apiKey, apiSecret, applicationId, privateKey } = simulator.credentials.vonage;
  return { apiKey, apiSecret, from: 'Acme', applicationId, privateKey, voice: { from: '447700900000' } };
}

const vonage = withDefaults(createVonage, () => ({
  ...vonageOptions(),
  baseUrl: simulator.url,
  timeoutMs: 2000,
}));

const sms: PhoneMessage = testMessage({ reference: 'corr-1' });
const voice: PhoneMessage = {
  ...sms,
  channel: 'voice',
  text: 'Your code is {{pause}} 4.9.3.8.1.7.',
  language: 'pt-BR',
};

describe('SMS API', () => {
  it('sends GSM text as the classic nexmo package did, with client-ref', async () => {
    const result = await vonage().send(sms);
    expect(result).toEqual({
      provider: 'vonage',
      channel: 'sms',
      id: expect.stringMatching(/^[0-9A-F]{16}$/),
      to: sms.to,
      segments: 1,
    });
    expect(simulator.messages[0]?.request).toEqual({
      api_key: simulator.credentials.vonage.apiKey,
      api_secret: '[checked]',
      from: 'Acme',
      to: '447400123456',
      text: 'Your code is 493817',
      'client-ref': 'corr-1',
    });
  });

  it('marks non-GSM text as unicode and counts the parts Vonage answers', async () => {
    const text = `Código: 493817 ${'ç'.repeat(80)}`;
    const result = await vonage().send({ ...sms, text });
    expect(result.segments).toBe(2);
    expect(simulator.messages[0]?.request).toMatchObject({ type: 'unicode', text });
  });

  it.each(
    vonageStatusTable.flatMap((rule) =>
      rule.statuses.map((status) => [status, rule.code, isRetryableCode(rule.code)] as const),
    ),
  )('maps status %i to %s', async (status, code, retryable) => {
    simulator.fail('vonage', { type: 'code', code: status });
    const error = await rejection(vonage().send(sms));
    expect(error).toMatchObject({
      code,
      retryable,
      provider: 'vonage',
      providerCode: String(status),
      status: 200,
    });
  });

  it.each([
    [2, 'Missing to param', 'invalid_recipient'],
    [3, 'Invalid to param', 'invalid_recipient'],
    [3, 'Invalid from param', 'rejected'],
    [8, 'Partner account barred.', 'rejected'],
    [12, 'Message too long', 'rejected'],
  ])('maps status %i "%s" to %s', async (status, errorText, code) => {
    simulator.fail('vonage', {
      type: 'status',
      status: 200,
      body: JSON.stringify({
        'message-count': '1',
        messages: [{ status: String(status), 'error-text': errorText }],
      }),
    });
    const error = await rejection(vonage().send(sms));
    expect(error).toMatchObject({ code, providerCode: String(status) });
    expect(error.message).toContain(errorText.replace(/\.$/, ''));
  });

  it('fails a multi-part text when one part fails, saying that part of it went out', async () => {
    simulator.fail('vonage', { type: 'code', code: '0,7' });
    const error = await rejection(vonage().send(sms));
    expect(error).toMatchObject({ code: 'blocked_destination', providerCode: '7' });
    expect(error.message).toContain('part of a 2-part text was sent');
  });

  it('refuses bad credentials in band', async () => {
    const error = await rejection(vonage({ apiSecret: 'WrongSecret0001' }).send(sms));
    expect(error).toMatchObject({ code: 'auth_failed', providerCode: '4', retryable: false });
    expect(everythingVisible(error)).not.toContain('WrongSecret0001');
  });
});

describe("a message's own sender", () => {
  it('is sent by the SMS API instead of from, and calls come from it when it is a number', async () => {
    await vonage().send({ ...sms, from: 'Acme Login' });
    expect(simulator.messages[0]?.from).toBe('Acme Login');
    await vonage().send({ ...voice, from: 'Acme Login' });
    expect(simulator.messages[1]?.from).toBe('447700900000');
    await vonage().send({ ...voice, from: '+447700900111' });
    expect(simulator.messages[2]?.from).toBe('447700900111');
  });

  it('is refused before any request when no provider would take it', async () => {
    const error = await rejection(vonage().send({ ...sms, from: 'Acme Login Service' }));
    expect(error.code).toBe('rejected');
    expect(simulator.requests).toEqual([]);
  });
});

describe('Messages API', () => {
  it('sends with Basic auth and auto encoding', async () => {
    const result = await vonage({ api: 'messages' }).send(sms);
    expect(result).toEqual({
      provider: 'vonage',
      channel: 'sms',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      to: sms.to,
      segments: 1,
    });
    expect(simulator.messages[0]?.request).toEqual({
      message_type: 'text',
      channel: 'sms',
      to: '447400123456',
      from: 'Acme',
      text: sms.text,
      client_ref: 'corr-1',
      sms: { encoding_type: 'auto' },
    });
  });

  it.each([
    ['auth', 'auth_failed', 401],
    ['no-credit', 'insufficient_funds', 402],
    ['invalid-number', 'invalid_recipient', 422],
    ['bad-request', 'rejected', 400],
  ] as const)('maps problem+json %s to %s', async (kind, code, status) => {
    simulator.fail('vonage', kind);
    const error = await rejection(vonage({ api: 'messages' }).send(sms));
    expect(error).toMatchObject({ code, status, providerCode: expect.any(String) });
  });
});

describe('voice', () => {
  it('reads the code digit by digit in a language the NCCO allows, with a JWT the simulator verifies', async () => {
    const result = await vonage().send(voice);
    expect(result).toEqual({
      provider: 'vonage',
      channel: 'voice',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      to: voice.to,
    });
    expect(simulator.messages[0]?.request).toEqual({
      to: [{ type: 'phone', number: '447400123456' }],
      from: { type: 'phone', number: '447700900000' },
      ncco: [
        { action: 'talk', text: 'Your code is: 4, 9, 3, 8, 1, 7.', language: 'pt-BR', style: 0, loop: 2 },
      ],
    });
  });

  it('is refused by the simulator when signed with another key', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const error = await rejection(vonage({ privateKey: other.privateKey }).send(voice));
    expect(error).toMatchObject({ code: 'auth_failed', status: 401 });
    expect(everythingVisible(error)).not.toContain(other.privateKey.split('\n')[1]);
  });

  it('keeps hostile text inside the one talk action', async () => {
    const text = '"}],"ncco":[{"action":"connect"}], </speak><break/> \\" \u2028';
    await vonage().send({ ...voice, text, code: undefined });
    const ncco = (simulator.messages[0]?.request as { ncco: unknown[] } | undefined)?.ncco;
    expect(ncco).toHaveLength(1);
    expect(ncco?.[0]).toMatchObject({ action: 'talk', text: text.trim() });
  });

  it('refuses a text over 1500 characters before any request', async () => {
    const error = await rejection(vonage().send({ ...voice, text: 'a'.repeat(1501) }));
    expect(error).toMatchObject({ code: 'rejected' });
    expect(simulator.requests).toHaveLength(0);
  });

  it('is unsupported without an application', async () => {
    const error = await rejection(
      vonage({ applicationId: undefined, privateKey: undefined, voice: {} }).send(voice),
    );
    expect(error).toMatchObject({ code: 'unsupported_channel' });
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('options', () => {
  testOptions(createVonage, {
    provider: 'vonage',
    valid: vonageOptions,
    bad: [
      { options: { apiKey: '' }, option: 'apiKey' },
      { options: { from: 'Far Too Long Sender' }, option: 'from' },
      { options: { api: 'rest' }, option: 'api' },
      {
        options: { privateKey: '-----BEGIN PRIVATE KEY-----\nnot-a-key-at-all\n-----END PRIVATE KEY-----' },
        option: 'privateKey',
      },
      { options: { applicationId: undefined }, option: 'applicationId' },
      { options: { voice: {} }, option: 'voice.from' },
      { options: { baseUrl: 'ftp://example.com' }, option: 'baseUrl' },
      { options: { timeoutMs: 5 }, option: 'timeoutMs' },
    ],
    unknown: { region: 'eu' },
    secrets: () => [simulator.credentials.vonage.apiSecret, 'not-a-key-at-all'],
    title: (what) => `rejects ${what} naming the option and not its value`,
  });

  it('uses the default hosts unless baseUrl is given', async () => {
    const { apiKey, apiSecret } = simulator.credentials.vonage;
    expect(createVonage({ apiKey, apiSecret, from: 'Acme' }).channels).toEqual(['sms']);
  });
});

describe('secret hygiene', () => {
  testRedaction(createVonage, {
    options: vonageOptions,
    messages: [sms, voice],
    scenarios: (['auth', 'invalid-number', 'reset', 'no-answer', 'unavailable'] as const).map((fault) => ({
      what: fault,
      arrange: (message: PhoneMessage) => simulator.fail('vonage', fault, { channel: message.channel }),
      options: () => ({ baseUrl: simulator.url, timeoutMs: 300 }),
    })),
    hidden: ({ apiSecret, privateKey }) => [
      apiSecret ?? '',
      privateKey?.split('\n')[1] ?? '',
      '493817',
      '447400123456',
      '4.9.3.8.1.7',
    ],
    kept: 'the secret, the private key, the code and the number',
  });
});

describe('the requests match the published specifications', () => {
  const specs = new URL('../../../specs/vonage/', import.meta.url);

  it('maps languages to the talk languages the NCCO schema allows, and only to those', () => {
    const schema = JSON.parse(readFileSync(new URL('ncco-schema.json', specs), 'utf8'));
    expect([...vonageTalkLanguages]).toEqual(schema.definitions.languages.enum);
    const mapped = ['pt-BR', 'pt', 'de', 'zh-TW', 'zh', 'no', 'fr-CA', 'en', 'xx', undefined].map((tag) =>
      vonageTalkLanguage(tag, 'en-GB'),
    );
    expect(mapped).toEqual([
      'pt-BR',
      'pt-PT',
      'de-DE',
      'cmn-TW',
      'cmn-CN',
      'nb-NO',
      'fr-CA',
      'en-GB',
      'en-GB',
      'en-GB',
    ]);
  });

  it('sends every field sms.yml marks required for NewMessage', async () => {
    const spec = readFileSync(new URL('sms.yml', specs), 'utf8');
    const section = spec.slice(spec.indexOf('    NewMessage:'));
    const required = /required:\n((?:\s+- \S+\n)+)/
      .exec(section)?.[1]
      ?.match(/- (\S+)/g)
      ?.map((item) => item.slice(2));
    expect(required).toEqual(expect.arrayContaining(['api_key', 'from', 'to']));
    await vonage().send(sms);
    const sent = simulator.messages[0]?.request as Record<string, unknown>;
    for (const field of required ?? []) expect(sent, field).toHaveProperty(field);
    expect(sent.to).toMatch(/^\d{7,15}$/);
  });

  // The required lists of one schema of an OpenAPI YAML file: the "- name" lines after each
  // "required:" between the schema's name and the next schema at the same indentation.
  function requiredOf(spec: string, schema: string): string[] {
    const start = spec.indexOf(`\n    ${schema}:\n`);
    expect(start, schema).toBeGreaterThan(-1);
    const rest = spec.slice(start + schema.length + 7);
    const end = rest.search(/\n {4}[A-Za-z][A-Za-z0-9]*:\n/);
    const body = end === -1 ? rest : rest.slice(0, end);
    return [...body.matchAll(/required:\n((?:\s+- [a-z_]+\n)+)/g)].flatMap((match) =>
      (match[1] ?? '')
        .trim()
        .split('\n')
        .map((line) => line.replace(/^\s*- /, '')),
    );
  }

  it('sends every field voice.yml marks required for a call with an NCCO', async () => {
    const spec = readFileSync(new URL('voice.yml', specs), 'utf8');
    const call = [...requiredOf(spec, 'CreateCallRequestNcco'), ...requiredOf(spec, 'CreateCallRequestBase')];
    const phone = requiredOf(spec, 'EndpointPhoneTo');
    expect(call).toEqual(expect.arrayContaining(['ncco', 'to']));
    expect(phone).toEqual(expect.arrayContaining(['number', 'type']));
    await vonage().send(voice);
    const sent = simulator.messages[0]?.request as {
      to: Record<string, unknown>[];
      ncco: Record<string, unknown>[];
    };
    for (const field of call) expect(sent, field).toHaveProperty(field);
    for (const field of phone) expect(sent.to[0], field).toHaveProperty(field);
    expect(requiredOf(spec, 'StartTalkRequest')).toEqual(['text']);
    expect(sent.ncco[0]).toHaveProperty('text');
  });
});

describe('answers that are not what Vonage promises', () => {
  it.each([
    ['sms', {}],
    ['messages', { api: 'messages' }],
    ['voice', {}],
  ] as const)('%s: a 2xx of the wrong shape is bad_response', async (kind, overrides) => {
    simulator.fail('vonage', 'wrong-shape');
    const error = await rejection(vonage(overrides).send(kind === 'voice' ? voice : sms));
    expect(error).toMatchObject({ code: 'bad_response', retryable: false, provider: 'vonage' });
  });

  it('calls from one of the application\'s numbers with voice.from "random"', async () => {
    const result = await vonage({ voice: { from: 'random' } }).send(voice);
    expect(result.channel).toBe('voice');
    expect(simulator.messages[0]?.request).toMatchObject({ random_from_number: true });
    expect(simulator.messages[0]?.request).not.toHaveProperty('from');
  });

  it('an SMS API 429 with Retry-After (no in-band status) is rate_limited with its delay', async () => {
    simulator.fail('vonage', { type: 'error', kind: 'rate-limit', retryAfter: 7 });
    const error = await rejection(vonage().send(sms));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, status: 429, retryAfterMs: 7000 });
  });

  it('an SMS API throttle in band (status 1) is rate_limited too', async () => {
    simulator.fail('vonage', 'rate-limit');
    const error = await rejection(vonage().send(sms));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, status: 200, providerCode: '1' });
  });

  it('a Messages API 422 naming "to" in invalid_parameters is invalid_recipient', async () => {
    simulator.fail('vonage', {
      type: 'status',
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify({
        type: 'https://developer.nexmo.com/api-errors/messages-olympus#1150',
        title: 'Invalid params',
        detail: 'The value of one or more parameters is invalid.',
        invalid_parameters: [{ name: 'to', reason: 'Invalid value 447400123456' }],
      }),
    });
    const error = await rejection(vonage({ api: 'messages' }).send(sms));
    expect(error).toMatchObject({
      code: 'invalid_recipient',
      status: 422,
      providerCode: 'messages-olympus#1150',
    });
    expect(simulator.requests).toHaveLength(1);
    expect(everythingVisible(error)).not.toContain('447400123456');
  });
});
