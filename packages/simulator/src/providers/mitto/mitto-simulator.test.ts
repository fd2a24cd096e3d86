import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { type Answer, rawRequest } from '../../raw-request.test-helper.js';
import type { Simulator } from '../../simulator.js';
import { useSimulator } from '../../test-simulator.js';
import { mittoSimulator } from './mitto-simulator.js';

function post(body: unknown, options: { path?: string; apiKey?: string | null } = {}): Promise<Answer> {
  const apiKey = options.apiKey === undefined ? simulator.credentials.mitto.apiKey : options.apiKey;
  return rawRequest(`${simulator.url}${options.path ?? '/sms.json'}`, {
    headers: {
      'content-type': 'application/json',
      ...(apiKey === null ? {} : { 'x-mitto-api-key': apiKey }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const good = { from: 'Acme', to: '491775682913', text: 'Your code is 123456', reference: 'ref-1' };

const { simulator } = useSimulator({ providers: [mittoSimulator] });

describe('mitto simulator: accepted requests', () => {
  for (const path of ['/sms.json', '/sms', '/v2/sms.json']) {
    it(`sends an SMS at ${path}`, async () => {
      const answer = await post(good, { path });
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      expect(body).toEqual({
        id: simulator.messages[0]?.id,
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        responseCode: 0,
        responseText: 'SMS sent',
        textLength: 19,
        test: false,
      });
      expect(simulator.messages).toMatchObject([
        {
          provider: 'mitto',
          channel: 'sms',
          to: '491775682913',
          from: 'Acme',
          text: good.text,
          reference: 'ref-1',
          request: good,
        },
      ]);
    });
  }

  it('accepts Unicode text with type Unicode and a numeric sender', async () => {
    const answer = await post({
      from: '4915112345678',
      to: '491775682913',
      text: 'Код 123456',
      type: 'Unicode',
      test: true,
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ responseCode: 0, test: true });
  });
});

describe('mitto simulator: API key', () => {
  it('answers 401 without the key', async () => {
    const answer = await post(good, { apiKey: null });
    expect([answer.status, answer.body]).toEqual([401, 'Invalid or no API Key specified']);
  });

  it('answers 401 to a wrong key', async () => {
    expect((await post(good, { apiKey: 'wrong' })).status).toBe(401);
    expect(simulator.messages).toHaveLength(0);
  });
});

describe('mitto simulator: validation', () => {
  const cases: [string, Record<string, unknown>, number][] = [
    ['no sender', { ...good, from: undefined }, 5],
    ['an empty sender', { ...good, from: '' }, 5],
    ['a sender too long', { ...good, from: 'AcmeCorporation' }, 6],
    ['a numeric sender too short', { ...good, from: '12' }, 6],
    ['a sender with a character no provider documents', { ...good, from: 'Acme:Co' }, 6],
    ['a sender with a leading space', { ...good, from: ' Acme' }, 6],
    ['a numeric sender too long', { ...good, from: '1234567890123456' }, 6],
    ['no receiver', { ...good, to: undefined }, 7],
    ['a receiver with letters', { ...good, to: '49177abc' }, 8],
    ['a receiver too short', { ...good, to: '49177' }, 8],
    ['no text', { ...good, text: '' }, 3],
    ['an unknown type', { ...good, type: 'Latin1' }, 2],
    ['non-GSM text sent as GSM', { ...good, text: 'Код 123456' }, 4],
  ];
  for (const [name, body, responseCode] of cases) {
    it(`answers responseCode ${responseCode} for ${name}`, async () => {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({ responseCode, responseText: expect.any(String) });
      expect(simulator.messages).toHaveLength(0);
    });
  }

  it('answers 400 to a body that is not a JSON object', async () => {
    const answer = await post('from=Acme');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ responseText: expect.any(String) });
  });
});

describe('mitto simulator: faults', () => {
  const kinds: [Parameters<Simulator['fail']>[1], number, string | Record<string, unknown>][] = [
    ['invalid-number', 400, { responseCode: 8, responseText: 'Invalid receiver' }],
    ['auth', 401, 'Invalid or no API Key specified'],
    ['no-credit', 402, { responseText: 'Payment required: insufficient credit' }],
    ['rate-limit', 429, 'Too many requests'],
    ['unavailable', 503, 'Service Unavailable'],
    ['transient', 200, { responseCode: 1, responseText: 'Internal error' }],
    ['not-found', 404, 'Not Found'],
    ['method-not-allowed', 405, 'Method Not Allowed'],
    ['bad-request', 400, { responseText: 'Bad request' }],
  ];
  for (const [kind, status, body] of kinds) {
    it(`renders ${String(kind)} as HTTP ${status}`, async () => {
      simulator.fail('mitto', kind);
      const answer = await post(good);
      expect(answer.status).toBe(status);
      expect(typeof body === 'string' ? answer.body : JSON.parse(answer.body)).toEqual(body);
      expect(simulator.messages).toHaveLength(0);
    });
  }

  it('sends retry-after with a rate limit', async () => {
    simulator.fail('mitto', { type: 'error', kind: 'rate-limit', retryAfter: 3 });
    expect((await post(good)).headers['retry-after']).toBe('3');
  });

  it('answers a code as that responseCode, with HTTP 200 unless told otherwise', async () => {
    simulator.fail('mitto', { type: 'code', code: 6 });
    simulator.fail('mitto', { type: 'code', code: '7', status: 400 });
    const first = await post(good);
    const second = await post(good);
    expect([first.status, JSON.parse(first.body)]).toEqual([
      200,
      { responseCode: 6, responseText: 'Invalid sender' },
    ]);
    expect([second.status, JSON.parse(second.body)]).toEqual([
      400,
      { responseCode: 7, responseText: 'Empty receiver' },
    ]);
  });
});

describe("mitto simulator: the classic Auth0 guide's request", () => {
  it('accepts the hook snippet as written: axios, the X-Mitto-API-Key header and the sender "Mitto SMS"', async () => {
    // The guide's hook, with the simulator's URL in place of https://rest.mittoapi.com.
    const recipient = '+491775682913';
    const text = 'Your verification code is 493817';
    const response = await axios.post(
      `${simulator.url}/sms.json`,
      { from: 'Mitto SMS', to: recipient, text },
      {
        headers: {
          'X-Mitto-API-Key': simulator.credentials.mitto.apiKey,
          'Content-Type': 'application/json',
        },
      },
    );
    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({ responseCode: 0, responseText: 'SMS sent' });
    expect(simulator.messages).toMatchObject([{ provider: 'mitto', from: 'Mitto SMS', to: recipient, text }]);
  });
});
