import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './test-simulator.js';

// The official clients users already run, each with the sender of the classic Auth0 guide that
// used it, pointed at the simulator: it must accept what the real APIs accept from them.
const require = createRequire(import.meta.url);

const { simulator } = useSimulator();

describe('the twilio SDK, as in the classic Twilio guide', () => {
  interface TwilioRequestOptions {
    uri: string;
    [option: string]: unknown;
  }
  interface TwilioModule {
    (
      accountSid: string,
      authToken: string,
      options: { httpClient: unknown },
    ): {
      messages: {
        create(input: { to: string; from: string; body: string }): Promise<{ sid: string; status: string }>;
      };
    };
    RequestClient: new () => { request(options: TwilioRequestOptions): Promise<unknown> };
  }
  const twilio = require('twilio') as TwilioModule;

  it('sends with TWILIO_PHONE_NUMBER as From', async () => {
    const requestClient = new twilio.RequestClient();
    // Only the origin changes: the SDK builds https://api.twilio.com URLs, the simulator is on loopback.
    const httpClient = {
      request(options: TwilioRequestOptions) {
        const uri = new URL(options.uri);
        if (uri.origin !== 'https://api.twilio.com') throw new Error(`unexpected origin ${uri.origin}`);
        return requestClient.request({ ...options, uri: `${simulator.url}${uri.pathname}${uri.search}` });
      },
    };
    const { accountSid, authToken } = simulator.credentials.twilio;
    const client = twilio(accountSid, authToken, { httpClient });
    const TWILIO_PHONE_NUMBER = '+15017122661';
    const created = await client.messages.create({
      body: 'Your code is 493817',
      to: '+447400123456',
      from: TWILIO_PHONE_NUMBER,
    });
    expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(simulator.messages).toMatchObject([
      { provider: 'twilio', from: TWILIO_PHONE_NUMBER, to: '+447400123456', text: 'Your code is 493817' },
    ]);
  });
});

describe('@vonage/sms, the current Vonage SDK', () => {
  interface VonageSmsModule {
    SMS: new (
      credentials: { apiKey: string; apiSecret: string },
      options: { restHost: string },
    ) => {
      send(input: { to: string; from: string; text: string }): Promise<{ messages: { messageId: string }[] }>;
    };
  }
  const { SMS } = require('@vonage/sms') as VonageSmsModule;

  it('sends with VONAGE_FROM_NUMBER as from', async () => {
    const { apiKey, apiSecret } = simulator.credentials.vonage;
    const sms = new SMS({ apiKey, apiSecret }, { restHost: simulator.url });
    const VONAGE_FROM_NUMBER = '15017122661';
    const answer = await sms.send({
      to: '447400123456',
      from: VONAGE_FROM_NUMBER,
      text: 'Your code is 493817',
    });
    expect(answer.messages[0]?.messageId).toBe(simulator.messages[0]?.id);
    expect(simulator.messages).toMatchObject([
      { provider: 'vonage', from: VONAGE_FROM_NUMBER, to: '447400123456', text: 'Your code is 493817' },
    ]);
  });
});
