import type { PhoneMessage } from '@mfa-sms/core';
import {
  rejection,
  testOptions,
  testRedaction,
  useSimulator,
  withDefaults,
} from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { clickSendErrorTable } from './clicksend-errors.js';
import type { ClickSendOptions } from './clicksend-options.js';
import { createClickSend } from './clicksend-provider.js';

const { simulator, record } = useSimulator();

const options = (): ClickSendOptions => ({
  ...simulator.credentials.clicksend,
  from: 'Acme',
  voice: {},
  baseUrl: simulator.url,
});
const clicksend = withDefaults(createClickSend, options);

const sms: PhoneMessage = {
  to: '+61411111111',
  text: 'Your code is 493817',
  channel: 'sms',
  code: '493817',
  reference: 'txn-42',
};
const call: PhoneMessage = { ...sms, channel: 'voice', text: 'Your code is 4.9.3.8.1.7', language: 'en-GB' };

describe('createClickSend: SMS', () => {
  it('posts { messages: [one] } with Basic auth and returns the message_id and its parts', async () => {
    const { dispatcher, sent } = record();
    const result = await clicksend({ dispatcher }).send(sms);
    const [message] = simulator.messages;
    expect(result).toEqual({
      provider: 'clicksend',
      channel: 'sms',
      id: message?.id,
      to: sms.to,
      segments: 1,
    });
    expect(sent[0]?.path).toBe('/v3/sms/send');
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      messages: [
        {
          source: 'mfa-sms',
          to: '+61411111111',
          body: 'Your code is 493817',
          from: 'Acme',
          custom_string: 'txn-42',
        },
      ],
    });
    const { username, apiKey } = simulator.credentials.clicksend;
    expect(sent[0]?.headers).toMatchObject({
      authorization: `Basic ${Buffer.from(`${username}:${apiKey}`).toString('base64')}`,
      'content-type': 'application/json',
      'user-agent': 'mfa-sms-clicksend/0.0.0-test',
    });
    expect(message).toMatchObject({
      provider: 'clicksend',
      channel: 'sms',
      from: 'Acme',
      reference: 'txn-42',
    });
  });

  it('takes the segment count from ClickSend’s message_parts, else counts it', async () => {
    const answer = (parts: unknown) =>
      JSON.stringify({
        http_code: 200,
        response_code: 'SUCCESS',
        data: { messages: [{ status: 'SUCCESS', message_id: 'A1', message_parts: parts }] },
      });
    simulator.fail('clicksend', { type: 'status', status: 200, body: answer(3) });
    simulator.fail('clicksend', { type: 'status', status: 200, body: answer(null) });
    await expect(clicksend().send(sms)).resolves.toMatchObject({ id: 'A1', segments: 3 });
    await expect(clicksend().send(sms)).resolves.toMatchObject({ id: 'A1', segments: 1 });
  });

  it('leaves from out without a sender (ClickSend picks the account’s default)', async () => {
    await clicksend({ from: undefined }).send({ ...sms, reference: undefined });
    expect(simulator.messages[0]?.request).toEqual({ source: 'mfa-sms', to: sms.to, body: sms.text });
  });

  it('a 200 whose message status is a failure is an error, though response_code says SUCCESS', async () => {
    simulator.fail('clicksend', 'invalid-number');
    const error = await rejection(clicksend().send(sms));
    expect(error).toMatchObject({
      code: 'invalid_recipient',
      status: 200,
      providerCode: 'INVALID_RECIPIENT',
    });
    expect(error.message).toBe(
      'ClickSend answered HTTP 200 (INVALID_RECIPIENT): the destination number is invalid; recipient +61******111; ClickSend says: Messages queued for delivery.',
    );
    expect(simulator.messages).toHaveLength(0);
  });

  it('a success without a message_id, or without messages → bad_response', async () => {
    simulator.fail('clicksend', {
      type: 'status',
      status: 200,
      body: '{"http_code":200,"response_code":"SUCCESS","data":{"messages":[{"status":"SUCCESS"}]}}',
    });
    simulator.fail('clicksend', {
      type: 'status',
      status: 200,
      body: '{"http_code":200,"response_code":"SUCCESS","data":{"messages":[]}}',
    });
    await expect(clicksend().send(sms)).rejects.toMatchObject({
      code: 'bad_response',
      provider: 'clicksend',
    });
    await expect(clicksend().send(sms)).rejects.toMatchObject({
      code: 'bad_response',
      provider: 'clicksend',
    });
  });

  it('a top-level failure without messages goes through the table', async () => {
    simulator.fail('clicksend', {
      type: 'status',
      status: 200,
      body: '{"http_code":200,"response_code":"INVALID_CREDENTIALS","response_msg":"Your Username or Unique Key is incorrect.","data":null}',
    });
    await expect(clicksend().send(sms)).rejects.toMatchObject({
      code: 'auth_failed',
      providerCode: 'INVALID_CREDENTIALS',
    });
  });
});

describe('createClickSend: voice', () => {
  it('reads the code one digit at a time, in the message’s language', async () => {
    const { dispatcher, sent } = record();
    const result = await clicksend({ dispatcher, voice: { voice: 'male' } }).send(call);
    expect(result).toEqual({
      provider: 'clicksend',
      channel: 'voice',
      id: simulator.messages[0]?.id,
      to: call.to,
    });
    expect(sent[0]?.path).toBe('/v3/voice/send');
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      messages: [
        {
          source: 'mfa-sms',
          to: '+61411111111',
          body: 'Your code is 4, 9, 3, 8, 1, 7',
          voice: 'male',
          lang: 'en-gb',
          custom_string: 'txn-42',
        },
      ],
    });
  });

  const languages: [string | undefined, ClickSendOptions['voice'], string, string][] = [
    [undefined, {}, 'en-us', 'female'],
    ['de', {}, 'de-de', 'female'],
    ['en', { lang: 'en-au' }, 'en-au', 'female'],
    ['pt-PT', { voice: 'female' }, 'pt-pt', 'male'],
    ['sv', { voice: 'male' }, 'sv-se', 'female'],
    ['ja', { lang: 'en-gb' }, 'en-gb', 'female'],
    ['fr_CA', {}, 'fr-ca', 'female'],
  ];
  for (const [language, voice, lang, speaker] of languages) {
    it(`a message in ${language ?? 'no language'} with ${JSON.stringify(voice)} → lang ${lang}, ${speaker}`, async () => {
      await clicksend({ voice }).send({ ...call, language });
      expect(simulator.messages[0]?.request).toMatchObject({ lang, voice: speaker });
    });
  }

  it('offers voice only when voice is configured, refusing a call before any request otherwise', async () => {
    const smsOnly = clicksend({ voice: undefined });
    expect(smsOnly.channels).toEqual(['sms']);
    expect(clicksend().channels).toEqual(['sms', 'voice']);
    await expect(smsOnly.send(call)).rejects.toMatchObject({
      code: 'unsupported_channel',
      provider: 'clicksend',
    });
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('createClickSend: the status table, one status at a time', () => {
  for (const [status, rule] of Object.entries(clickSendErrorTable)) {
    it(`${status} in a 200 → ${rule.code}`, async () => {
      simulator.fail('clicksend', { type: 'code', code: status });
      const error = await rejection(clicksend().send(sms));
      expect(error).toMatchObject({
        code: rule.code,
        status: 200,
        providerCode: status,
        provider: 'clicksend',
      });
      expect(error.message).toContain(rule.meaning);
    });
  }

  it('an unknown status in a 200 is rejected, not a success', async () => {
    simulator.fail('clicksend', { type: 'code', code: 'SOMETHING_NEW' });
    await expect(clicksend().send(sms)).rejects.toMatchObject({
      code: 'rejected',
      providerCode: 'SOMETHING_NEW',
    });
  });

  const http: [number, string, string, boolean][] = [
    [400, 'BAD_REQUEST', 'rejected', false],
    [401, 'UNAUTHORIZED', 'auth_failed', false],
    [403, 'FORBIDDEN', 'auth_failed', false],
    [404, 'NOT_FOUND', 'rejected', false],
    [405, 'METHOD_NOT_FOUND', 'rejected', false],
    [429, 'TOO_MANY_REQUESTS', 'rate_limited', true],
    [500, 'INTERNAL_SERVER_ERROR', 'provider_unavailable', true],
  ];
  for (const [status, responseCode, code, retryable] of http) {
    it(`HTTP ${status} ${responseCode} → ${code}`, async () => {
      simulator.fail('clicksend', {
        type: 'status',
        status,
        body: JSON.stringify({
          http_code: status,
          response_code: responseCode,
          response_msg: 'x',
          data: null,
        }),
      });
      await expect(clicksend().send(sms)).rejects.toMatchObject({
        code,
        status,
        retryable,
        providerCode: responseCode,
      });
    });
  }

  it('wrong credentials → auth_failed from the simulator’s own check', async () => {
    await expect(clicksend({ apiKey: 'not-the-key-at-all' }).send(sms)).rejects.toMatchObject({
      code: 'auth_failed',
      status: 401,
    });
  });
});

describe('createClickSend: options', () => {
  testOptions(createClickSend, {
    provider: 'clicksend',
    valid: () => ({ username: 'user', apiKey: 'SIM00000-0000-4000-8000-CLICKSEND000' }),
    bad: [
      { what: 'a missing username', options: { username: undefined }, option: 'username' },
      { what: 'a username with a colon', options: { username: 'user:name' }, option: 'username' },
      { what: 'an API key too short', options: { apiKey: 'short' }, option: 'apiKey' },
      { what: 'a sender ID with a space', options: { from: 'Acme Corp' }, option: 'from' },
      {
        what: 'a per-country sender with a space',
        options: { from: { '*': 'Acme', GB: 'Acme Corp' } },
        option: 'from',
      },
      { what: 'an unknown voice', options: { voice: { voice: 'robot' } }, option: 'voice.voice' },
      {
        what: 'a language ClickSend does not speak',
        options: { voice: { lang: 'ja-jp' } },
        option: 'voice.lang',
      },
      { what: 'a base URL that is not one', options: { baseUrl: 'rest.clicksend.com' }, option: 'baseUrl' },
    ],
    unknown: { region: 'eu' },
    secrets: () => ['CLICKSEND000'],
  });
});

describe('createClickSend: redaction', () => {
  testRedaction(createClickSend, {
    options,
    messages: [sms, call],
    scenarios: [
      { what: 'an invalid recipient', arrange: () => simulator.fail('clicksend', 'invalid-number') },
      {
        what: 'a response_msg echoing everything',
        arrange: () =>
          simulator.fail('clicksend', {
            type: 'status',
            status: 400,
            body: JSON.stringify({
              http_code: 400,
              response_code: 'BAD_REQUEST',
              response_msg: `key ${simulator.credentials.clicksend.apiKey} code 493817 to +61411111111 / 61411111111`,
            }),
          }),
      },
      {
        what: 'a 500 echoing everything',
        arrange: () =>
          simulator.fail('clicksend', {
            type: 'status',
            status: 500,
            body: `${simulator.credentials.clicksend.apiKey} 493817 61411111111`,
          }),
      },
    ],
    hidden: ({ username, apiKey }) => [
      apiKey,
      Buffer.from(`${username}:${apiKey}`).toString('base64'),
      '493817',
      '4, 9, 3',
      '61411111111',
    ],
    kept: 'the key, the Authorization header, the code and the number',
  });
});
