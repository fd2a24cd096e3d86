import { describe, expect, it } from 'vitest';
import { type Answer, rawRequest } from '../../raw-request.test-helper.js';
import { useSimulator } from '../../test-simulator.js';
import { plivoSimulator } from './plivo-simulator.js';

function post(
  body: unknown,
  options: { authId?: string; authToken?: string; pathAccount?: string; path?: string } = {},
): Promise<Answer> {
  const { authId, authToken } = { ...simulator.credentials.plivo, ...options };
  const path =
    options.path ?? `/v1/Account/${options.pathAccount ?? simulator.credentials.plivo.authId}/Message/`;
  return rawRequest(`${simulator.url}${path}`, {
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${authId}:${authToken}`).toString('base64')}`,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const good = { src: '14155550100', dst: '447400123456', text: 'Your code is 493817' };

const { simulator } = useSimulator({ providers: [plivoSimulator] });

describe('plivo simulator', () => {
  it('queues a message: 202 with api_id, message and message_uuid', async () => {
    const answer = await post(good);
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toEqual({
      api_id: expect.any(String),
      message: 'message(s) queued',
      message_uuid: [simulator.messages[0]?.id],
    });
    expect(simulator.messages).toMatchObject([
      { provider: 'plivo', channel: 'sms', to: '447400123456', from: '14155550100', text: good.text },
    ]);
  });

  it('accepts numbers with +, a sender ID, the path without its trailing slash', async () => {
    const path = `/v1/Account/${simulator.credentials.plivo.authId}/Message`;
    expect((await post({ ...good, src: 'Acme', dst: '+447400123456' }, { path })).status).toBe(202);
  });

  it('queues the valid numbers of a bulk dst and lists the others under invalid_number', async () => {
    const answer = await post({ ...good, dst: '447400123456<12' });
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toMatchObject({
      message_uuid: [expect.any(String)],
      invalid_number: ['12'],
    });
  });

  it('answers 401 to a wrong token, and to an account in the path other than the Basic username', async () => {
    expect((await post(good, { authToken: 'wrong' })).status).toBe(401);
    const other = await post(good, { pathAccount: 'MA00000000000000OTHR' });
    expect([other.status, JSON.parse(other.body).error]).toEqual([401, 'authentication_failed']);
    expect(simulator.messages).toHaveLength(0);
  });

  const invalid: [string, unknown, string][] = [
    ['no src', { ...good, src: undefined }, 'src parameter not present'],
    [
      'a src that is neither a number nor a sender ID',
      { ...good, src: 'Acme Corporation' },
      'src parameter is invalid',
    ],
    ['no dst', { ...good, dst: undefined }, 'dst parameter not present'],
    ['an invalid dst', { ...good, dst: '+1111111' }, "'1111111' is not a valid phone number."],
    ['no text', { ...good, text: '' }, 'text parameter not present'],
    ['an unknown type', { ...good, type: 'fax' }, 'type parameter is invalid'],
    ['a body that is not JSON', 'src=1', 'invalid json data'],
  ];
  for (const [what, body, error] of invalid) {
    it(`answers 400 to ${what}`, async () => {
      const answer = await post(body);
      expect([answer.status, JSON.parse(answer.body).error]).toEqual([400, error]);
    });
  }

  it('answers faults in Plivo’s shape', async () => {
    simulator.fail('plivo', 'no-credit');
    simulator.fail('plivo', { type: 'error', kind: 'rate-limit', retryAfter: 3 });
    simulator.fail('plivo', { type: 'code', code: 'Destination country not allowed', status: 403 });
    const credit = await post(good);
    expect([credit.status, JSON.parse(credit.body).error]).toEqual([400, 'Insufficient Credit']);
    const limited = await post(good);
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '3']);
    const geo = await post(good);
    expect([geo.status, JSON.parse(geo.body).error]).toEqual([403, 'Destination country not allowed']);
  });
});
