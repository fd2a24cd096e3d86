import type { PhoneMessage } from '@mfa-sms/core';
import { parseXml } from '@mfa-sms/core/provider';
import { closedPort, rejection, testOptions, testRedaction, useSimulator } from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import type { TwilioOptions } from './twilio-options.js';
import { createTwilio } from './twilio-provider.js';

const from = '+15005550006';
const serviceSid = 'MG0123456789abcdef0123456789abcdef';
const to = '+447700900123';

describe('createTwilio against the simulator', () => {
  const { simulator } = useSimulator();

  function twilio(overrides: Partial<TwilioOptions> = {}) {
    const { accountSid, authToken } = simulator.credentials.twilio;
    return createTwilio({ accountSid, authToken, from, baseUrl: simulator.url, ...overrides });
  }

  const sms: PhoneMessage = { to, text: 'Your code is 123456', channel: 'sms', code: '123456' };
  const voice: PhoneMessage = {
    to,
    text: 'Your code is 123456.',
    channel: 'voice',
    code: '123456',
    language: 'en-GB',
  };

  describe('SMS', () => {
    it("sends from the message's own sender, and calls from it only when it is a number", async () => {
      await twilio().send({ ...sms, from: 'Acme & Co' });
      expect(simulator.messages[0]?.request).toMatchObject({ From: 'Acme & Co' });
      await twilio().send({ ...voice, from: 'Acme' });
      expect(simulator.messages[1]?.request).toMatchObject({ From: from });
      await twilio().send({ ...voice, from: '+447700900111' });
      expect(simulator.messages[2]?.request).toMatchObject({ From: '+447700900111' });
    });

    it('takes an alphanumeric sender with a space, as the providers document', () => {
      expect(() => twilio({ from: 'Acme Login' })).not.toThrow();
      expect(() => twilio({ from: 'Acme Login Service' })).toThrow(/from/);
    });

    it('sends from a number and returns the SID and Twilio’s segment count', async () => {
      const result = await twilio().send(sms);
      const [message] = simulator.messages;
      expect(result).toEqual({ provider: 'twilio', channel: 'sms', id: message?.id, to, segments: 1 });
      expect(result.id).toMatch(/^SM[0-9a-f]{32}$/);
      expect(message?.request).toEqual({ To: to, From: from, Body: 'Your code is 123456' });
    });

    it('sends through a Messaging Service, preferred over From, counting segments itself', async () => {
      const text = `Your code is 123456. ${'ç'.repeat(200)}`;
      const result = await twilio({ messagingServiceSid: serviceSid }).send({ ...sms, text });
      expect(result.segments).toBe(4);
      expect(simulator.messages[0]?.request).toEqual({ To: to, MessagingServiceSid: serviceSid, Body: text });
    });

    it('works with only a Messaging Service and an API key, and offers SMS only', async () => {
      const { accountSid, apiKeySid, apiKeySecret } = simulator.credentials.twilio;
      const provider = createTwilio({
        accountSid,
        apiKeySid,
        apiKeySecret,
        messagingServiceSid: serviceSid,
        baseUrl: simulator.url,
      });
      expect(provider.channels).toEqual(['sms']);
      await expect(provider.send(sms)).resolves.toMatchObject({ channel: 'sms' });
      const error = await rejection(provider.send(voice));
      expect(error).toMatchObject({ code: 'unsupported_channel', provider: 'twilio' });
      expect(simulator.requests).toHaveLength(1);
    });

    it('offers SMS only with an alphanumeric sender', async () => {
      const provider = twilio({ from: 'Acme' });
      expect(provider.channels).toEqual(['sms']);
      await provider.send(sms);
      expect(simulator.messages[0]?.request.From).toBe('Acme');
    });

    it('carries the reference in the status callback URL', async () => {
      await twilio({ statusCallback: 'https://example.com/twilio/status?source=mfa' }).send({
        ...sms,
        reference: 'tx 42&x',
      });
      expect(simulator.messages[0]?.request.StatusCallback).toBe(
        'https://example.com/twilio/status?source=mfa&reference=tx+42%26x',
      );
      expect(simulator.messages[0]?.reference).toBe('tx 42&x');
    });

    it('does not send the reference without a status callback', async () => {
      await twilio().send({ ...sms, reference: 'tx-42' });
      expect(simulator.messages[0]?.request).not.toHaveProperty('StatusCallback');
    });

    it('refuses a text Twilio would refuse before sending it', async () => {
      const error = await rejection(twilio().send({ ...sms, text: 'x'.repeat(1601) }));
      expect(error).toMatchObject({ code: 'rejected', retryable: false });
      expect(simulator.requests).toEqual([]);
    });

    it('maps a message created already failed to its error', async () => {
      // A Twilio-shaped 201 for a message that failed at once (an opted-out recipient).
      simulator.fail('twilio', {
        type: 'status',
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          sid: `SM${'a'.repeat(32)}`,
          status: 'failed',
          num_segments: '1',
          error_code: 21610,
        }),
      });
      const error = await rejection(twilio().send(sms));
      expect(error).toMatchObject({ code: 'rejected', providerCode: '21610', status: 201 });
    });
  });

  describe('voice', () => {
    it('calls with TwiML that reads the code digit by digit, twice, in the message language', async () => {
      const result = await twilio().send(voice);
      const [call] = simulator.messages;
      expect(result).toEqual({ provider: 'twilio', channel: 'voice', id: call?.id, to });
      expect(result.id).toMatch(/^CA[0-9a-f]{32}$/);
      expect(call?.request).toEqual({
        To: to,
        From: from,
        Twiml: '<Response><Say language="en-GB" loop="2">Your code is 1, 2, 3, 4, 5, 6.</Say></Response>',
      });
      expect(call?.text).toBe('Your code is 1, 2, 3, 4, 5, 6.');
    });

    it('maps the language and picks the configured voice for it', async () => {
      const provider = twilio({ voice: { voice: { 'pt-BR': 'Polly.Camila', fr: 'Polly.Lea' }, loop: 3 } });
      await provider.send({ ...voice, language: 'pt', text: 'Seu código é 123456' });
      await provider.send({ ...voice, language: 'fr-CA', text: 'Votre code est 123456' });
      await provider.send({ ...voice, language: 'xx', text: 'Code 123456' });
      expect(simulator.messages.map((call) => call.request.Twiml)).toEqual([
        '<Response><Say language="pt-BR" voice="Polly.Camila" loop="3">Seu código é 1, 2, 3, 4, 5, 6</Say></Response>',
        '<Response><Say language="fr-CA" voice="Polly.Lea" loop="3">Votre code est 1, 2, 3, 4, 5, 6</Say></Response>',
        '<Response><Say language="en-US" loop="3">Code 1, 2, 3, 4, 5, 6</Say></Response>',
      ]);
    });

    it('uses the configured language when the message has none', async () => {
      await twilio({ voice: { language: 'es-MX', voice: 'Polly.Mia' } }).send({
        ...voice,
        language: undefined,
      });
      expect(simulator.messages[0]?.request.Twiml).toMatch(
        /^<Response><Say language="es-MX" voice="Polly.Mia" loop="2">/,
      );
    });

    it('keeps hostile text inside the one Say', async () => {
      const hostile = `</Say><Dial>sip:attacker@example.com</Dial><Say> & ]]> <!-- --> <![CDATA[x]]> "quoted" 'single' <Hangup/>`;
      await twilio().send({ ...voice, text: hostile, code: undefined });
      const twiml = simulator.messages[0]?.request.Twiml as string;
      const document = parseXml(twiml);
      expect(document.name).toBe('Response');
      expect(document.children).toHaveLength(1);
      const [say] = document.children;
      expect(say?.name).toBe('Say');
      expect(say?.children).toEqual([]);
      expect(say?.text).toBe(hostile);
      expect(simulator.messages[0]?.text).toBe(hostile);
    });

    it('refuses a call whose TwiML would exceed 4,000 characters before sending it', async () => {
      const error = await rejection(twilio().send({ ...voice, text: '&'.repeat(900) }));
      expect(error).toMatchObject({ code: 'rejected', provider: 'twilio', retryable: false });
      expect(error.message).toMatch(/4000/);
      expect(simulator.requests).toEqual([]);
    });
  });

  describe('failures', () => {
    it('maps 429 with Retry-After to a retryable rate_limited', async () => {
      simulator.fail('twilio', { type: 'error', kind: 'rate-limit', retryAfter: 2 });
      const error = await rejection(twilio().send(sms));
      expect(error).toMatchObject({
        code: 'rate_limited',
        retryable: true,
        retryAfterMs: 2000,
        providerCode: '20429',
        status: 429,
      });
    });

    it.each(['unavailable', 'transient'] as const)(
      'maps %s (5xx) to a retryable provider_unavailable',
      async (kind) => {
        simulator.fail('twilio', kind);
        const error = await rejection(twilio().send(sms));
        expect(error).toMatchObject({ code: 'provider_unavailable', retryable: true });
      },
    );

    it('maps a 5xx with an HTML body to provider_unavailable', async () => {
      simulator.fail('twilio', {
        type: 'status',
        status: 502,
        body: '<html><body>Bad Gateway</body></html>',
        headers: { 'content-type': 'text/html' },
      });
      const error = await rejection(twilio().send(sms));
      expect(error).toMatchObject({ code: 'provider_unavailable', retryable: true, status: 502 });
      expect(error.providerCode).toBeUndefined();
    });

    it('maps a 401 with no body to auth_failed', async () => {
      simulator.fail('twilio', { type: 'status', status: 401 });
      const error = await rejection(twilio().send(sms));
      expect(error).toMatchObject({ code: 'auth_failed', retryable: false, status: 401 });
    });

    it('maps real bad credentials to auth_failed', async () => {
      const error = await rejection(twilio({ authToken: 'not-the-right-token' }).send(sms));
      expect(error).toMatchObject({ code: 'auth_failed', providerCode: '20003', status: 401 });
      expect(error.message).toContain('https://www.twilio.com/docs/errors/20003');
    });

    it('times out after timeoutMs', async () => {
      simulator.fail('twilio', 'no-answer');
      const started = Date.now();
      const error = await rejection(twilio({ timeoutMs: 300 }).send(sms));
      expect(error).toMatchObject({ code: 'timeout', retryable: true });
      expect(Date.now() - started).toBeLessThan(1500);
    });

    it('honours a per-send timeout', async () => {
      simulator.fail('twilio', 'no-answer');
      const error = await rejection(twilio().send(sms, { timeoutMs: 200 }));
      expect(error).toMatchObject({ code: 'timeout' });
    });

    it('maps a reset connection to network', async () => {
      simulator.fail('twilio', 'reset');
      const error = await rejection(twilio().send(sms));
      expect(error).toMatchObject({ code: 'network', retryable: true });
    });

    it('maps a refused connection to network', async () => {
      const error = await rejection(twilio({ baseUrl: `http://127.0.0.1:${await closedPort()}` }).send(sms));
      expect(error).toMatchObject({ code: 'network', retryable: true });
    });

    it.each(['malformed-json', 'html', 'empty', 'huge', 'wrong-shape'] as const)(
      'maps a %s 200 to bad_response',
      async (fault) => {
        simulator.fail('twilio', fault);
        const error = await rejection(twilio().send(sms));
        expect(error).toMatchObject({ code: 'bad_response', provider: 'twilio' });
      },
    );

    it('rejects with the abort reason when aborted', async () => {
      simulator.fail('twilio', 'no-answer');
      const controller = new AbortController();
      const reason = new Error('caller gave up');
      const started = Date.now();
      setTimeout(() => controller.abort(reason), 50);
      await expect(twilio().send(sms, { signal: controller.signal })).rejects.toBe(reason);
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('rejects at once with an already aborted signal, without a request', async () => {
      const reason = new Error('already');
      await expect(twilio().send(sms, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      expect(simulator.requests).toEqual([]);
    });
  });

  describe('bad input', () => {
    it.each([
      [{ ...sms, to: '07700900123' }, 'invalid_recipient'],
      [{ ...sms, text: '  ' }, 'rejected'],
      [{ ...sms, channel: 'fax' as unknown as 'sms' }, 'unsupported_channel'],
    ])('refuses %o before any request', async (message, code) => {
      const error = await rejection(twilio().send(message));
      expect(error.code).toBe(code);
      expect(simulator.requests).toEqual([]);
    });
  });

  describe('redaction', () => {
    testRedaction(createTwilio, {
      options: (): TwilioOptions => {
        const { accountSid, authToken } = simulator.credentials.twilio;
        return { accountSid, authToken, from, baseUrl: simulator.url };
      },
      messages: [sms],
      scenarios: [
        {
          what: 'bad credentials',
          options: () => ({ authToken: `${simulator.credentials.twilio.authToken}-wrong` }),
        },
        { what: 'an invalid number echoed back', arrange: () => simulator.fail('twilio', 'invalid-number') },
        {
          what: 'a code echoing the number',
          arrange: () => simulator.fail('twilio', { type: 'code', code: 21614 }),
        },
        { what: 'a timeout', arrange: () => simulator.fail('twilio', 'no-answer') },
        { what: 'a reset', arrange: () => simulator.fail('twilio', 'reset') },
        {
          what: 'a voice call refused',
          arrange: () => simulator.fail('twilio', 'invalid-number'),
          messages: [{ ...sms, channel: 'voice' }],
        },
      ].map((scenario) => ({ options: { timeoutMs: 300 } as Partial<TwilioOptions>, ...scenario })),
      hidden: (options) => {
        const { accountSid, authToken, apiKeySecret } = simulator.credentials.twilio;
        return [
          authToken,
          apiKeySecret,
          Buffer.from(`${accountSid}:${authToken}`).toString('base64'),
          '123456',
          '1, 2, 3, 4, 5, 6',
          '447700900123',
          `${authToken}-wrong`,
          options.authToken ?? '',
        ];
      },
      kept: 'secrets, the code and the number',
    });
  });
});

describe('createTwilio options', () => {
  const accountSid = 'AC0123456789abcdef0123456789abcdef';
  const authToken = 'a-secret-auth-token-value';
  const apiKeySid = `SK${'0'.repeat(32)}`;

  testOptions(createTwilio, {
    provider: 'twilio',
    valid: () => ({ accountSid, authToken, from }),
    bad: [
      { options: { accountSid: 'AC123' }, option: 'accountSid' },
      { options: { authToken: undefined }, option: 'authToken' },
      { options: { apiKeySid, apiKeySecret: 'another-secret' }, option: 'authToken' },
      { options: { authToken: undefined, apiKeySid }, option: 'apiKeySecret' },
      { options: { authToken: undefined, apiKeySecret: 'another-secret' }, option: 'apiKeySid' },
      {
        options: { authToken: undefined, apiKeySid: 'SKnope', apiKeySecret: 'another-secret' },
        option: 'apiKeySid',
      },
      { options: { from: undefined }, option: 'from' },
      { options: { from: '+0123' }, option: 'from' },
      {
        options: { from: undefined, messagingServiceSid: 'MG-secret-looking-value' },
        option: 'messagingServiceSid',
      },
      { options: { baseUrl: 'ftp://example.com' }, option: 'baseUrl' },
      { options: { timeoutMs: 50 }, option: 'timeoutMs' },
      { options: { dispatcher: {} }, option: 'dispatcher' },
      { options: { voice: { loop: 0 } }, option: 'voice.loop' },
      { options: { voice: { language: 'English' } }, option: 'voice.language' },
      { options: { voice: { speed: 2 } }, option: 'voice', errorOption: 'speed' },
      { options: { statusCallback: 'not a url' }, option: 'statusCallback' },
    ],
    unknown: { token: 'x' },
    secrets: () => [authToken],
    minValueLength: 5,
  });

  it('accepts the smallest valid configurations', () => {
    expect(createTwilio({ accountSid, authToken, from }).channels).toEqual(['sms', 'voice']);
    expect(createTwilio({ accountSid, authToken, from: '12345' }).channels).toEqual(['sms']);
    expect(createTwilio({ accountSid, authToken, messagingServiceSid: `MG${'a'.repeat(32)}` }).name).toBe(
      'twilio',
    );
  });
});
