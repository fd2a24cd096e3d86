import type { PhoneMessage } from '@mfa-sms/core';
import { parseXml } from '@mfa-sms/core/provider';
import {
  rejection,
  testOptions,
  testRedaction,
  useSimulator,
  withDefaults,
} from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { createEsendex, type EsendexOptions } from './esendex-provider.js';

// Given, so that the bodies and echoes below can name them; the simulator's own are random.
const { simulator, record } = useSimulator({
  credentials: {
    esendex: {
      accountReference: 'EX0000000',
      username: 'sim@example.com',
      password: 'sim-esendex-password-0000',
    },
  },
});

const esendex = withDefaults(createEsendex, () => ({
  ...simulator.credentials.esendex,
  from: 'Acme',
  baseUrl: simulator.url,
}));

const sms: PhoneMessage = {
  to: '+447700900123',
  text: 'Your code is 123456',
  channel: 'sms',
  code: '123456',
};
const voice: PhoneMessage = {
  to: '+447700900123',
  text: 'Your code is 1.2.3.4.5.6{{pause}}. Again: 123456',
  channel: 'voice',
  code: '123456',
  language: 'fr-CA',
};

describe('createEsendex: sending', () => {
  it('sends an SMS as XML and returns the message header id', async () => {
    const { dispatcher, sent } = record();
    const result = await esendex({ dispatcher }).send(sms);
    const [message] = simulator.messages;
    expect(result).toEqual({
      provider: 'esendex',
      channel: 'sms',
      id: message?.id,
      to: '+447700900123',
      segments: 1,
    });
    expect(message).toMatchObject({
      channel: 'sms',
      to: '447700900123',
      from: 'Acme',
      text: 'Your code is 123456',
    });
    expect(message?.request).toEqual({
      accountreference: 'EX0000000',
      message: {
        from: 'Acme',
        to: '447700900123',
        type: 'SMS',
        body: 'Your code is 123456',
        characterset: 'Auto',
      },
    });
    expect(sent[0]?.body).toMatchInlineSnapshot(
      `"<?xml version="1.0" encoding="UTF-8"?><messages><accountreference>EX0000000</accountreference><message><from>Acme</from><to>447700900123</to><type>SMS</type><body>Your code is 123456</body><characterset>Auto</characterset></message></messages>"`,
    );
    const expectedAuth = `Basic ${Buffer.from('sim@example.com:sim-esendex-password-0000').toString('base64')}`;
    expect(sent[0]?.path).toBe('/v1.0/messagedispatcher');
    expect(sent[0]?.headers).toMatchObject({
      authorization: expectedAuth,
      'content-type': 'application/xml; charset=utf-8',
      'user-agent': 'mfa-sms-esendex/0.0.0-test',
    });
  });

  it('marks text GSM-7 cannot carry as Unicode and counts UCS-2 segments', async () => {
    const text = `Ваш код 123456. ${'ж'.repeat(70)}`;
    const result = await esendex().send({ ...sms, text });
    expect(result.segments).toBe(2);
    expect(simulator.messages[0]?.request).toMatchObject({
      message: { characterset: 'Unicode', body: text },
    });
  });

  it('leaves out the sender when none is configured', async () => {
    await esendex({ from: undefined }).send(sms);
    expect(simulator.messages[0]?.request).toEqual({
      accountreference: 'EX0000000',
      message: { to: '447700900123', type: 'SMS', body: 'Your code is 123456', characterset: 'Auto' },
    });
  });

  it('sends a voice message with the code read digit by digit, in the nearest Esendex language', async () => {
    // A call cannot come from a name: the configured "Acme" is left out and the account's number calls.
    const result = await esendex({ voice: { retries: 2 } }).send(voice);
    const [message] = simulator.messages;
    expect(result).toEqual({ provider: 'esendex', channel: 'voice', id: message?.id, to: '+447700900123' });
    expect(message?.channel).toBe('voice');
    expect(message?.request).toMatchInlineSnapshot(`
      {
        "accountreference": "EX0000000",
        "message": {
          "body": "Your code is 1, 2, 3, 4, 5, 6. Again: 1, 2, 3, 4, 5, 6",
          "characterset": "Auto",
          "lang": "fr-FR",
          "retries": 2,
          "to": "447700900123",
          "type": "Voice",
        },
      }
    `);
  });

  it('falls back to the configured voice, then to en-GB, for a language Esendex cannot speak', async () => {
    await esendex({ voice: { language: 'de-DE' } }).send({ ...voice, language: 'it-IT' });
    await esendex().send({ ...voice, language: 'it-IT' });
    await esendex().send({ ...voice, language: undefined });
    expect(simulator.messages.map((message) => (message.request.message as { lang: string }).lang)).toEqual([
      'de-DE',
      'en-GB',
      'en-GB',
    ]);
  });

  it('keeps a base URL path as a prefix', async () => {
    const { dispatcher, sent } = record();
    await expect(esendex({ dispatcher, baseUrl: `${simulator.url}/proxy` }).send(sms)).rejects.toMatchObject({
      code: 'rejected',
      status: 404,
    });
    expect(sent[0]?.path).toBe('/proxy/v1.0/messagedispatcher');
  });

  it('cannot be steered by hostile text: the XML keeps exactly the fields sent and the text round-trips', async () => {
    const text =
      'Code 123456 </body><type>Voice</type><body>x & y ]]> <!-- z --> <![CDATA[ w ]]> "\' <to>1</to>';
    const { dispatcher, sent } = record();
    await esendex({ dispatcher }).send({ ...sms, text });
    const root = parseXml(sent[0]?.body ?? '');
    expect(root.name).toBe('messages');
    expect(root.children.map((child) => child.name)).toEqual(['accountreference', 'message']);
    const message = root.children[1];
    expect(message?.children.map((child) => [child.name, child.text])).toEqual([
      ['from', 'Acme'],
      ['to', '447700900123'],
      ['type', 'SMS'],
      ['body', text],
      ['characterset', 'Auto'],
    ]);
    expect(simulator.messages).toHaveLength(1);
    expect(simulator.messages[0]).toMatchObject({ channel: 'sms', text });
    expect(Object.keys(simulator.messages[0]?.request.message as object).sort()).toEqual([
      'body',
      'characterset',
      'from',
      'to',
      'type',
    ]);
  });

  it('reads the message id from both JSON forms, and XML with namespace prefixes', async () => {
    const answers = [
      '{"batch":{"batchid":"B1","messageheaders":[{"uri":"https://api.esendex.com/v1.0/messageheaders/M1","id":"M1"}]}}',
      '{"batchid":"B2","messageheaders":[{"id":"M2"}]}',
      '<e:messageheaders xmlns:e="http://api.esendex.com/ns/" batchid="B3"><e:messageheader id="M3" uri="x"/></e:messageheaders>',
    ];
    const ids = [];
    for (const body of answers) {
      simulator.fail('esendex', { type: 'status', status: 200, body });
      ids.push((await esendex().send(sms)).id);
    }
    expect(ids).toEqual(['M1', 'M2', 'M3']);
  });
});

describe('createEsendex: the sender', () => {
  it("sends the message's own sender instead of from", async () => {
    await esendex().send({ ...sms, from: 'Acme-Login' });
    expect(simulator.messages[0]?.from).toBe('Acme-Login');
  });
});

describe('createEsendex: the error table, one status at a time', () => {
  const rows: [number, string, boolean][] = [
    [400, 'rejected', false],
    [401, 'auth_failed', false],
    [402, 'insufficient_funds', false],
    [403, 'auth_failed', false],
    [404, 'rejected', false],
    [405, 'rejected', false],
    [408, 'timeout', true],
    [429, 'rate_limited', true],
    [500, 'provider_unavailable', true],
    [503, 'provider_unavailable', true],
    [502, 'provider_unavailable', true],
    [504, 'provider_unavailable', true],
    [409, 'rejected', false],
  ];
  for (const [status, code, retryable] of rows) {
    it(`HTTP ${status} → ${code}${retryable ? ', retryable' : ''}`, async () => {
      simulator.fail('esendex', { type: 'code', code: status });
      const error = await rejection(esendex().send(sms));
      expect(error).toMatchObject({ code, retryable, status, provider: 'esendex' });
      expect(error.message).toMatch(new RegExp(`^Esendex answered HTTP ${status}: `));
    });
  }

  it('HTTP 400 naming the recipient → invalid_recipient, with the number masked', async () => {
    simulator.fail('esendex', 'invalid-number');
    const error = await rejection(esendex().send(sms));
    expect(error).toMatchObject({ code: 'invalid_recipient', retryable: false, status: 400 });
    expect(error.message).toBe(
      "Esendex answered HTTP 400: the recipient +44******123 was rejected: Invalid recipient: '[redacted]' is not a valid phone number",
    );
  });

  it('uses the description of an <errors> body and the meaning of the status', async () => {
    simulator.fail('esendex', 'no-credit');
    const error = await rejection(esendex().send(sms));
    expect(error.message).toBe(
      'Esendex answered HTTP 402: the account has no credit left: Payment required: the account has insufficient credits to send this message',
    );
  });

  it('cleans and shortens a long or HTML error body', async () => {
    simulator.fail('esendex', {
      type: 'status',
      status: 502,
      body: `<html><body><h1>Bad Gateway</h1>\n\n${'x'.repeat(500)}</body></html>`,
    });
    const error = await rejection(esendex().send(sms));
    expect(error).toMatchObject({ code: 'provider_unavailable', retryable: true });
    expect(error.message).toMatch(/^Esendex answered HTTP 502: server error: Bad Gateway x+…$/);
    expect(error.message.length).toBeLessThan(220);
  });

  it('falls back to the status with an empty body', async () => {
    simulator.fail('esendex', { type: 'status', status: 401, body: '' });
    const error = await rejection(esendex().send(sms));
    expect(error).toMatchObject({ code: 'auth_failed', status: 401 });
    expect(error.message).toBe('Esendex answered HTTP 401: the username or password was not accepted');
  });

  it('answers auth_failed to wrong credentials and to an account reference the login may not use', async () => {
    await expect(esendex({ password: 'not-the-password' }).send(sms)).rejects.toMatchObject({
      code: 'auth_failed',
      status: 401,
    });
    await expect(esendex({ accountReference: 'EX1234567' }).send(sms)).rejects.toMatchObject({
      code: 'auth_failed',
      status: 403,
    });
  });
});

describe('createEsendex: transport failures', () => {
  it('503 (unavailable, transient) → provider_unavailable, retryable', async () => {
    simulator.fail('esendex', 'unavailable');
    simulator.fail('esendex', 'transient');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(esendex().send(sms)).rejects.toMatchObject({
        code: 'provider_unavailable',
        retryable: true,
        status: 503,
      });
    }
  });

  it('a per-send timeout overrides the configured one', async () => {
    simulator.fail('esendex', 'no-answer');
    const started = Date.now();
    await expect(esendex().send(sms, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(200 + 700);
  });
  it('a wrong-shape 200 answer → bad_response', async () => {
    simulator.fail('esendex', 'wrong-shape');
    await expect(esendex().send(sms)).rejects.toMatchObject({
      code: 'bad_response',
      provider: 'esendex',
      status: 200,
    });
  });

  it('an XML answer without a message header → bad_response', async () => {
    simulator.fail('esendex', {
      type: 'status',
      status: 200,
      body: '<messageheaders batchid="B"></messageheaders>',
    });
    await expect(esendex().send(sms)).rejects.toMatchObject({ code: 'bad_response', retryable: false });
  });

  it('an already aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(esendex().send(sms, { signal: controller.signal })).rejects.toThrow('too late');
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('createEsendex: options and input', () => {
  testOptions(createEsendex, {
    provider: 'esendex',
    valid: () => simulator.credentials.esendex,
    bad: [
      {
        what: 'a missing account reference',
        options: { accountReference: undefined },
        option: 'accountReference',
      },
      {
        what: 'a malformed account reference',
        options: { accountReference: 'ACCT-SECRET-42' },
        option: 'accountReference',
      },
      { what: 'an empty username', options: { username: '' }, option: 'username' },
      { what: 'a missing password', options: { password: undefined }, option: 'password' },
      { what: 'a password with surrounding spaces', options: { password: ' hunter22 ' }, option: 'password' },
      { what: 'a sender too long', options: { from: 'AcmeCorporation' }, option: 'from' },
      { what: 'an unknown voice', options: { voice: { language: 'it-IT' } }, option: 'voice.language' },
      { what: 'negative retries', options: { voice: { retries: -1 } }, option: 'voice.retries' },
      { what: 'a base URL that is not one', options: { baseUrl: 'api.esendex.com' }, option: 'baseUrl' },
      { what: 'a timeout too long', options: { timeoutMs: 600_000 }, option: 'timeoutMs' },
      { what: 'a dispatcher that is not one', options: { dispatcher: {} }, option: 'dispatcher' },
    ],
    unknown: { region: 'eu' },
    secrets: () => [simulator.credentials.esendex.password],
    minValueLength: 4,
    title: (what) => `rejects ${what}, naming the option and not its value`,
  });

  it('offers SMS and voice', () => {
    expect(esendex()).toMatchObject({ name: 'esendex', channels: ['sms', 'voice'] });
  });

  const invalidMessages: [string, PhoneMessage, string][] = [
    ['a number not in E.164', { ...sms, to: '07700 900123' }, 'invalid_recipient'],
    ['an empty text', { ...sms, text: '  ' }, 'rejected'],
    ['an unknown channel', { ...sms, channel: 'fax' as 'sms' }, 'unsupported_channel'],
  ];
  for (const [name, message, code] of invalidMessages) {
    it(`refuses ${name} before any request`, async () => {
      await expect(esendex().send(message)).rejects.toMatchObject({ code, provider: 'esendex' });
      expect(simulator.requests).toHaveLength(0);
    });
  }
});

describe('createEsendex: redaction (the classic guide logged the Basic-auth password through axios)', () => {
  // Timeouts, resets, refused connections and the invalid-number answer are testProvider's cells,
  // which check the same for every fault; these two are Esendex's own.
  testRedaction(createEsendex, {
    options: (): EsendexOptions => ({ ...simulator.credentials.esendex, baseUrl: simulator.url }),
    messages: [sms],
    scenarios: [
      { what: 'wrong credentials', options: { password: 'wrong-password-9999' } },
      {
        what: 'a body echoing everything',
        arrange: () =>
          simulator.fail('esendex', {
            type: 'status',
            status: 400,
            body: '<errors><error><description>sim@example.com:sim-esendex-password-0000 EX0000000 c2ltQGV4YW1wbGUuY29tOnNpbS1lc2VuZGV4LXBhc3N3b3JkLTAwMDA= sent 123456 to +447700900123 (447700900123)</description></error></errors>',
          }),
      },
    ],
    hidden: ({ username, password, accountReference }) => [
      password,
      username,
      accountReference,
      Buffer.from(`${username}:${password}`).toString('base64'),
      '123456',
      '447700900123',
    ],
    kept: 'credentials, code and number',
  });
});
