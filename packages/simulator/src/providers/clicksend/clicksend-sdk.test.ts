import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-simulator.js';

// ClickSend's official Node SDK (`clicksend`), pointed at the simulator: it must accept what
// ClickSend accepts from it. Its models also say which fields a message may carry.
const require = createRequire(import.meta.url);

type Attributes = { attributeTypeMap: { baseName: string }[] };
interface Collection {
  messages: object[];
}
interface ClickSendModule {
  SMSApi: new (
    username: string,
    apiKey: string,
  ) => {
    basePath: string;
    smsSendPost(messages: Collection): Promise<{ body: unknown }>;
  };
  VoiceApi: new (
    username: string,
    apiKey: string,
  ) => {
    basePath: string;
    voiceSendPost(messages: Collection): Promise<{ body: unknown }>;
  };
  SmsMessage: (new () => Record<string, unknown>) & Attributes;
  VoiceMessage: (new () => Record<string, unknown>) & Attributes;
  SmsMessageCollection: new () => Collection;
  VoiceMessageCollection: new () => Collection;
}

const clicksend = require('clicksend') as ClickSendModule;

const { simulator } = useSimulator();

function message<T extends Record<string, unknown>>(Model: new () => Record<string, unknown>, fields: T) {
  return Object.assign(new Model(), fields);
}

describe('the clicksend SDK', () => {
  it('sends an SMS through SMSApi.smsSendPost', async () => {
    const { username, apiKey } = simulator.credentials.clicksend;
    const api = new clicksend.SMSApi(username, apiKey);
    api.basePath = `${simulator.url}/v3`;
    const collection = new clicksend.SmsMessageCollection();
    collection.messages = [
      message(clicksend.SmsMessage, { source: 'sdk', to: '+61411111111', body: 'Your code is 493817' }),
    ];
    const { body } = await api.smsSendPost(collection);
    expect(body).toMatchObject({
      http_code: 200,
      response_code: 'SUCCESS',
      data: { messages: [{ status: 'SUCCESS', message_id: simulator.messages[0]?.id }] },
    });
    expect(simulator.messages).toMatchObject([{ provider: 'clicksend', channel: 'sms', to: '+61411111111' }]);
  });

  it('places a call through VoiceApi.voiceSendPost', async () => {
    const { username, apiKey } = simulator.credentials.clicksend;
    const api = new clicksend.VoiceApi(username, apiKey);
    api.basePath = `${simulator.url}/v3`;
    const collection = new clicksend.VoiceMessageCollection();
    collection.messages = [
      message(clicksend.VoiceMessage, {
        source: 'sdk',
        to: '+61411111111',
        body: 'Your code is 4, 9, 3, 8, 1, 7',
        voice: 'male',
        lang: 'en-au',
        customString: 'ref-1',
        country: 'AU',
      }),
    ];
    const { body } = await api.voiceSendPost(collection);
    expect(body).toMatchObject({ data: { messages: [{ status: 'SUCCESS' }] } });
    expect(simulator.messages).toMatchObject([
      { channel: 'voice', reference: 'ref-1', request: { lang: 'en-au' } },
    ]);
  });

  it('answers an SDK call with wrong credentials 401', async () => {
    const api = new clicksend.SMSApi('someone', 'not-the-key');
    api.basePath = `${simulator.url}/v3`;
    const collection = new clicksend.SmsMessageCollection();
    collection.messages = [message(clicksend.SmsMessage, { to: '+61411111111', body: 'x' })];
    await expect(api.smsSendPost(collection)).rejects.toMatchObject({ response: { statusCode: 401 } });
  });

  it('knows every field @mfa-sms/clicksend sends (its models are ClickSend’s own description)', () => {
    const fields = (model: Attributes) => model.attributeTypeMap.map((attribute) => attribute.baseName);
    expect(fields(clicksend.SmsMessage)).toEqual(
      expect.arrayContaining(['source', 'to', 'body', 'from', 'custom_string']),
    );
    expect(fields(clicksend.VoiceMessage)).toEqual(
      expect.arrayContaining(['source', 'to', 'body', 'voice', 'lang', 'custom_string']),
    );
  });
});
