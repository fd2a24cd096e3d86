import { createRouter, type PhoneMessage, type Provider } from '@mfa-sms/core';
import {
  rejection,
  testMessage,
  testOptions,
  testRedaction,
  useSimulator,
  withDefaults,
} from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { plivoErrorTable } from './plivo-errors.js';
import type { PlivoOptions } from './plivo-options.js';
import { createPlivo } from './plivo-provider.js';

const { simulator, record } = useSimulator();

const options = (): PlivoOptions => ({
  ...simulator.credentials.plivo,
  from: '+14155550100',
  baseUrl: simulator.url,
});
const plivo = withDefaults(createPlivo, options);

const sms: PhoneMessage = testMessage({ reference: 'txn-42' });

describe('createPlivo: sending', () => {
  it('posts src, dst and text as JSON with Basic auth and returns the message_uuid', async () => {
    const { dispatcher, sent } = record();
    const result = await plivo({ dispatcher }).send(sms);
    const [message] = simulator.messages;
    expect(result).toEqual({ provider: 'plivo', channel: 'sms', id: message?.id, to: sms.to, segments: 1 });
    expect(message).toMatchObject({
      provider: 'plivo',
      to: '447400123456',
      from: '14155550100',
      text: sms.text,
    });
    expect(sent[0]?.path).toBe(`/v1/Account/${simulator.credentials.plivo.authId}/Message/`);
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      src: '14155550100',
      dst: '447400123456',
      text: 'Your code is 493817',
      type: 'sms',
    });
    const { authId, authToken } = simulator.credentials.plivo;
    expect(sent[0]?.headers).toMatchObject({
      authorization: `Basic ${Buffer.from(`${authId}:${authToken}`).toString('base64')}`,
      'content-type': 'application/json',
      'user-agent': 'mfa-sms-plivo/0.0.0-test',
    });
  });

  it('sends an alphanumeric sender ID as it is, and the message’s own sender first', async () => {
    await plivo({ from: 'Acme' }).send(sms);
    await plivo({ from: 'Acme' }).send({ ...sms, from: 'AcmeLogin' });
    expect(simulator.messages.map((message) => message.from)).toEqual(['Acme', 'AcmeLogin']);
  });

  it('refuses a voice message with unsupported_channel before any request', async () => {
    await expect(plivo().send({ ...sms, channel: 'voice' })).rejects.toMatchObject({
      code: 'unsupported_channel',
      provider: 'plivo',
      retryable: false,
    });
    expect(simulator.requests).toHaveLength(0);
    expect(plivo().channels).toEqual(['sms']);
  });

  it('behind a router, a voice message goes to the next provider that offers voice', async () => {
    const calls: PhoneMessage[] = [];
    const voice: Provider = {
      name: 'voice-backup',
      channels: ['sms', 'voice'],
      send: async (message) => {
        calls.push(message);
        return { provider: 'voice-backup', channel: message.channel, id: 'call-1', to: message.to };
      },
    };
    const router = createRouter({ providers: [plivo(), voice] });
    const result = await router.send({ ...sms, channel: 'voice' });
    expect(result).toMatchObject({ provider: 'voice-backup', channel: 'voice' });
    expect(calls).toHaveLength(1);
    expect(simulator.requests).toHaveLength(0);
    // SMS still goes to Plivo first.
    await expect(router.send(sms)).resolves.toMatchObject({ provider: 'plivo' });
  });

  it('a 202 listing the recipient under invalid_number → invalid_recipient', async () => {
    simulator.fail('plivo', {
      type: 'status',
      status: 202,
      headers: { 'content-type': 'application/json' },
      body: '{"api_id":"a","message":"message(s) queued","message_uuid":[],"invalid_number":["447400123456"]}',
    });
    const error = await rejection(plivo().send(sms));
    expect(error).toMatchObject({ code: 'invalid_recipient', status: 202, retryable: false });
    expect(error.message).toBe(
      'Plivo queued nothing: the recipient +44******456 is listed as an invalid number',
    );
  });

  it('a 202 queuing nothing without saying why → bad_response', async () => {
    simulator.fail('plivo', { type: 'status', status: 202, body: '{"api_id":"a","message_uuid":[]}' });
    await expect(plivo().send(sms)).rejects.toMatchObject({ code: 'bad_response', provider: 'plivo' });
  });
});

describe('createPlivo: Plivo’s error answers', () => {
  const rows: [string, number, string, string][] = [
    [
      "'447400123456' is not a valid phone number.",
      400,
      'invalid_recipient',
      "the recipient is not a valid number; recipient +44******456; Plivo says: '[redacted]' is not a valid phone number.",
    ],
    [
      'Insufficient Credit',
      400,
      'insufficient_funds',
      'the Plivo account has run out of credit; Plivo says: Insufficient Credit',
    ],
    [
      'src parameter is invalid',
      400,
      'invalid_config',
      'the configured "from" cannot send from this Plivo account; Plivo says: src parameter is invalid',
    ],
    ['authentication_failed', 401, 'auth_failed', ''],
    [
      'Destination country not allowed',
      403,
      'blocked_destination',
      "the destination's country is not enabled in the account's geo permissions; recipient +44******456; Plivo says: Destination country not allowed",
    ],
    [
      'text parameter not present',
      400,
      'rejected',
      'Plivo refused the message; Plivo says: text parameter not present',
    ],
    ['not found', 404, 'rejected', 'Plivo refused the message; Plivo says: not found'],
  ];
  for (const [text, status, code, detail] of rows) {
    it(`HTTP ${status} "${text}" → ${code}`, async () => {
      simulator.fail('plivo', { type: 'code', code: text, status });
      const error = await rejection(plivo().send(sms));
      expect(error).toMatchObject({ code, status, provider: 'plivo', retryable: false });
      if (detail) expect(error.message).toBe(`Plivo answered HTTP ${status}: ${detail}`);
    });
  }

  it('a 500 with Plivo’s invalid-number text is still provider_unavailable, retryable', async () => {
    simulator.fail('plivo', { type: 'error', kind: 'invalid-number', status: 500 });
    await expect(plivo().send(sms)).rejects.toMatchObject({ code: 'provider_unavailable', retryable: true });
  });

  it('a 403 without Plivo’s body is auth_failed (a proxy or firewall)', async () => {
    simulator.fail('plivo', { type: 'status', status: 403, body: 'Forbidden' });
    await expect(plivo().send(sms)).rejects.toMatchObject({ code: 'auth_failed', status: 403 });
  });

  it('wrong credentials → auth_failed from the simulator’s own check', async () => {
    await expect(plivo({ authToken: 'not-the-token-at-all' }).send(sms)).rejects.toMatchObject({
      code: 'auth_failed',
      status: 401,
    });
  });

  it('every rule names its source', () => {
    for (const rule of plivoErrorTable) expect(rule.source).toMatch(/^https:\/\//);
  });
});

describe('createPlivo: options', () => {
  testOptions(createPlivo, {
    provider: 'plivo',
    valid: () => ({
      authId: 'MA00000000000000SIM0',
      authToken: 'sim-plivo-auth-token-000000000000000000',
      from: '+14155550100',
    }),
    bad: [
      { what: 'a missing Auth ID', options: { authId: undefined }, option: 'authId' },
      { what: 'an Auth ID of the wrong form', options: { authId: 'XA00000000000000SIM0' }, option: 'authId' },
      { what: 'an auth token too short', options: { authToken: 'short' }, option: 'authToken' },
      {
        what: 'an auth token with spaces',
        options: { authToken: 'secret token value' },
        option: 'authToken',
      },
      { what: 'a missing sender', options: { from: undefined }, option: 'from' },
      { what: 'a base URL that is not one', options: { baseUrl: 'api.plivo.com' }, option: 'baseUrl' },
      { what: 'a timeout too short', options: { timeoutMs: 10 }, option: 'timeoutMs' },
    ],
    unknown: { voice: {} },
    secrets: () => ['sim-plivo-auth-token'],
  });

  it('refuses a number not in E.164 before any request', async () => {
    await expect(plivo().send({ ...sms, to: '07400 123456' })).rejects.toMatchObject({
      code: 'invalid_recipient',
    });
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('createPlivo: redaction', () => {
  testRedaction(createPlivo, {
    options,
    messages: [sms],
    scenarios: [
      { what: 'an invalid number echoed back', arrange: () => simulator.fail('plivo', 'invalid-number') },
      {
        what: 'a body echoing everything',
        arrange: () =>
          simulator.fail('plivo', {
            type: 'code',
            code: `token ${simulator.credentials.plivo.authToken} code 493817 to +447400123456 / 447400123456`,
          }),
      },
      {
        what: 'a 500 echoing everything',
        arrange: () =>
          simulator.fail('plivo', {
            type: 'status',
            status: 500,
            body: `${simulator.credentials.plivo.authToken} 493817 447400123456`,
          }),
      },
    ],
    hidden: ({ authId, authToken }) => [
      authToken,
      Buffer.from(`${authId}:${authToken}`).toString('base64'),
      '493817',
      '447400123456',
    ],
    kept: 'the token, the Authorization header, the code and the number',
  });
});
