import { type ActionHandlers, createActionHandlers, type Provider } from '@mfa-sms/core';
import { createEsendex } from '@mfa-sms/esendex';
import { createMitto } from '@mfa-sms/mitto';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import {
  customPhoneProviderApi,
  customPhoneProviderEvent,
  hookArguments,
  sendPhoneMessageApi,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';
import { createTwilio } from '@mfa-sms/twilio';
import { createVonage } from '@mfa-sms/vonage';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// What the README of each package shows: a user's own Action, composed from core and one provider.
const factories: Record<
  string,
  (secrets: Readonly<Record<string, string | undefined>>, url: string) => Provider
> = {
  twilio: (secrets, url) =>
    createTwilio({
      accountSid: secrets.TWILIO_ACCOUNT_SID ?? '',
      authToken: secrets.TWILIO_AUTH_TOKEN ?? '',
      from: '+14155550100',
      baseUrl: url,
    }),
  vonage: (secrets, url) =>
    createVonage({
      apiKey: secrets.VONAGE_API_KEY ?? '',
      apiSecret: secrets.VONAGE_API_SECRET ?? '',
      from: '447700900000',
      applicationId: secrets.VONAGE_APPLICATION_ID ?? '',
      privateKey: secrets.VONAGE_PRIVATE_KEY ?? '',
      baseUrl: url,
    }),
  esendex: (secrets, url) =>
    createEsendex({
      accountReference: secrets.ESENDEX_ACCOUNT ?? '',
      username: secrets.ESENDEX_USERNAME ?? '',
      password: secrets.ESENDEX_PASSWORD ?? '',
      from: 'Acme',
      baseUrl: url,
    }),
  mitto: (secrets, url) => createMitto({ apiKey: secrets.MITTO_API_KEY ?? '', from: 'Acme', baseUrl: url }),
};

let simulator: Simulator;
let secrets: Record<string, string>;

beforeAll(async () => {
  simulator = await startSimulator();
  const { twilio, vonage, esendex, mitto } = simulator.credentials;
  secrets = {
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    VONAGE_API_KEY: vonage.apiKey,
    VONAGE_API_SECRET: vonage.apiSecret,
    VONAGE_APPLICATION_ID: vonage.applicationId,
    VONAGE_PRIVATE_KEY: vonage.privateKey,
    ESENDEX_ACCOUNT: esendex.accountReference,
    ESENDEX_USERNAME: esendex.username,
    ESENDEX_PASSWORD: esendex.password,
    MITTO_API_KEY: mitto.apiKey,
  };
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

function handlersFor(name: string, lines: string[]): ActionHandlers {
  const factory = factories[name];
  if (!factory) throw new Error(`no factory for ${name}`);
  return createActionHandlers({
    providers: (received) => [factory(received, simulator.url)],
    defaultCountry: 'GB',
    guard: { allowedCountries: ['GB', 'IE'] },
    log: (line) => lines.push(line),
  });
}

describe.each(Object.keys(factories))('createActionHandlers with @mfa-sms/%s', (name) => {
  it('serves send-phone-message with a national number', async () => {
    const lines: string[] = [];
    await handlersFor(name, lines).onExecuteSendPhoneMessage(
      sendPhoneMessageEvent({ recipient: '07400 123456', code: '246810', secrets }),
      sendPhoneMessageApi(),
    );
    expect(simulator.messages).toMatchObject([{ provider: name, channel: 'sms' }]);
    expect(simulator.messages[0]?.to.replace('+', '')).toBe('447400123456');
    expect(simulator.messages[0]?.text).toContain('246810');
    expect(lines[0]).toMatch(new RegExp(`^mfa-sms sent channel=sms to=\\+44\\*{6}456 provider=${name} `));
  });

  it('serves custom-phone-provider, dropping a blocked destination', async () => {
    const lines: string[] = [];
    const handlers = handlersFor(name, lines);
    const sent = customPhoneProviderApi();
    await handlers.onExecuteCustomPhoneProvider(
      customPhoneProviderEvent({ recipient: '+447400123456', secrets }),
      sent,
    );
    expect(sent.calls).toEqual({ retry: [], drop: [] });
    const blocked = customPhoneProviderApi();
    await handlers.onExecuteCustomPhoneProvider(
      customPhoneProviderEvent({ recipient: '+491701234567', secrets }),
      blocked,
    );
    expect(blocked.calls.drop[0]).toMatch(/^blocked_destination: /);
    expect(simulator.messages).toHaveLength(1);
  });

  it('serves the legacy hook', async () => {
    const lines: string[] = [];
    const [recipient, text, context] = hookArguments({ recipient: '+447400123456', secrets });
    const error = await new Promise<Error | null>((resolve) =>
      handlersFor(name, lines).hook(recipient, text, context, resolve),
    );
    expect(error).toBeNull();
    expect(simulator.messages).toMatchObject([{ provider: name }]);
  });
});
