import { inspect } from 'node:util';
import type { PhoneMessage } from '@mfa-sms/core';
import { useSimulator } from '@mfa-sms/simulator/testing';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import type { TwilioOptions } from './twilio-options.js';
import { createTwilio } from './twilio-provider.js';
import { verificationRequestForm, verifyLocale } from './twilio-verify.js';
import { classifyTwilioVerifyError } from './twilio-verify-errors.js';

const message: PhoneMessage = {
  to: '+447400123456',
  text: 'Your code is 493817',
  channel: 'sms',
  code: '493817',
  language: 'pt-BR',
};

describe('the Verifications request', () => {
  it("carries Auth0's code as CustomCode, the channel and a locale Verify knows", () => {
    const form = verificationRequestForm({
      to: message.to,
      channel: 'sms',
      code: '493817',
      language: 'pt-BR',
    });
    expect(Object.fromEntries(form)).toEqual({
      To: '+447400123456',
      Channel: 'sms',
      CustomCode: '493817',
      Locale: 'pt-BR',
    });
    expect(verificationRequestForm({ to: message.to, channel: 'voice', code: '1234' }).get('Channel')).toBe(
      'call',
    );
  });

  it('maps languages to Verify locales', () => {
    expect(verifyLocale('fr-CA')).toBe('fr');
    expect(verifyLocale('en-GB')).toBe('en-GB');
    expect(verifyLocale('zh-HK')).toBe('zh-HK');
    expect(verifyLocale('gsw')).toBeUndefined();
    expect(verifyLocale(undefined)).toBeUndefined();
  });
});

describe('Verify error codes', () => {
  it.each([
    [403, 60410, 'blocked_destination', false],
    [403, 60605, 'blocked_destination', false],
    [429, 60203, 'rate_limited', true],
    [429, 60212, 'rate_limited', true],
    [400, 60205, 'invalid_recipient', false],
    [400, 60200, 'rejected', false],
    [400, 60204, 'invalid_config', false],
    [400, 60223, 'unsupported_channel', false],
    [401, 20003, 'auth_failed', false],
    [429, 20429, 'rate_limited', true],
    [503, 60410, 'provider_unavailable', true],
  ] as const)('HTTP %i with %i is %s (retryable: %s)', (status, code, expected, retryable) => {
    expect(classifyTwilioVerifyError(status, code)).toMatchObject({ code: expected, retryable });
  });

  it('takes "Invalid parameter: To" as a bad recipient', () => {
    expect(classifyTwilioVerifyError(400, 60200, 'Invalid parameter: To')).toMatchObject({
      code: 'invalid_recipient',
    });
    expect(classifyTwilioVerifyError(400, 60200, 'Invalid parameter: Locale')).toMatchObject({
      code: 'rejected',
    });
  });
});

describe('Twilio in Verify mode, against the simulator', () => {
  const { simulator } = useSimulator();

  const create = (extra: Partial<TwilioOptions> = {}) => {
    const { accountSid, authToken, verifyServiceSid } = simulator.credentials.twilio;
    return createTwilio({
      accountSid,
      authToken,
      verifyServiceSid,
      baseUrl: simulator.url,
      timeoutMs: 2000,
      ...extra,
    });
  };

  it('sends the code by SMS and by call through the Verifications endpoint', async () => {
    const twilio = create();
    expect(twilio.channels).toEqual(['sms', 'voice']);
    const sms = await twilio.send(message);
    expect(sms).toMatchObject({
      provider: 'twilio',
      channel: 'sms',
      to: message.to,
      id: expect.stringMatching(/^VE/),
    });
    const call = await twilio.send({ ...message, channel: 'voice', language: 'fr-CA' });
    expect(call.channel).toBe('voice');
    expect(simulator.requests.map((request) => request.path)).toEqual([
      `/v2/Services/${simulator.credentials.twilio.verifyServiceSid}/Verifications`,
      `/v2/Services/${simulator.credentials.twilio.verifyServiceSid}/Verifications`,
    ]);
    expect(simulator.messages.map((sent) => sent.request)).toEqual([
      { To: message.to, Channel: 'sms', CustomCode: '493817', Locale: 'pt-BR' },
      { To: message.to, Channel: 'call', CustomCode: '493817', Locale: 'fr' },
    ]);
    expect(simulator.messages[0]?.text).toContain('493817');
  });

  it.each([
    [60410, 'blocked_destination', false],
    [60203, 'rate_limited', true],
    [60205, 'invalid_recipient', false],
    [60204, 'invalid_config', false],
  ] as const)(
    'maps Verify error %i to %s without leaking the number or code',
    async (code, expected, retryable) => {
      simulator.fail('twilio', { type: 'code', code });
      const error = await create()
        .send(message)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: expected,
        retryable,
        provider: 'twilio',
        providerCode: String(code),
      });
      const visible = `${(error as Error).message}\n${inspect(error)}`;
      expect(visible).toContain(`https://www.twilio.com/docs/errors/${code}`);
      for (const value of ['447400123456', '493817', simulator.credentials.twilio.authToken])
        expect(visible).not.toContain(value);
    },
  );

  it('refuses a service unknown to Twilio (404)', async () => {
    await expect(create({ verifyServiceSid: `VA${'1'.repeat(32)}` }).send(message)).rejects.toMatchObject({
      status: 404,
      retryable: false,
    });
  });

  it('sends messages without a code through Messages when a sender is given, and refuses them otherwise', async () => {
    const notice = { to: message.to, text: 'Your password was changed', channel: 'sms' as const };
    await expect(create().send(notice)).rejects.toMatchObject({ code: 'rejected', provider: 'twilio' });
    await expect(create().send({ ...message, code: '12' })).rejects.toMatchObject({ code: 'rejected' });
    expect(simulator.requests).toHaveLength(0);
    const result = await create({ from: '+14155550100' }).send(notice);
    expect(result.id).toMatch(/^SM/);
    expect(simulator.requests.map((request) => request.path)).toEqual([
      `/2010-04-01/Accounts/${simulator.credentials.twilio.accountSid}/Messages.json`,
    ]);
  });

  it('refuses a verifyServiceSid that is not VA + 32 hex, naming the option only', () => {
    expect(() => create({ verifyServiceSid: 'MG-secret-looking-value' })).toThrow(
      expect.objectContaining({
        code: 'invalid_config',
        message: expect.stringContaining('verifyServiceSid'),
      }),
    );
  });
});

describe('Verify host', () => {
  it('is verify.twilio.com unless a baseUrl replaces it', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const serviceSid = `VA${'a'.repeat(32)}`;
    agent
      .get('https://verify.twilio.com')
      .intercept({ path: `/v2/Services/${serviceSid}/Verifications`, method: 'POST' })
      .reply(201, { sid: `VE${'b'.repeat(32)}`, status: 'pending' });
    const twilio = createTwilio({
      accountSid: `AC${'0'.repeat(32)}`,
      authToken: 'an-auth-token-of-test',
      verifyServiceSid: serviceSid,
      dispatcher: agent,
    });
    await expect(twilio.send(message)).resolves.toMatchObject({ id: `VE${'b'.repeat(32)}` });
    agent.assertNoPendingInterceptors();
    await agent.close();
  });
});
