import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../faults.js';
import { type Answer, rawRequest } from '../../raw-request.test-helper.js';
import { smsPartCount } from '../../sms-parts.js';
import { useSimulator } from '../../test-simulator.js';
import { twilioSimulator } from './twilio-simulator.js';
import { readTwiml } from './twilio-twiml.js';

const accountSid = 'AC00000000000000000000000000000000';
const authToken = 'sim-twilio-auth-token-0000000000';
const apiKeySid = 'SK00000000000000000000000000000000';
const apiKeySecret = 'sim-twilio-api-key-secret-000000';
const serviceSid = 'MG0123456789abcdef0123456789abcdef';

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

async function post(
  url: string,
  path: string,
  fields: Record<string, string>,
  authorization: string | null = basic(accountSid, authToken),
): Promise<Answer & { json: Record<string, unknown> }> {
  const answer = await rawRequest(`${url}${path}`, {
    headers: {
      ...(authorization === null ? {} : { authorization }),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
  });
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {}
  return { ...answer, json };
}

const messages = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
const calls = `/2010-04-01/Accounts/${accountSid}/Calls.json`;
const twiml = '<Response><Say language="en-GB" loop="2">Your code is 1, 2, 3.</Say></Response>';

describe('twilioSimulator', () => {
  // Given: the simulator's own credentials are random.
  const { simulator } = useSimulator({
    providers: [twilioSimulator],
    credentials: { twilio: { accountSid, authToken, apiKeySid, apiKeySecret } },
  });

  it('creates a message from a number, shaped like Twilio', async () => {
    const answer = await post(simulator.url, messages, {
      To: '+447700900123',
      From: '+15005550006',
      Body: 'Your code is 123456',
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      account_sid: accountSid,
      api_version: '2010-04-01',
      status: 'queued',
      num_segments: '1',
      error_code: null,
      from: '+15005550006',
      to: '+447700900123',
      direction: 'outbound-api',
    });
    expect(answer.json.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(answer.json.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(simulator.messages).toMatchObject([
      {
        provider: 'twilio',
        channel: 'sms',
        id: answer.json.sid,
        to: '+447700900123',
        from: '+15005550006',
        text: 'Your code is 123456',
      },
    ]);
  });

  it('accepts an API key and a Messaging Service, answering "accepted" with 0 segments', async () => {
    const answer = await post(
      simulator.url,
      messages,
      { To: '+447700900123', MessagingServiceSid: serviceSid, Body: 'hi' },
      basic(apiKeySid, apiKeySecret),
    );
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      status: 'accepted',
      num_segments: '0',
      from: null,
      messaging_service_sid: serviceSid,
    });
  });

  it('counts segments as Twilio bills them', async () => {
    const answer = await post(simulator.url, messages, {
      To: '+447700900123',
      From: 'Acme',
      Body: 'é'.repeat(161),
    });
    expect(answer.json.num_segments).toBe('2');
    expect(smsPartCount('a'.repeat(160))).toBe(1);
    expect(smsPartCount('€'.repeat(80))).toBe(1);
    expect(smsPartCount('€'.repeat(81))).toBe(2);
    expect(smsPartCount('😀'.repeat(35))).toBe(1);
    expect(smsPartCount('😀'.repeat(36))).toBe(2);
  });

  it('journals the reference carried in the status callback', async () => {
    await post(simulator.url, messages, {
      To: '+447700900123',
      From: '+15005550006',
      Body: 'x',
      StatusCallback: 'https://example.com/cb?reference=abc-1',
    });
    expect(simulator.messages[0]?.reference).toBe('abc-1');
  });

  it('refuses missing or wrong credentials with 401 20003', async () => {
    for (const authorization of [null, basic(accountSid, 'wrong-token'), basic(apiKeySid, authToken)]) {
      const answer = await post(
        simulator.url,
        messages,
        { To: '+447700900123', From: '+15005550006', Body: 'x' },
        authorization,
      );
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
    }
    expect(simulator.messages).toEqual([]);
  });

  it('refuses an account SID in the path that is not the credentials’ account', async () => {
    const other = await post(simulator.url, messages.replace(accountSid, `AC${'1'.repeat(32)}`), {
      To: '+447700900123',
      From: '+15005550006',
      Body: 'x',
    });
    expect(other.json).toMatchObject({ code: 20003, status: 401 });
    const malformed = await post(simulator.url, messages.replace(accountSid, 'ACnope'), {
      To: '+447700900123',
      From: '+15005550006',
      Body: 'x',
    });
    expect(malformed.json).toMatchObject({ code: 20404, status: 404 });
  });

  it.each([
    [{ From: '+15005550006', Body: 'x' }, 21604],
    [{ To: '447700900123', From: '+15005550006', Body: 'x' }, 21211],
    [{ To: '+447700900123', Body: 'x' }, 21603],
    [{ To: '+447700900123', MessagingServiceSid: 'MG123', Body: 'x' }, 21701],
    [{ To: '+447700900123', From: 'not a valid sender', Body: 'x' }, 21212],
    [{ To: '+447700900123', From: '+15005550006' }, 21602],
    [{ To: '+447700900123', From: '+15005550006', Body: 'x'.repeat(1601) }, 21617],
    [{ To: '+447700900123', From: '+15005550006', Body: 'x', StatusCallback: 'not a url' }, 21609],
  ])('validates message fields like Twilio (%o → %i)', async (fields, code) => {
    const answer = await post(simulator.url, messages, fields);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      code,
      status: 400,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
    });
    expect(simulator.messages).toEqual([]);
    expect(simulator.requests).toMatchObject([{ provider: 'twilio', outcome: 'rejected', status: 400 }]);
  });

  it('creates a call and decodes the spoken text from the TwiML', async () => {
    const answer = await post(simulator.url, calls, {
      To: '+447700900123',
      From: '+15005550006',
      Twiml: twiml,
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      status: 'queued',
      to: '+447700900123',
      from: '+15005550006',
      direction: 'outbound-api',
    });
    expect(answer.json.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(simulator.messages).toMatchObject([
      { channel: 'voice', id: answer.json.sid, text: 'Your code is 1, 2, 3.' },
    ]);
    expect(simulator.messages[0]?.request.Twiml).toBe(twiml);
  });

  it.each([
    [{ From: '+15005550006', Twiml: twiml }, 21201],
    [{ To: '+447700900123', Twiml: twiml }, 21213],
    [{ To: 'nope', From: '+15005550006', Twiml: twiml }, 21211],
    [{ To: '+447700900123', From: 'Acme', Twiml: twiml }, 21212],
    [{ To: '+447700900123', From: '+15005550006' }, 21205],
    [
      {
        To: '+447700900123',
        From: '+15005550006',
        Twiml: `<Response><Say>${'a'.repeat(4000)}</Say></Response>`,
      },
      21658,
    ],
    [{ To: '+447700900123', From: '+15005550006', Twiml: '<Response><Say>a & b</Say></Response>' }, 12100],
    [{ To: '+447700900123', From: '+15005550006', Twiml: '<Response><Say>a</Response>' }, 12100],
    [{ To: '+447700900123', From: '+15005550006', Twiml: '<Say>a</Say>' }, 12100],
  ])('validates call fields like Twilio (%o → %i)', async (fields, code) => {
    const answer = await post(simulator.url, calls, fields);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code, status: 400 });
    expect(simulator.messages).toEqual([]);
  });

  const kinds: [ErrorKind, number, number][] = [
    ['invalid-number', 400, 21211],
    ['auth', 401, 20003],
    ['no-credit', 401, 20005],
    ['rate-limit', 429, 20429],
    ['unavailable', 500, 20500],
    ['transient', 503, 20503],
    ['not-found', 404, 20404],
    ['method-not-allowed', 405, 20004],
    ['bad-request', 400, 21602],
  ];
  it.each(kinds)('renders the %s fault as Twilio would (%i, %i)', async (kind, status, code) => {
    simulator.fail('twilio', kind);
    const answer = await post(simulator.url, messages, {
      To: '+447700900123',
      From: '+15005550006',
      Body: 'x',
    });
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({
      code,
      message: expect.any(String),
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
    });
    expect(simulator.messages).toEqual([]);
  });

  it('echoes the number in an invalid-number answer, as Twilio does', async () => {
    simulator.fail('twilio', 'invalid-number');
    const answer = await post(simulator.url, messages, {
      To: '+447700900123',
      From: '+15005550006',
      Body: 'x',
    });
    expect(answer.json.message).toBe("The 'To' number +447700900123 is not a valid phone number.");
  });

  it('sends Retry-After with a rate-limit fault when asked', async () => {
    simulator.fail('twilio', { type: 'error', kind: 'rate-limit', retryAfter: 3 });
    const answer = await post(simulator.url, messages, {
      To: '+447700900123',
      From: '+15005550006',
      Body: 'x',
    });
    expect(answer.headers['retry-after']).toBe('3');
  });

  it('answers a voice bad-request with the call error', async () => {
    simulator.fail('twilio', 'bad-request');
    const answer = await post(simulator.url, calls, {
      To: '+447700900123',
      From: '+15005550006',
      Twiml: twiml,
    });
    expect(answer.json).toMatchObject({ code: 21205, status: 400 });
  });

  it('answers its own codes with their usual status, or the one asked for', async () => {
    simulator.fail('twilio', { type: 'code', code: 21614 });
    const known = await post(simulator.url, messages, {
      To: '+447700900123',
      From: '+15005550006',
      Body: 'x',
    });
    expect(known.status).toBe(400);
    expect(known.json).toMatchObject({
      code: 21614,
      message: "'To' number +447700900123 is not a valid mobile number",
    });
    simulator.fail('twilio', { type: 'code', code: 29999, status: 409 });
    const unknown = await post(simulator.url, messages, {
      To: '+447700900123',
      From: '+15005550006',
      Body: 'x',
    });
    expect(unknown.status).toBe(409);
    expect(unknown.json).toMatchObject({ code: 29999, status: 409 });
  });
});

describe('readTwiml', () => {
  it('reads elements, attributes, entities and CDATA', () => {
    const document = readTwiml(
      '<?xml version="1.0"?><Response><!-- hi --><Say voice=\'Polly.Amy\' loop="2">a &amp; b &#x41;<![CDATA[<x>]]></Say><Pause length="1"/></Response>',
    );
    expect(document).toEqual({
      name: 'Response',
      attributes: {},
      text: '',
      children: [
        { name: 'Say', attributes: { voice: 'Polly.Amy', loop: '2' }, children: [], text: 'a & b A<x>' },
        { name: 'Pause', attributes: { length: '1' }, children: [], text: '' },
      ],
    });
  });

  it.each([
    '<!DOCTYPE x><Response/>',
    '<Response><Say>a</Say>',
    '<Response></Say>',
    '<Response>&bogus;</Response>',
    '<Response><Say a="<">x</Say></Response>',
    '<Response/><Response/>',
    '<Other/>',
  ])('refuses %s', (source) => {
    expect(typeof readTwiml(source)).toBe('string');
  });
});
