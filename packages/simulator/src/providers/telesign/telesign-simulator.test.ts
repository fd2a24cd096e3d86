import { describe, expect, it } from 'vitest';
import type { Fault } from '../../faults.js';
import { type Answer, rawRequest } from '../../raw-request.test-helper.js';
import { useSimulator } from '../../test-simulator.js';
import { telesignSimulator } from './telesign-simulator.js';

function post(
  path: '/v1/messaging' | '/v1/voice',
  form: Record<string, string | undefined>,
  authorization?: string | null,
): Promise<Answer> {
  const { customerId, apiKey } = simulator.credentials.telesign;
  const basic = `Basic ${Buffer.from(`${customerId}:${apiKey}`).toString('base64')}`;
  const fields = Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return rawRequest(`${simulator.url}${path}`, {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(authorization === null ? {} : { authorization: authorization ?? basic }),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

function body(answer: Answer): {
  reference_id?: string;
  status: { code: number };
  errors?: { code: number }[];
} {
  return JSON.parse(answer.body);
}

const sms = { phone_number: '447400123456', message: 'Your code is 493817', message_type: 'OTP' };

const { simulator } = useSimulator({ providers: [telesignSimulator] });

describe('telesign simulator: accepted requests', () => {
  it('takes an SMS: HTTP 200, status 290 and a reference id', async () => {
    const answer = await post('/v1/messaging', { ...sms, external_id: 'txn-42' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      reference_id: simulator.messages[0]?.id,
      status: { code: 290, description: 'Message in progress', updated_on: expect.any(String) },
    });
    expect(simulator.messages[0]?.id).toMatch(/^[0-9A-F]{32}$/);
    expect(simulator.messages).toMatchObject([
      { provider: 'telesign', channel: 'sms', to: '447400123456', text: sms.message, reference: 'txn-42' },
    ]);
  });

  it('takes a call: HTTP 200, status 103, with each documented voice', async () => {
    for (const voice of ['f-en-US', 'f-pt-BR', 'f-zh-HK', 'f-nb-NO']) {
      const answer = await post('/v1/voice', { ...sms, voice });
      expect([answer.status, body(answer).status.code]).toEqual([200, 103]);
    }
    expect(simulator.messages.map((message) => message.channel)).toEqual([
      'voice',
      'voice',
      'voice',
      'voice',
    ]);
  });
});

describe('telesign simulator: documented validation, with the SMS reference’s codes', () => {
  const cases: [string, '/v1/messaging' | '/v1/voice', Record<string, string | undefined>, number][] = [
    ['no phone_number', '/v1/messaging', { ...sms, phone_number: undefined }, 12000],
    ['a + in phone_number', '/v1/messaging', { ...sms, phone_number: '+447400123456' }, 11000],
    ['a phone_number too short', '/v1/messaging', { ...sms, phone_number: '44740' }, 11000],
    ['a phone_number too long', '/v1/messaging', { ...sms, phone_number: '4474001234567890' }, 11000],
    [
      'a phone_number without a country code',
      '/v1/messaging',
      { ...sms, phone_number: '07400123456' },
      11001,
    ],
    ['no message', '/v1/messaging', { ...sms, message: undefined }, 12009],
    ['a blank message', '/v1/messaging', { ...sms, message: '   ' }, 11009],
    ['a call text over 1,600 characters', '/v1/voice', { ...sms, message: 'x'.repeat(1601) }, 11009],
    ['no message_type', '/v1/messaging', { ...sms, message_type: undefined }, 12017],
    ['an unknown message_type', '/v1/messaging', { ...sms, message_type: 'otp' }, 11017],
    ['an external_id over 100 characters', '/v1/messaging', { ...sms, external_id: 'r'.repeat(101) }, 11016],
    ['a non-ASCII external_id', '/v1/messaging', { ...sms, external_id: 'réf' }, 11016],
    ['an undocumented voice', '/v1/voice', { ...sms, voice: 'f-de-DE' }, -10001],
  ];
  for (const [name, path, form, code] of cases) {
    it(`answers 400 with ${code} for ${name}`, async () => {
      const answer = await post(path, form);
      expect(answer.status).toBe(400);
      const parsed = body(answer);
      expect(parsed.errors?.[0]?.code).toBe(code);
      expect(parsed.status.code).toBe(code < 0 ? 500 : code);
      expect(simulator.messages).toHaveLength(0);
    });
  }

  it('accepts an SMS text over 1,600 characters (the SMS reference states no limit)', async () => {
    expect((await post('/v1/messaging', { ...sms, message: 'x'.repeat(1700) })).status).toBe(200);
  });
});

describe('telesign simulator: authentication', () => {
  it('answers 401 with 10009 without an Authorization header, 10022 with a wrong key', async () => {
    const missing = await post('/v1/messaging', sms, null);
    const { customerId } = simulator.credentials.telesign;
    const wrong = await post(
      '/v1/messaging',
      sms,
      `Basic ${Buffer.from(`${customerId}:nope`).toString('base64')}`,
    );
    expect([missing.status, body(missing).status.code, wrong.status, body(wrong).status.code]).toEqual([
      401, 10009, 401, 10022,
    ]);
    expect(simulator.messages).toHaveLength(0);
  });
});

describe('telesign simulator: faults', () => {
  const faults: [Fault, number, number | undefined][] = [
    [{ type: 'error', kind: 'invalid-number' }, 400, 11000],
    [{ type: 'error', kind: 'auth' }, 401, 10022],
    [{ type: 'error', kind: 'no-credit' }, 402, 10030],
    [{ type: 'error', kind: 'rate-limit', retryAfter: 3 }, 429, 10019],
    [{ type: 'error', kind: 'unavailable' }, 503, 10000],
    [{ type: 'error', kind: 'transient' }, 503, 10000],
    [{ type: 'error', kind: 'bad-request' }, 400, 500],
    [{ type: 'error', kind: 'not-found' }, 404, undefined],
    [{ type: 'error', kind: 'method-not-allowed' }, 405, undefined],
    [{ type: 'error', kind: 'invalid-number', status: 500 }, 500, 11000],
    // A delivery refused at once comes in a 200 with the transaction's own status.
    [{ type: 'code', code: 237 }, 200, 237],
    [{ type: 'code', code: 10032 }, 400, 10032],
    [{ type: 'code', code: 10019 }, 429, 10019],
    [{ type: 'code', code: 10015 }, 401, 10015],
    [{ type: 'code', code: 10030 }, 402, 10030],
    [{ type: 'code', code: 3500 }, 503, 3500],
  ];
  for (const [fault, status, code] of faults) {
    it(`${JSON.stringify(fault)} → HTTP ${status}${code === undefined ? '' : `, status ${code}`}`, async () => {
      simulator.fail('telesign', fault);
      const answer = await post('/v1/messaging', sms);
      expect(answer.status).toBe(status);
      if (code !== undefined) expect(body(answer).status.code).toBe(code);
      if (fault.type === 'error' && fault.retryAfter !== undefined) {
        expect(answer.headers['retry-after']).toBe(String(fault.retryAfter));
      }
      expect(simulator.messages).toHaveLength(0);
    });
  }

  it('a 200 refusal carries no errors list and no message is recorded', async () => {
    simulator.fail('telesign', { type: 'code', code: 237 });
    const answer = await post('/v1/messaging', sms);
    expect(JSON.parse(answer.body)).toEqual({
      reference_id: expect.stringMatching(/^[0-9A-F]{32}$/),
      status: {
        code: 237,
        description: 'Message blocked in requested country',
        updated_on: expect.any(String),
      },
    });
  });
});

describe('telesign simulator: the inbox', () => {
  it('shows the language a call is spoken in: its voice’s, else Telesign’s default en-US', () => {
    expect(telesignSimulator.spokenLanguage?.({ voice: 'f-pt-BR' })).toBe('pt-BR');
    expect(telesignSimulator.spokenLanguage?.({ phone_number: '447400123456' })).toBe('en-US');
  });
});
