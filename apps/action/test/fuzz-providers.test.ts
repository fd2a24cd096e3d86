import { inspect } from 'node:util';
import { isMfaSmsError, type PhoneMessage, type Provider } from '@mfa-sms/core';
import { parseXml, type XmlElement } from '@mfa-sms/core/provider';
import { createEsendex } from '@mfa-sms/esendex';
import { createMitto } from '@mfa-sms/mitto';
import { resolveCredentials } from '@mfa-sms/simulator';
import { createTwilio } from '@mfa-sms/twilio';
import { createVonage } from '@mfa-sms/vonage';
import fc from 'fast-check';
import { MockAgent } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';

// Request building under arbitrary input: each provider is given a MockAgent that answers like
// the provider and keeps the bodies sent, so that thousands of cases run without a socket.
const agent = new MockAgent();
agent.disableNetConnect();
const bodies: Record<string, string[]> = { twilio: [], vonage: [], esendex: [], mitto: [] };
const origin = 'http://provider.test';
const pool = agent.get(origin);
const keep = (name: string, reply: (body: string) => object | string) => (options: { body?: unknown }) => {
  const body = String(options.body ?? '');
  bodies[name]?.push(body);
  return reply(body);
};
pool
  .intercept({ path: /Messages\.json$/, method: 'POST' })
  .reply(
    201,
    keep('twilio', () => ({ sid: `SM${'a'.repeat(32)}`, status: 'queued', num_segments: '1' })),
  )
  .persist();
pool
  .intercept({ path: /Calls\.json$/, method: 'POST' })
  .reply(
    201,
    keep('twilio', () => ({ sid: `CA${'b'.repeat(32)}`, status: 'queued' })),
  )
  .persist();
pool
  .intercept({ path: '/sms/json', method: 'POST' })
  .reply(
    200,
    keep('vonage', () => ({ 'message-count': '1', messages: [{ status: '0', 'message-id': 'ABC' }] })),
  )
  .persist();
pool
  .intercept({ path: '/v1/calls', method: 'POST' })
  .reply(
    201,
    keep('vonage', () => ({ uuid: 'call-1' })),
  )
  .persist();
pool
  .intercept({ path: '/v1.0/messagedispatcher', method: 'POST' })
  .reply(
    200,
    keep(
      'esendex',
      () =>
        '<messageheaders batchid="B1" xmlns="http://api.esendex.com/ns/"><messageheader uri="u" id="M1"/></messageheaders>',
    ),
  )
  .persist();
pool
  .intercept({ path: '/sms.json', method: 'POST' })
  .reply(
    200,
    keep('mitto', () => ({ id: 'm1', responseCode: 0, textLength: 1, responseText: 'SMS sent' })),
  )
  .persist();
afterAll(() => agent.close());

const credentials = resolveCredentials();
const common = { baseUrl: origin, dispatcher: agent, timeoutMs: 2000 };
const providers: Record<string, Provider> = {
  twilio: createTwilio({
    ...common,
    accountSid: credentials.twilio.accountSid,
    authToken: credentials.twilio.authToken,
    from: '+14155550100',
  }),
  vonage: createVonage({
    ...common,
    apiKey: credentials.vonage.apiKey,
    apiSecret: credentials.vonage.apiSecret,
    from: '447700900000',
    applicationId: credentials.vonage.applicationId,
    privateKey: credentials.vonage.privateKey,
  }),
  esendex: createEsendex({ ...common, ...credentials.esendex, from: 'Acme' }),
  mitto: createMitto({ ...common, apiKey: credentials.mitto.apiKey, from: 'Acme' }),
};

// Every credential the providers hold, as the fuzzed errors must never show them.
const secrets = [
  credentials.twilio.authToken,
  credentials.vonage.apiSecret,
  ...credentials.vonage.privateKey
    .split('\n')
    .filter((line) => line.length > 20 && !line.startsWith('-----')),
  credentials.esendex.password,
  credentials.mitto.apiKey,
];

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '</Say><Dial>+15551234567</Dial><Say>',
    ']]><Response/><![CDATA[',
    '<!-- --><type>Voice</type>',
    '"}],"ncco":[{"action":"connect"}]',
    '&amp;&lt;&#x3c;&',
    '{{pause}} 1.2.3.4.5.6',
  ),
);
const message = fc.record({
  to: fc.oneof(fc.constant('+447400123456'), fc.string({ maxLength: 20 })),
  text: anyText,
  channel: fc.constantFrom('sms', 'voice'),
  code: fc.option(
    fc.oneof(fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^\d{4,8}$/), fc.string({ maxLength: 12 })),
    { nil: undefined },
  ),
  language: fc.option(fc.oneof(fc.constantFrom('pt-BR', 'fr', 'zh-TW', 'xx'), fc.string({ maxLength: 12 })), {
    nil: undefined,
  }),
  reference: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
});

function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

describe.each(Object.keys(providers))('%s request building under arbitrary input', (name) => {
  it('resolves or rejects with an MfaSmsError, within a few milliseconds', async () => {
    const provider = providers[name] as Provider;
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(message, async (input) => {
        const started = performance.now();
        try {
          const result = await provider.send(input as PhoneMessage);
          expect(result.provider).toBe(name);
        } catch (error) {
          expect(isMfaSmsError(error), String(error)).toBe(true);
          const visible = `${inspect(error, { depth: null })}\n${JSON.stringify(error)}`;
          for (const secret of secrets) expect(visible.includes(secret), 'a credential leaked').toBe(false);
          expect(visible).not.toContain('447400123456');
          if (input.code && /^\d{6}$/.test(input.code)) expect(visible).not.toContain(input.code);
        }
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: 300 },
    );
    expect(slowest).toBeLessThan(500);
  });
});

describe('voice text cannot change the structure of a request', () => {
  const voiceText = anyText.filter((text) => text.trim() !== '');

  it('Twilio TwiML is one Response with one Say', async () => {
    await fc.assert(
      fc.asyncProperty(voiceText, async (text) => {
        bodies.twilio = [];
        await providers.twilio?.send({ to: '+447400123456', text, channel: 'voice' }).catch(() => undefined);
        for (const body of bodies.twilio ?? []) {
          const twiml = new URLSearchParams(body).get('Twiml') ?? '';
          const root = parseXml(twiml);
          expect(root.name).toBe('Response');
          expect(root.children.map((child) => child.name)).toEqual(['Say']);
          expect(root.children[0]?.children).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('Esendex XML has exactly the fields sent, and the body round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(voiceText, async (text) => {
        bodies.esendex = [];
        await providers.esendex?.send({ to: '+447400123456', text, channel: 'sms' }).catch(() => undefined);
        for (const body of bodies.esendex ?? []) {
          const root = parseXml(body);
          expect(root.name).toBe('messages');
          const messages = children(root, 'message');
          expect(messages).toHaveLength(1);
          const fields = messages[0]?.children.map((child) => child.name).sort();
          expect(fields).toEqual(expect.arrayContaining(['body', 'to']));
          expect(new Set(fields).size).toBe(fields?.length);
          for (const child of messages[0]?.children ?? []) expect(child.children).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a Vonage NCCO is one talk action', async () => {
    await fc.assert(
      fc.asyncProperty(voiceText, async (text) => {
        bodies.vonage = [];
        await providers.vonage?.send({ to: '+447400123456', text, channel: 'voice' }).catch(() => undefined);
        for (const body of bodies.vonage ?? []) {
          const call = JSON.parse(body) as { ncco: { action: string }[] };
          expect(call.ncco).toHaveLength(1);
          expect(call.ncco[0]?.action).toBe('talk');
          expect(Object.keys(call).sort()).toEqual(['from', 'ncco', 'to']);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the slowest answers', () => {
  it('Esendex: a 64 KiB tag name without "=" is refused within a few milliseconds', async () => {
    const slowAgent = new MockAgent();
    slowAgent.disableNetConnect();
    const answers = [
      `<messageheaders ${'b'.repeat(64 * 1024)}></messageheaders>`,
      `<messageheaders batchid="B1" ${'x '.repeat(16 * 1024)}><messageheader id="M1"/></messageheaders>`,
      `<messageheaders>${'<messageheader '.repeat(4 * 1024)}</messageheaders>`,
    ];
    for (const answer of answers)
      slowAgent.get(origin).intercept({ path: '/v1.0/messagedispatcher', method: 'POST' }).reply(200, answer);
    const esendex = createEsendex({ ...common, dispatcher: slowAgent, ...credentials.esendex, from: 'Acme' });
    let slowest = 0;
    try {
      for (const _answer of answers) {
        const started = performance.now();
        const failure = await esendex
          .send({ to: '+447400123456', text: 'Your code is 493817', channel: 'sms', code: '493817' })
          .catch((error: unknown) => error);
        slowest = Math.max(slowest, performance.now() - started);
        expect(failure).toMatchObject({ code: 'bad_response', provider: 'esendex' });
      }
    } finally {
      await slowAgent.close();
    }
    expect(slowest).toBeLessThan(500);
  });
});
