import { rejection, testMessage, useSimulator, withDefaults } from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { telesignErrorTable } from './telesign-errors.js';
import { createTelesign } from './telesign-provider.js';

const { simulator } = useSimulator();

const telesign = withDefaults(createTelesign, () => ({
  ...simulator.credentials.telesign,
  baseUrl: simulator.url,
}));

const sms = testMessage();

function answer(status: number, body: unknown) {
  simulator.fail('telesign', { type: 'status', status, body: JSON.stringify(body) });
}

// What each documented code must become, written out here rather than read from the table.
const expected: [number, string][] = [
  [101, 'rejected'],
  [104, 'invalid_recipient'],
  [106, 'provider_unavailable'],
  [107, 'rejected'],
  [108, 'rejected'],
  [129, 'blocked_destination'],
  [130, 'blocked_destination'],
  [207, 'rejected'],
  [210, 'rejected'],
  [211, 'invalid_recipient'],
  [220, 'rejected'],
  [221, 'rejected'],
  [222, 'invalid_recipient'],
  [229, 'blocked_destination'],
  [230, 'blocked_destination'],
  [231, 'rejected'],
  [233, 'blocked_destination'],
  [237, 'blocked_destination'],
  [238, 'blocked_destination'],
  [250, 'provider_unavailable'],
  [251, 'rejected'],
  [500, 'rejected'],
  [501, 'auth_failed'],
  [502, 'invalid_config'],
  [503, 'provider_unavailable'],
  [504, 'rejected'],
  [505, 'provider_unavailable'],
  [506, 'rejected'],
  [507, 'invalid_recipient'],
  [508, 'invalid_config'],
  [509, 'rejected'],
  [510, 'blocked_destination'],
  [511, 'rejected'],
  [512, 'rejected'],
  [513, 'rejected'],
  [514, 'rejected'],
  [515, 'rejected'],
  [516, 'rejected'],
  [517, 'invalid_config'],
  [518, 'blocked_destination'],
  [519, 'rejected'],
  [520, 'rejected'],
  [521, 'invalid_config'],
  [599, 'provider_unavailable'],
  [3204, 'rate_limited'],
  [3205, 'rate_limited'],
  [3500, 'provider_unavailable'],
  [10000, 'provider_unavailable'],
  [10002, 'auth_failed'],
  [10003, 'auth_failed'],
  [10004, 'auth_failed'],
  [10005, 'auth_failed'],
  [10006, 'auth_failed'],
  [10007, 'auth_failed'],
  [10008, 'auth_failed'],
  [10009, 'auth_failed'],
  [10010, 'auth_failed'],
  [10011, 'invalid_config'],
  [10014, 'auth_failed'],
  [10015, 'auth_failed'],
  [10019, 'rate_limited'],
  [10020, 'insufficient_funds'],
  [10022, 'auth_failed'],
  [10028, 'auth_failed'],
  [10030, 'insufficient_funds'],
  [10031, 'auth_failed'],
  [10032, 'blocked_destination'],
  [10033, 'rejected'],
  [10035, 'invalid_config'],
  [10036, 'rejected'],
  [11000, 'invalid_recipient'],
  [11001, 'invalid_recipient'],
  [11003, 'rejected'],
  [11004, 'rejected'],
  [11009, 'rejected'],
  [11010, 'rejected'],
  [11011, 'rejected'],
  [11013, 'invalid_config'],
  [11016, 'rejected'],
  [11017, 'rejected'],
  [11027, 'rejected'],
  [11034, 'invalid_config'],
  [11035, 'invalid_config'],
  [12000, 'rejected'],
  [12009, 'rejected'],
  [12017, 'rejected'],
  [-10001, 'rejected'],
  [-10009, 'auth_failed'],
  [-10030, 'insufficient_funds'],
  [-10033, 'rejected'],
  [-20002, 'invalid_config'],
  [-30000, 'auth_failed'],
  [-30001, 'auth_failed'],
  [-30002, 'auth_failed'],
  [-30003, 'insufficient_funds'],
  [-30004, 'auth_failed'],
  [-30005, 'auth_failed'],
  [-30006, 'auth_failed'],
  [-30007, 'auth_failed'],
  [-30008, 'auth_failed'],
  [-30009, 'auth_failed'],
  [-30010, 'auth_failed'],
  [-30011, 'auth_failed'],
  [-30012, 'auth_failed'],
  [-30015, 'auth_failed'],
  [-40007, 'rate_limited'],
  [-40008, 'insufficient_funds'],
  [-40009, 'invalid_recipient'],
  [-90001, 'provider_unavailable'],
];

describe('the Telesign status code table', () => {
  it('has exactly the rows written out here, each citing a Telesign page', () => {
    expect([...telesignErrorTable.keys()].sort((a, b) => a - b)).toEqual(
      expected.map(([code]) => code).sort((a, b) => a - b),
    );
    for (const rule of telesignErrorTable.values()) {
      expect(rule.source).toMatch(/^https:\/\/(developer|standard)\.telesign\.com\//);
    }
  });

  // HTTP 200 (a refusal inside a success) and HTTP 400: the body's code decides, as Telesign asks.
  for (const [code, mapped] of expected) {
    it(`status ${code} → ${mapped}, in a 200 and in a 400`, async () => {
      for (const status of [200, 400]) {
        answer(status, { reference_id: 'ABC', status: { code, description: 'Telesign’s words' } });
        const error = await rejection(telesign().send(sms));
        expect(error).toMatchObject({
          code: mapped,
          status,
          providerCode: String(code),
          provider: 'telesign',
        });
        expect(error.message).toContain(telesignErrorTable.get(code)?.meaning);
      }
    });
  }
});

describe('createTelesign: which code of an answer counts', () => {
  it('a 200 carrying a refusal (237, country blocked) is an error, and nothing is sent', async () => {
    simulator.fail('telesign', { type: 'code', code: 237 });
    const error = await rejection(telesign().send(sms));
    expect(error).toMatchObject({
      code: 'blocked_destination',
      status: 200,
      retryable: false,
      providerCode: '237',
    });
    expect(error.message).toBe(
      'Telesign answered HTTP 200 (237): messages to this country are blocked at your request',
    );
    expect(simulator.messages).toHaveLength(0);
  });

  it('under the generic status 500 or 501, the errors list’s code counts', async () => {
    answer(400, { status: { code: 501, description: 'Not authorized' }, errors: [{ code: -30000 }] });
    answer(400, {
      status: { code: 500, description: 'Transaction not attempted' },
      errors: [{ code: -40009 }],
    });
    answer(400, { status: { code: 500, description: 'Transaction not attempted' }, errors: [] });
    await expect(telesign().send(sms)).rejects.toMatchObject({ code: 'auth_failed', providerCode: '-30000' });
    await expect(telesign().send(sms)).rejects.toMatchObject({
      code: 'invalid_recipient',
      providerCode: '-40009',
    });
    await expect(telesign().send(sms)).rejects.toMatchObject({ code: 'rejected', providerCode: '500' });
  });

  it('an unknown code falls back to the HTTP status, with Telesign’s description', async () => {
    answer(402, { status: { code: 77777, description: 'Something new' } });
    const error = await rejection(telesign().send(sms));
    expect(error).toMatchObject({ code: 'insufficient_funds', providerCode: '77777' });
    expect(error.message).toBe('Telesign answered HTTP 402 (77777): Something new');
  });

  it('HTTP 429 and 5xx decide over the body (core’s classifyAnswer), 401 falls back to auth_failed', async () => {
    simulator.fail('telesign', { type: 'error', kind: 'rate-limit', retryAfter: 4 });
    answer(503, { status: { code: 11000 } });
    simulator.fail('telesign', { type: 'status', status: 401, body: '' });
    await expect(telesign().send(sms)).rejects.toMatchObject({
      code: 'rate_limited',
      retryable: true,
      retryAfterMs: 4000,
      providerCode: '10019',
    });
    await expect(telesign().send(sms)).rejects.toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
    });
    await expect(telesign().send(sms)).rejects.toMatchObject({ code: 'auth_failed', status: 401 });
  });

  it('an invalid number names the recipient masked', async () => {
    simulator.fail('telesign', 'invalid-number');
    const error = await rejection(telesign().send(sms));
    expect(error.message).toBe(
      'Telesign answered HTTP 400 (11000): invalid phone_number (recipient +44******456)',
    );
  });

  it('an accepted status without a reference id, or a body of another shape → bad_response', async () => {
    answer(200, { status: { code: 290, description: 'Message in progress' } });
    simulator.fail('telesign', 'wrong-shape');
    await expect(telesign().send(sms)).rejects.toMatchObject({ code: 'bad_response', provider: 'telesign' });
    await expect(telesign().send(sms)).rejects.toMatchObject({ code: 'bad_response', provider: 'telesign' });
  });

  it('takes a status code sent as a string', async () => {
    answer(200, { reference_id: 'B0B0', status: { code: '290' } });
    await expect(telesign().send(sms)).resolves.toMatchObject({ id: 'B0B0' });
  });
});
