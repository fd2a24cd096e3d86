import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { errorKinds } from '../../index.js';
import { smsPartCount } from '../../sms-parts.js';
import { useSimulator } from '../../test-simulator.js';
import { nccoTalkLanguages } from './vonage-simulator-requests.js';

const { simulator } = useSimulator();

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
    const unicode = await post(
      '/sms/json',
      form({ ...good(), text: 'ç'.repeat(71), type: 'unicode' }),
      formHeaders,
    );
    expect(unicode.json.messages).toHaveLength(2);
  });

  it.each([
    ['a'.repeat(160), false, 1],
    ['a'.repeat(161), false, 2],
    ['a'.repeat(306), false, 2],
    ['a'.repeat(307), false, 3],
    ['€'.repeat(80), false, 1],
    ['€'.repeat(81), false, 2],
    ['ç'.repeat(70), false, 1],
    ['ç'.repeat(71), true, 2],
    ['ç'.repeat(134), true, 2],
    ['ç'.repeat(135), true, 3],
  ])('counts the parts of %#', (text, unicode, parts) => {
    expect(smsPartCount(text, unicode)).toBe(parts);
  });

  it('journals accepted messages with the secret hidden and the client-ref as reference', async () => {
    await post('/sms/json', form({ ...good(), 'client-ref': 'ref-1' }), formHeaders);
    expect(simulator.messages[0]).toMatchObject({
      provider: 'vonage',
      channel: 'sms',
      to: '447400123456',
      from: 'Acme',
      text: 'Your code is 123456',
      reference: 'ref-1',
      request: { api_secret: '[checked]' },
    });
    const tooLong = await post('/sms/json', form({ ...good(), 'client-ref': 'r'.repeat(41) }), formHeaders);
    expect(tooLong.json.messages[0].status).toBe('3');
  });

  it.each([
    ['invalid-number', 200, '3'],
    ['auth', 200, '4'],
    ['no-credit', 200, '9'],
    ['transient', 200, '5'],
    ['rate-limit', 200, '1'],
    ['bad-request', 200, '2'],
    ['unavailable', 503, undefined],
    ['not-found', 404, undefined],
    ['method-not-allowed', 405, undefined],
  ] as const)('renders the %s fault as Vonage does', async (kind, status, inBand) => {
    simulator.fail('vonage', kind);
    const answer = await post('/sms/json', form(good()), formHeaders);
    expect(answer.status).toBe(status);
    if (inBand) expect(answer.json).toMatchObject({ 'message-count': '1', messages: [{ status: inBand }] });
    else expect(answer.type).toBe('application/problem+json');
    expect(simulator.messages).toHaveLength(0);
  });

  it('pushes back with HTTP 429 and Retry-After when a rate limit has one', async () => {
    simulator.fail('vonage', { type: 'error', kind: 'rate-limit', retryAfter: 3 });
    const response = await fetch(`${simulator.url}/sms/json`, {
      method: 'POST',
      body: form(good()),
      headers: formHeaders,
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
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
      json: {
        title: 'Invalid credentials supplied',
        type: 'https://developer.nexmo.com/api-errors#unauthorized',
      },
    });
    const invalid = await post('/v1/messages', JSON.stringify({ ...body, to: '+44' }), {
      'content-type': 'application/json',
      authorization: auth(),
    });
    expect(invalid).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      json: { title: 'Invalid params', invalid_parameters: [{ name: 'to' }] },
    });
    expect(simulator.messages).toHaveLength(1);
  });
});

describe('Vonage Messages and Voice API faults', () => {
  it.each(
    errorKinds.flatMap((kind) => [
      ['/v1/messages', kind],
      ['/v1/calls', kind],
    ]),
  )('%s renders %s as problem+json with its HTTP status', async (path, kind) => {
    const expected: Record<string, number> = {
      'invalid-number': 422,
      auth: 401,
      'no-credit': 402,
      'rate-limit': 429,
      unavailable: 503,
      'not-found': 404,
      'method-not-allowed': 405,
      'bad-request': 400,
      transient: 503,
    };
    simulator.fail('vonage', kind);
    const answer = await post(path, '{}', { 'content-type': 'application/json' });
    expect(answer.status).toBe(expected[kind]);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.json).toMatchObject({
      type: expect.stringMatching(/^https:\/\/developer\.nexmo\.com\/api-errors/),
      title: expect.any(String),
      detail: expect.any(String),
    });
  });

  it('treats a code as the HTTP status on the REST endpoints', async () => {
    simulator.fail('vonage', { type: 'code', code: 409 });
    const answer = await post('/v1/calls', '{}', { 'content-type': 'application/json' });
    expect(answer).toMatchObject({ status: 409, type: 'application/problem+json' });
  });
});

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function token(claims: Record<string, unknown>, key: KeyObject, algorithm = 'RS256'): string {
  const unsigned = `${base64url({ alg: algorithm, typ: 'JWT' })}.${base64url(claims)}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), key).toString('base64url')}`;
}

describe('Vonage Voice API', () => {
  const call = (
    ncco: unknown[] = [{ action: 'talk', text: 'Your code is 1, 2, 3', language: 'en-GB', loop: 2 }],
  ) =>
    JSON.stringify({
      to: [{ type: 'phone', number: '447400123456' }],
      from: { type: 'phone', number: '447700900000' },
      ncco,
    });
  const claims = () => {
    const iat = Math.floor(Date.now() / 1000);
    return {
      application_id: simulator.credentials.vonage.applicationId,
      iat,
      exp: iat + 300,
      jti: `jti-${Math.random()}`,
    };
  };
  const key = () => createPrivateKey(simulator.credentials.vonage.privateKey);
  const bearer = (jwt: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${jwt}` });

  it('accepts a call with a JWT signed by the application key and journals the talk text', async () => {
    const answer = await post('/v1/calls', call(), bearer(token(claims(), key())));
    expect(answer).toMatchObject({
      status: 201,
      json: {
        uuid: expect.any(String),
        status: 'started',
        direction: 'outbound',
        conversation_uuid: expect.any(String),
      },
    });
    expect(simulator.messages[0]).toMatchObject({
      channel: 'voice',
      id: answer.json.uuid,
      to: '447400123456',
      from: '447700900000',
      text: 'Your code is 1, 2, 3',
    });
  });

  it('takes random_from_number instead of from, and refuses both or neither', async () => {
    const body = (extra: Record<string, unknown>) =>
      JSON.stringify({
        to: [{ type: 'phone', number: '447400123456' }],
        ncco: [{ action: 'talk', text: 'hi' }],
        ...extra,
      });
    const headers = bearer(token(claims(), key()));
    expect((await post('/v1/calls', body({ random_from_number: true }), headers)).status).toBe(201);
    expect(simulator.messages[0]?.from).toBeUndefined();
    expect((await post('/v1/calls', body({}), headers)).status).toBe(400);
    const both = body({ random_from_number: true, from: { type: 'phone', number: '447700900000' } });
    expect((await post('/v1/calls', both, headers)).status).toBe(400);
  });

  it.each([
    [
      'another key',
      () => token(claims(), generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey),
      'signature',
    ],
    ['another application', () => token({ ...claims(), application_id: 'nope' }, key()), 'application_id'],
    ['no jti', () => token({ ...claims(), jti: undefined }, key()), 'jti'],
    ['no iat', () => token({ ...claims(), iat: undefined }, key()), 'iat'],
    ['an expired exp', () => token({ ...claims(), exp: Math.floor(Date.now() / 1000) - 10 }, key()), 'exp'],
    ['an exp beyond 24 hours', () => token({ ...claims(), exp: claims().iat + 90_000 }, key()), 'exp'],
    ['alg none', () => token(claims(), key(), 'none'), 'RS256'],
  ])('refuses a JWT with %s', async (_case, make, reason) => {
    const answer = await post('/v1/calls', call(), bearer(make()));
    expect(answer).toMatchObject({ status: 401, json: { detail: expect.stringContaining(reason) } });
    expect(simulator.messages).toHaveLength(0);
  });

  it.each([
    ['text over 1500 characters', [{ action: 'talk', text: 'a'.repeat(1501) }], 'ncco.0.text'],
    ['a language outside the schema', [{ action: 'talk', text: 'hi', language: 'pt' }], 'ncco.0.language'],
    ['a negative loop', [{ action: 'talk', text: 'hi', loop: -1 }], 'ncco.0.loop'],
    ['a fractional style', [{ action: 'talk', text: 'hi', style: 1.5 }], 'ncco.0.style'],
    ['a premium that is not a boolean', [{ action: 'talk', text: 'hi', premium: 'yes' }], 'ncco.0.premium'],
    ['a level out of range', [{ action: 'talk', text: 'hi', level: 2 }], 'ncco.0.level'],
    ['an injected action', [{ action: 'talk', text: 'hi' }, { action: 'connect' }], 'ncco.1'],
    ['no action', [], 'ncco'],
  ])('answers 400 problem+json for an NCCO with %s', async (_case, ncco, where) => {
    const answer = await post('/v1/calls', call(ncco), bearer(token(claims(), key())));
    expect(answer).toMatchObject({
      status: 400,
      type: 'application/problem+json',
      json: { detail: expect.stringContaining(where) },
    });
  });

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
    expect(forged).toMatchObject({ status: 401, json: { detail: expect.stringContaining('RS256') } });
  });

  it('validates talk languages exactly as the NCCO schema does', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../../../../specs/vonage/ncco-schema.json', import.meta.url), 'utf8'),
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
    const query = await post(`/sms/json?api_key=${apiKey}&api_secret=${apiSecret}`, body, {
      'content-type': 'application/json',
    });
    expect(query.json.messages[0].status).toBe('0');
    const wrong = await post('/sms/json', body, {
      'content-type': 'application/json',
      authorization: 'Basic d3Jvbmc6d3Jvbmc=',
    });
    expect(wrong.json.messages[0].status).toBe('4');
  });
});

describe("Vonage SMS API and the classic Auth0 guide's `nexmo` package", () => {
  interface NexmoClient {
    message: {
      sendSms(
        from: string,
        to: string,
        text: string,
        callback: (error: unknown, answer: { messages: { status: string }[] }) => void,
      ): void;
    };
  }
  // The package has no types; it is CommonJS, as the hook that used it.
  const Nexmo = createRequire(import.meta.url)('nexmo') as new (
    credentials: { apiKey: string; apiSecret: string },
    options: { restHost: string; port: number },
  ) => NexmoClient;

  function nexmoSend(from: string, to: string, text: string) {
    const { hostname, port } = new URL(simulator.url);
    const nexmo = new Nexmo(
      { apiKey: simulator.credentials.vonage.apiKey, apiSecret: simulator.credentials.vonage.apiSecret },
      { restHost: hostname, port: Number(port) },
    );
    return new Promise<{ error: unknown; answer: { messages: { status: string }[] } }>((resolve) =>
      nexmo.message.sendSms(from, to, text, (error, answer) => resolve({ error, answer })),
    );
  }

  it('sends what the package sends: every parameter in the query string of a POST', async () => {
    const { error, answer } = await nexmoSend('447700900000', '447400123456', 'Your code is 493817');
    expect(error).toBeNull();
    expect(answer.messages[0]?.status).toBe('0');
    expect(simulator.requests).toMatchObject([{ method: 'POST', path: '/sms/json', outcome: 'accepted' }]);
    expect(simulator.messages).toMatchObject([
      { provider: 'vonage', from: '447700900000', to: '447400123456', text: 'Your code is 493817' },
    ]);
  });

  it('takes an alphanumeric sender with a space, as Vonage does', async () => {
    const { error } = await nexmoSend('Acme Login', '447400123456', 'Your code is 493817');
    expect(error).toBeNull();
    expect(simulator.messages[0]?.from).toBe('Acme Login');
  });

  it('answers status 15 for a sender no provider takes, as the real API does', async () => {
    const { answer } = await nexmoSend('Acme Corporation', '447400123456', 'Your code is 493817');
    expect(answer.messages[0]?.status).toBe('15');
    expect(simulator.messages).toEqual([]);
  });

  it('still refuses wrong credentials given in the query string', async () => {
    const { hostname, port } = new URL(simulator.url);
    const nexmo = new Nexmo(
      { apiKey: 'wrongkey', apiSecret: 'WrongSecret0000' },
      { restHost: hostname, port: Number(port) },
    );
    const answer = await new Promise<{ messages: { status: string }[] }>((resolve) =>
      nexmo.message.sendSms('Acme', '447400123456', 'Your code is 493817', (_, result) => resolve(result)),
    );
    expect(answer.messages[0]?.status).toBe('4');
  });
});
