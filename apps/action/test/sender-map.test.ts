import { createRouter, type PhoneMessage, type Provider, type SenderOption } from '@mfa-sms/core';
import { createEsendex } from '@mfa-sms/esendex';
import { createMitto } from '@mfa-sms/mitto';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import { createTwilio } from '@mfa-sms/twilio';
import { createVonage } from '@mfa-sms/vonage';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSenderSecret } from '../src/action/sender-secret.js';

// Every provider's `from` takes a per-country map: checked here against the simulator, through
// each provider's own request, and through a router that passes over a provider without a
// sender for the destination.
let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const gb: PhoneMessage = { to: '+447400123456', text: 'Your code is 493817', channel: 'sms', code: '493817' };
const us: PhoneMessage = { ...gb, to: '+14155552671' };
const senders = { '*': 'Acme', US: '+14155550100', CA: '+14155550100' };

const build: Record<string, (from: SenderOption) => Provider> = {
  twilio: (from) => {
    const { accountSid, authToken } = simulator.credentials.twilio;
    return createTwilio({ accountSid, authToken, from, baseUrl: simulator.url });
  },
  vonage: (from) => {
    const { apiKey, apiSecret } = simulator.credentials.vonage;
    return createVonage({ apiKey, apiSecret, from, baseUrl: simulator.url });
  },
  esendex: (from) => createEsendex({ ...simulator.credentials.esendex, from, baseUrl: simulator.url }),
  mitto: (from) => createMitto({ apiKey: simulator.credentials.mitto.apiKey, from, baseUrl: simulator.url }),
};

describe('a per-country sender map', () => {
  it.each(Object.keys(build))('%s sends from the country entry, else from "*"', async (name) => {
    const provider = (build[name] as (from: SenderOption) => Provider)(senders);
    await provider.send(gb);
    await provider.send(us);
    expect(simulator.messages.map((message) => message.from?.replace(/^\+/, ''))).toEqual([
      'Acme',
      '14155550100',
    ]);
  });

  it.each(['twilio', 'vonage', 'mitto'])(
    '%s refuses, before any request, to send a US message from a name only',
    async (name) => {
      const provider = (build[name] as (from: SenderOption) => Provider)('Acme');
      expect(provider.cannotSend?.(us)).toMatchObject({ code: 'invalid_config' });
      await expect(provider.send(us)).rejects.toMatchObject({
        code: 'invalid_config',
        message: expect.stringMatching(/option "from".*US/),
      });
      expect(simulator.requests).toHaveLength(0);
    },
  );

  it("esendex sends a US message from the account's default originator rather than a name", async () => {
    await build.esendex?.('Acme').send(us);
    expect(simulator.messages[0]?.from).toBeUndefined();
    expect(simulator.messages[0]?.request).not.toHaveProperty('from');
  });

  it('a router passes over a provider without a sender for the destination', async () => {
    const router = createRouter({
      providers: [build.twilio?.('Acme') as Provider, build.vonage?.(senders) as Provider],
    });
    const sent = await router.send(us);
    expect(sent.provider).toBe('vonage');
    expect(sent.attempts.map((attempt) => attempt.provider)).toEqual(['vonage']);
    expect(simulator.requests.map((request) => request.provider)).toEqual(['vonage']);
    expect((await router.send(gb)).provider).toBe('twilio');
  });

  it('no provider with a sender for the destination: invalid_config naming the option and country', async () => {
    const router = createRouter({
      providers: [build.twilio?.('Acme') as Provider, build.mitto?.('Acme') as Provider],
    });
    await expect(router.send(us)).rejects.toMatchObject({
      code: 'invalid_config',
      message: expect.stringMatching(/option "from" has only an alphanumeric sender for US/),
    });
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('parseSenderSecret', () => {
  it.each([
    ['Acme', 'Acme'],
    ['Mitto SMS', 'Mitto SMS'],
    ['+14155550100', '+14155550100'],
    ['Acme;US,CA=+14155550100', { '*': 'Acme', US: '+14155550100', CA: '+14155550100' }],
    ['us=+14155550100; GB = Acme UK', { US: '+14155550100', GB: 'Acme UK' }],
    ['Acme, Inc;US=+14155550100', { '*': 'Acme, Inc', US: '+14155550100' }],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseSenderSecret(value)).toEqual(expected);
  });

  it('leaves a malformed map for the provider to name', () => {
    const parsed = parseSenderSecret('Acme;=+14155550100');
    expect(() => build.twilio?.(parsed as SenderOption)).toThrow(/option "from/);
  });
});
