import type { PhoneMessage } from '@mfa-sms/core';
import { rejection, testMessage, testOptions, useSimulator, withDefaults } from '@mfa-sms/simulator/testing';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import type { InfobipOptions } from './infobip-options.js';
import { createInfobip } from './infobip-provider.js';

const { simulator, record } = useSimulator();

const infobip = withDefaults(createInfobip, () => ({
  ...simulator.credentials.infobip,
  baseUrl: simulator.url,
  from: 'Acme',
}));

const sms: PhoneMessage = testMessage({ reference: 'login-42' });
// Auth0 renders a voice text with the code dotted and {{pause}}.
const call: PhoneMessage = {
  ...sms,
  channel: 'voice',
  text: 'Your code is 4.9.3.8.1.7. {{pause}} Again: 4.9.3.8.1.7',
  language: 'pt-BR',
};

describe('createInfobip: SMS through POST /sms/3/messages', () => {
  it('sends the v3 body with App authorization and returns Infobip’s id and message count', async () => {
    const { dispatcher, sent } = record();
    const result = await infobip({ dispatcher }).send(sms);
    const [message] = simulator.messages;
    expect(result).toEqual({ provider: 'infobip', channel: 'sms', id: message?.id, to: sms.to, segments: 1 });
    expect(message).toMatchObject({
      to: '447400123456',
      from: 'Acme',
      text: sms.text,
      reference: 'login-42',
    });
    expect(message?.request).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": {
              "text": "Your code is 493817",
            },
            "destinations": [
              {
                "to": "447400123456",
              },
            ],
            "sender": "Acme",
            "webhooks": {
              "callbackData": "login-42",
            },
          },
        ],
        "options": {
          "includeSmsCountInResponse": true,
        },
      }
    `);
    expect(sent[0]?.path).toBe('/sms/3/messages');
    expect(sent[0]?.headers).toMatchObject({
      authorization: `App ${simulator.credentials.infobip.apiKey}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'mfa-sms-infobip/0.0.0-test',
    });
  });

  it('takes the segments from Infobip’s count', async () => {
    const result = await infobip().send({
      ...sms,
      text: `Código 493817 ${'é'.repeat(10)} ✅ ${'x'.repeat(60)}`,
    });
    expect(result.segments).toBe(2);
  });

  it('leaves the sender to the account without "from", and uses a Phone Template’s own', async () => {
    await infobip({ from: undefined }).send({ ...sms, reference: undefined });
    await infobip().send({ ...sms, from: 'AcmeLogin' });
    expect(simulator.messages[0]?.request).toEqual({
      messages: [{ destinations: [{ to: '447400123456' }], content: { text: sms.text } }],
      options: { includeSmsCountInResponse: true },
    });
    expect(simulator.messages[1]?.from).toBe('AcmeLogin');
  });

  it('takes the portal’s host without a scheme as https://', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock
      .get('https://xxxxx.api.infobip.com')
      .intercept({ path: '/sms/3/messages', method: 'POST' })
      .reply(200, {
        messages: [
          { messageId: 'm-1', status: { groupId: 1, groupName: 'PENDING', name: 'PENDING_ACCEPTED' } },
        ],
      });
    const provider = createInfobip({ apiKey: 'k', baseUrl: 'xxxxx.api.infobip.com', dispatcher: mock });
    await expect(provider.send(sms)).resolves.toMatchObject({ id: 'm-1', segments: 1 });
    mock.assertNoPendingInterceptors();
    await mock.close();
  });
});

describe('createInfobip: voice through POST /tts/3/advanced', () => {
  it('reads the code one digit at a time, in the message’s language, from voice.from', async () => {
    const { dispatcher, sent } = record();
    const result = await infobip({ dispatcher, voice: { from: '+41793026700' } }).send(call);
    const [message] = simulator.messages;
    expect(result).toEqual({ provider: 'infobip', channel: 'voice', id: message?.id, to: call.to });
    expect(sent[0]?.path).toBe('/tts/3/advanced');
    expect(message?.request).toEqual({
      messages: [
        {
          destinations: [{ to: '447400123456' }],
          text: 'Your code is 4, 9, 3, 8, 1, 7. Again: 4, 9, 3, 8, 1, 7',
          language: 'pt-br',
          from: '41793026700',
          callbackData: 'login-42',
        },
      ],
    });
  });

  const languages: [string | undefined, string | undefined, string][] = [
    ['en-US', undefined, 'en'],
    ['de-AT', undefined, 'de-at'],
    ['zh-Hant-TW', undefined, 'zh-tw'],
    ['nb', undefined, 'nb-no'],
    ['xx', undefined, 'en'],
    ['xx', 'de-CH', 'de-ch'],
    [undefined, 'fr', 'fr'],
  ];
  for (const [given, fallback, expected] of languages) {
    it(`language ${given ?? '(none)'} with voice.language ${fallback ?? '(none)'} → ${expected}`, async () => {
      await infobip({ voice: { language: fallback } }).send({ ...call, language: given });
      expect(simulator.messages[0]?.request).toMatchObject({ messages: [{ language: expected }] });
    });
  }

  it('calls from a Phone Template number, never from a name', async () => {
    await infobip({ voice: { from: '+41793026700' } }).send({ ...call, from: '+41793026701' });
    await infobip({ voice: { from: '+41793026700' } }).send({ ...call, from: 'Acme' });
    expect(simulator.messages.map((message) => message.from)).toEqual(['41793026701', '41793026700']);
  });

  it('refuses a text longer than Infobip reads (1400) before any request', async () => {
    const error = await rejection(infobip().send({ ...call, text: `Code 493817 ${'a'.repeat(1400)}` }));
    expect(error).toMatchObject({ code: 'rejected', provider: 'infobip' });
    expect(error.message).not.toContain('493817');
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('createInfobip: bad input before any request', () => {
  const invalid: [string, PhoneMessage, string][] = [
    ['a number not in E.164', { ...sms, to: '07400 123456' }, 'invalid_recipient'],
    ['an unknown channel', { ...sms, channel: 'fax' as 'sms' }, 'unsupported_channel'],
  ];
  for (const [what, message, code] of invalid) {
    it(`refuses ${what}`, async () => {
      await expect(infobip().send(message)).rejects.toMatchObject({ code, provider: 'infobip' });
      expect(simulator.requests).toHaveLength(0);
    });
  }

  it('offers SMS and voice', () => {
    expect(infobip()).toMatchObject({ name: 'infobip', channels: ['sms', 'voice'] });
  });
});

describe('createInfobip: options', () => {
  function optionError(options: Record<string, unknown>): Error {
    try {
      createInfobip(options as unknown as InfobipOptions);
    } catch (error) {
      return error as Error;
    }
    throw new Error('no error');
  }

  it('says why baseUrl is required: every account has its own host', () => {
    const error = optionError({ apiKey: 'secret-key-123456' });
    expect(error).toMatchObject({ code: 'invalid_config', provider: 'infobip' });
    expect(error.message).toContain('"baseUrl"');
    expect(error.message).toContain('every Infobip account has its own API host');
    expect(error.message).toContain('https://xxxxx.api.infobip.com');
    expect(error.message).not.toContain('secret-key-123456');
  });

  testOptions(createInfobip, {
    provider: 'infobip',
    valid: () => ({ apiKey: 'secret-key-123456', baseUrl: 'https://xxxxx.api.infobip.com' }),
    bad: [
      { what: 'a missing API key', options: { apiKey: undefined }, option: 'apiKey' },
      {
        what: 'an API key with its "App " prefix',
        options: { apiKey: 'App secret-key-123456' },
        option: 'apiKey',
      },
      {
        what: 'a base URL that is not one',
        options: { baseUrl: 'ftp://x.api.infobip.com' },
        option: 'baseUrl',
      },
      { what: 'a sender too long', options: { from: 'AcmeCorporation' }, option: 'from' },
      {
        what: 'a caller id that is not a number',
        options: { voice: { from: 'Acme' } },
        option: 'voice.from',
      },
      {
        what: 'a language Infobip cannot speak',
        options: { voice: { language: 'xx-YY' } },
        option: 'voice.language',
      },
      { what: 'an unknown voice option', options: { voice: { voice: 'Joanna' } }, option: 'voice' },
      {
        what: 'the classic guide’s option name',
        options: { API_KEY: 'secret-key-123456' },
        option: 'API_KEY',
      },
    ],
    unknown: { region: 'eu' },
    secrets: () => ['secret-key-123456'],
    title: (what, option) => `rejects ${what}, naming "${option}" and not its value`,
  });
});

describe('createInfobip: unexpected answers', () => {
  it('a 200 of the wrong shape → bad_response naming Infobip', async () => {
    simulator.fail('infobip', 'wrong-shape');
    const error = await rejection(infobip().send(sms));
    expect(error).toMatchObject({ code: 'bad_response', provider: 'infobip', status: 200 });
    expect(error.message).toMatch(/^Infobip sent an unexpected answer/);
  });

  it('a 200 with no message in it → bad_response', async () => {
    simulator.fail('infobip', { type: 'status', status: 200, body: '{"bulkId":"b","messages":[]}' });
    await expect(infobip().send(sms)).rejects.toMatchObject({ code: 'bad_response' });
  });
});
