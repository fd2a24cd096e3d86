import { createRequire } from 'node:module';
import querystring from 'node:querystring';
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-simulator.js';
import { telesignSimulator } from './telesign-simulator.js';

// What Telesign users already run, pointed at the simulator: the official Node SDK (which signs
// with Telesign's digest scheme, not Basic) and the classic Auth0 guide's request.
const require = createRequire(import.meta.url);

interface TelesignAnswer {
  reference_id: string;
  status: { code: number; description: string };
  errors?: { code: number }[];
}
type Callback = (error: unknown, answer: TelesignAnswer) => void;
interface TelesignSdk {
  sms: { message(callback: Callback, phoneNumber: string, message: string, messageType: string): void };
  voice: {
    call(callback: Callback, phoneNumber: string, message: string, messageType: string, voice?: string): void;
  };
}
const TeleSign = require('telesignsdk') as new (
  customerId: string,
  apiKey: string,
  restEndpoint: string,
  timeout: number,
) => TelesignSdk;

function promised(run: (callback: Callback) => void): Promise<TelesignAnswer> {
  return new Promise((resolve, reject) => run((error, answer) => (error ? reject(error) : resolve(answer))));
}

const { simulator } = useSimulator({ providers: [telesignSimulator] });

describe('telesignsdk 3.0.4, the official Node SDK', () => {
  function client(apiKey = simulator.credentials.telesign.apiKey) {
    return new TeleSign(simulator.credentials.telesign.customerId, apiKey, simulator.url, 5000);
  }

  it('sends an SMS, signed with its digest (TSA) scheme', async () => {
    const answer = await promised((done) =>
      client().sms.message(done, '447400123456', 'Your code is 493817', 'OTP'),
    );
    expect(answer.status).toEqual({
      code: 290,
      description: 'Message in progress',
      updated_on: expect.any(String),
    });
    expect(simulator.messages).toMatchObject([
      {
        provider: 'telesign',
        channel: 'sms',
        id: answer.reference_id,
        to: '447400123456',
        text: 'Your code is 493817',
      },
    ]);
  });

  it('places a call with a documented voice', async () => {
    const answer = await promised((done) =>
      client().voice.call(done, '447400123456', 'Your code is 4, 9, 3, 8, 1, 7', 'OTP', 'f-en-GB'),
    );
    expect(answer.status.code).toBe(103);
    expect(simulator.messages).toMatchObject([
      { channel: 'voice', request: { phone_number: '447400123456', voice: 'f-en-GB', message_type: 'OTP' } },
    ]);
  });

  it('is refused with a wrong key (an invalid signature, 10008)', async () => {
    const wrong = Buffer.from('not-the-key').toString('base64');
    const answer = await promised((done) =>
      client(wrong).sms.message(done, '447400123456', 'Code 493817', 'OTP'),
    );
    expect(answer.status.code).toBe(10008);
    expect(simulator.requests).toMatchObject([{ provider: 'telesign', status: 401, outcome: 'rejected' }]);
    expect(simulator.messages).toHaveLength(0);
  });
});

describe('the classic Auth0 guide’s request (axios, Basic), corrected', () => {
  // The guide's Hook, with its slips fixed: the comma missing after `url`, the secret it read
  // (TELESIGN_REST_API_KEY, where it told users to create TELESIGN_API_KEY), the undefined
  // `message_type` (context.message_type) and, unless `asWritten`, the `+` of the recipient.
  // Its baseURL was the Enterprise host.
  function hook(recipient: string, text: string, context: Record<string, unknown>, asWritten = false) {
    const secrets = {
      TELESIGN_CUSTOMER_ID: simulator.credentials.telesign.customerId,
      TELESIGN_API_KEY: simulator.credentials.telesign.apiKey,
    };
    const instance = axios.create({
      baseURL: simulator.url,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    return instance({
      method: 'post',
      auth: { username: secrets.TELESIGN_CUSTOMER_ID, password: secrets.TELESIGN_API_KEY },
      url: context.message_type === 'sms' ? '/v1/messaging' : '/v1/voice',
      data: querystring.stringify({
        phone_number: asWritten ? recipient : recipient.replace(/^\+/, ''),
        message_type: 'ARN',
        message: text,
      }),
      validateStatus: () => true,
    });
  }

  it('sends by SMS and by voice', async () => {
    const sms = await hook('+447400123456', 'Your code is 493817', { message_type: 'sms' });
    const voice = await hook('+447400123456', 'Your code is 4.9.3.8.1.7', { message_type: 'voice' });
    expect([sms.status, sms.data.status.code, voice.status, voice.data.status.code]).toEqual([
      200, 290, 200, 103,
    ]);
    expect(simulator.messages.map((message) => message.channel)).toEqual(['sms', 'voice']);
  });

  it('is refused (11000) with the +E.164 recipient Auth0 passes: Telesign documents digits only', async () => {
    const answer = await hook('+447400123456', 'Your code is 493817', { message_type: 'sms' }, true);
    expect([answer.status, answer.data.status.code]).toEqual([400, 11000]);
  });
});
