import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from './index.js';
import { nccoTalkLanguages } from './vonage-simulator.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${simulator.url}${path}`, { method: 'POST', body, headers });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    json: text ? JSON.parse(text) : undefined,
  };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

describe('Vonage SMS API', () => {
  const good = () => ({
    api_key: simulator.credentials.vonage.apiKey,
    api_secret: simulator.credentials.vonage.apiSecret,
    from: 'Acme',
    to: '447400123456',
    text: 'Your code is 123456',
  });

  it('accepts form and JSON bodies and answers with string values', async () => {
    const answer = await post('/sms/json', form(good()), formHeaders);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      'message-count': '1',
      messages: [{ status: '0', to: '447400123456', 'message-id': expect.any(String) }],
    });
    const json = await post('/sms/json', JSON.stringify(good()), { 'content-type': 'application/json' });
    expect(json.json.messages[0].status).toBe('0');
    expect(simulator.messages).toHaveLength(2);
  });

  it.each([
    [{ api_secret: 'wrong' }, '4', 'Bad Credentials'],
    [{ to: '' }, '2', 'Missing to param'],
    [{ to: '+447400123456' }, '3', 'Invalid to param'],
    [{ text: 'Código 123' }, '3', 'not GSM-7'],
  ])('answers HTTP 200 with a failing status for %j', async (change, status, errorText) => {
    const answer = await post('/sms/json', form({ ...good(), ...change }), formHeaders);
    expect(answer.status).toBe(200);
    expect(answer.json.messages[0]).toMatchObject({
      status,
      'error-text': expect.stringContaining(errorText),
    });
    expect(simulator.messages).toHaveLength(0);
  });

  it('answers one item per part of a long text', async () => {
    const answer = await post('/sms/json', form({ ...good(), text: 'a'.repeat(400) }), formHeaders);
    expect(answer.json['message-count']).toBe('3');
    expect(answer.json.messages).toHaveLength(3);
  });

  it('answers faults in band, and partial failures for a code list', async () => {
    simulator.fail('vonage', 'transient');
    expect((await post('/sms/json', form(good()), formHeaders)).json.messages[0].status).toBe('5');
    simulator.fail('vonage', { type: 'code', code: '0,7' });
    const partial = await post('/sms/json', form(good()), formHeaders);
    expect(partial.json.messages.map((part: { status: string }) => part.status)).toEqual(['0', '7']);
    simulator.fail('vonage', { type: 'error', kind: 'rate-limit', status: 429, retryAfter: 2 });
    expect((await post('/sms/json', form(good()), formHeaders)).status).toBe(429);
  });
});

describe('Vonage Messages API', () => {
  const auth = () =>
    `Basic ${Buffer.from(`${simulator.credentials.vonage.apiKey}:${simulator.credentials.vonage.apiSecret}`).toString('base64')}`;
  const body = {
    message_type: 'text',
    channel: 'sms',
    to: '447400123456',
    from: 'Acme',
    text: 'hi',
    sms: { encoding_type: 'auto' },
  };

  it('accepts with 202 and refuses with problem+json', async () => {
    const ok = await post('/v1/messages', JSON.stringify(body), {
      'content-type': 'application/json',
      authorization: auth(),
    });
    expect(ok).toMatchObject({ status: 202, json: { message_uuid: expect.any(String) } });
    const unauthorised = await post('/v1/messages', JSON.stringify(body), {
      'content-type': 'application/json',
    });
    expect(unauthorised).toMatchObject({
      status: 401,
      type: 'application/problem+json',
      json: { title: 'Unauthorized' },
    });
    const invalid = await post('/v1/messages', JSON.stringify({ ...body, to: '+44' }), {
      'content-type': 'application/json',
      authorization: auth(),
    });
    expect(invalid).toMatchObject({ status: 422, json: { detail: expect.stringContaining('to') } });
  });
});

describe('Vonage Voice API', () => {
  it('refuses a call without a valid JWT', async () => {
    const call = {
      to: [{ type: 'phone', number: '447400123456' }],
      from: { type: 'phone', number: '447700900000' },
      ncco: [{ action: 'talk', text: 'hi' }],
    };
    const none = await post('/v1/calls', JSON.stringify(call), { 'content-type': 'application/json' });
    expect(none).toMatchObject({ status: 401, json: { detail: expect.stringContaining('no Bearer token') } });
    const forged = await post('/v1/calls', JSON.stringify(call), {
      'content-type': 'application/json',
      authorization: 'Bearer a.b.c',
    });
    expect(forged).toMatchObject({ status: 401, json: { detail: expect.stringContaining('signature') } });
  });

  it('validates talk languages exactly as the NCCO schema does', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../../../shared/specs/vonage/ncco-schema.json', import.meta.url), 'utf8'),
    );
    expect([...nccoTalkLanguages]).toEqual(schema.definitions.languages.enum);
  });
});

describe('Vonage SMS API credentials', () => {
  it('accepts them in a Basic header or the query string too, as the current SDK sends them', async () => {
    const { apiKey, apiSecret } = simulator.credentials.vonage;
    const body = JSON.stringify({ from: 'Acme', to: '447400123456', text: 'hi' });
    const basic = await post('/sms/json', body, {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`,
    });
    expect(basic.json.messages[0].status).toBe('0');
    const query = await post(`/sms/json?api_key=${apiKey}&api_secret=${apiSecret}`, body, { 'content-type': 'application/json' });
    expect(query.json.messages[0].status).toBe('0');
    const wrong = await post('/sms/json', body, { 'content-type': 'application/json', authorization: 'Basic d3Jvbmc6d3Jvbmc=' });
    expect(wrong.json.messages[0].status).toBe('4');
  });
});
