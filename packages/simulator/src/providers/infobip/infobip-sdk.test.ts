import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rawRequest } from '../../raw-request.test-helper.js';
import { useSimulator } from '../../test-simulator.js';

// What users already run against Infobip, pointed at the simulator: the official SDK, and the
// classic Auth0 guide's requests with its two bugs fixed (it read `secrets.API_KEY` although it
// told users to create INFOBIP_API_KEY, and hard-coded one account's host).
const require = createRequire(import.meta.url);

const { simulator } = useSimulator();

describe('@infobip-api/sdk, the official Node SDK', () => {
  interface SdkModule {
    AuthType: { ApiKey: string };
    Infobip: new (options: {
      baseUrl: string;
      apiKey: string;
      authType: string;
    }) => {
      channels: {
        sms: {
          send(message: unknown): Promise<{ status?: number; data?: { messages: { messageId: string }[] } }>;
        };
      };
    };
  }
  const { Infobip, AuthType } = require('@infobip-api/sdk') as SdkModule;

  // SDK 0.3.2 only speaks the SMS API v2 (`/sms/2/text/advanced`), so the simulator answers there too.
  it('sends an SMS through /sms/2/text/advanced', async () => {
    const client = new Infobip({
      baseUrl: simulator.url,
      apiKey: simulator.credentials.infobip.apiKey,
      authType: AuthType.ApiKey,
    });
    const answer = await client.channels.sms.send({
      type: 'text',
      messages: [{ destinations: [{ to: '447400123456' }], from: 'InfoSMS', text: 'Your code is 493817' }],
    });
    expect(answer.status).toBe(200);
    expect(answer.data?.messages[0]?.messageId).toBe(simulator.messages[0]?.id);
    expect(simulator.requests).toMatchObject([{ path: '/sms/2/text/advanced', outcome: 'accepted' }]);
    expect(simulator.messages).toMatchObject([
      {
        provider: 'infobip',
        channel: 'sms',
        to: '447400123456',
        from: 'InfoSMS',
        text: 'Your code is 493817',
      },
    ]);
  });

  it('gets the simulator’s 401 with a wrong key (the SDK returns the error instead of throwing)', async () => {
    const client = new Infobip({ baseUrl: simulator.url, apiKey: 'wrong', authType: AuthType.ApiKey });
    const answer = (await client.channels.sms.send({
      messages: [{ destinations: [{ to: '447400123456' }], text: 'x' }],
    })) as unknown as { response: { status: number; data: unknown } };
    expect(answer.response.status).toBe(401);
    expect(answer.response.data).toMatchObject({
      requestError: { serviceException: { messageId: 'UNAUTHORIZED' } },
    });
    expect(simulator.messages).toHaveLength(0);
  });
});

describe("the classic Auth0 guide's requests, corrected", () => {
  // The guide: `Authorization: App ${API_KEY}` with API_KEY = secrets.INFOBIP_API_KEY (fixed), its
  // base URL from INFOBIP_BASE_URL (fixed), and these two bodies as it wrote them.
  const secrets = () => ({
    INFOBIP_API_KEY: simulator.credentials.infobip.apiKey,
    INFOBIP_BASE_URL: simulator.url,
  });
  const headers = () => ({
    Authorization: `App ${secrets().INFOBIP_API_KEY}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
  });
  const recipient = '+447400123456';
  const text = 'Your code is 493817';

  it('SMS: POST /sms/2/text/advanced with the E.164 recipient Auth0 gives', async () => {
    const answer = await rawRequest(`${secrets().INFOBIP_BASE_URL}/sms/2/text/advanced`, {
      headers: headers(),
      body: JSON.stringify({ messages: [{ destinations: [{ to: recipient }], text }] }),
    });
    expect(answer.status).toBe(200);
    expect(simulator.messages).toMatchObject([{ channel: 'sms', to: recipient, text }]);
  });

  it('voice: POST /tts/3/single with { text, to }', async () => {
    const answer = await rawRequest(`${secrets().INFOBIP_BASE_URL}/tts/3/single`, {
      headers: headers(),
      body: JSON.stringify({ text, to: recipient }),
    });
    expect(answer.status).toBe(200);
    expect(simulator.messages).toMatchObject([{ channel: 'voice', to: recipient, text }]);
  });

  it('as written (the API_KEY secret does not exist, so the header says "App undefined"): 401', async () => {
    const unset: Record<string, string | undefined> = secrets();
    const answer = await rawRequest(`${simulator.url}/sms/2/text/advanced`, {
      headers: { ...headers(), Authorization: `App ${unset.API_KEY}` },
      body: JSON.stringify({ messages: [{ destinations: [{ to: recipient }], text }] }),
    });
    expect(answer.status).toBe(401);
    expect(simulator.messages).toHaveLength(0);
  });
});
