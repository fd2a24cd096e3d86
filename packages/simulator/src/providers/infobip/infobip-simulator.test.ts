import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Answer, rawRequest } from '../../raw-request.test-helper.js';
import { useSimulator } from '../../test-simulator.js';
import { infobipSimulator } from './infobip-simulator.js';

const { simulator } = useSimulator({ providers: [infobipSimulator] });

function post(path: string, body: unknown, apiKey: string | null = simulator.credentials.infobip.apiKey) {
  return rawRequest(`${simulator.url}${path}`, {
    headers: {
      'content-type': 'application/json',
      ...(apiKey === null ? {} : { authorization: `App ${apiKey}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const parsed = (answer: Answer) => JSON.parse(answer.body) as Record<string, unknown>;

type Node = Record<string, unknown>;
// The 200 examples of Infobip's own descriptions: the simulator answers with the same fields.
function exampleKeys(file: string, path: string): string[] {
  const spec = JSON.parse(
    readFileSync(new URL(`../../../../../specs/infobip/${file}`, import.meta.url), 'utf8'),
  ) as Node;
  const answer = ((((spec.paths as Node)[path] as Node).post as Node).responses as Node)['200'] as Node;
  const json = (answer.content as Node)['application/json'] as Node;
  const examples = Object.values(json.examples as Record<string, { value: { messages: Node[] } }>);
  return Object.keys(examples[0]?.value.messages[0] ?? {}).sort();
}

const v3 = {
  messages: [
    { sender: 'InfoSMS', destinations: [{ to: '41793026727' }], content: { text: 'Your code is 493817' } },
  ],
};

describe('infobip simulator: SMS API v3', () => {
  it('accepts a message and answers like the OpenAPI example', async () => {
    const answer = await post('/sms/3/messages', { ...v3, options: { includeSmsCountInResponse: true } });
    expect(answer.status).toBe(200);
    const [message] = parsed(answer).messages as Node[];
    expect(Object.keys(message ?? {}).sort()).toEqual(
      exampleKeys('infobip-sms-openapi.json', '/sms/3/messages'),
    );
    expect(message).toMatchObject({
      messageId: simulator.messages[0]?.id,
      status: { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED' },
      destination: '41793026727',
      details: { messageCount: 1 },
    });
    expect(simulator.messages).toMatchObject([
      {
        provider: 'infobip',
        channel: 'sms',
        to: '41793026727',
        from: 'InfoSMS',
        text: 'Your code is 493817',
      },
    ]);
  });

  it('refuses a wrong or missing key with the v3 error body (E401)', async () => {
    for (const key of ['wrong', null]) {
      const answer = await post('/sms/3/messages', v3, key);
      expect(answer.status).toBe(401);
      expect(parsed(answer)).toMatchObject({ errorCode: 'E401', violations: [], resources: [] });
    }
    expect(simulator.messages).toHaveLength(0);
  });

  it('answers E400 with violations for a body without destinations or text', async () => {
    const noDestination = await post('/sms/3/messages', { messages: [{ content: { text: 'x' } }] });
    const noText = await post('/sms/3/messages', { messages: [{ destinations: [{ to: '41793026727' }] }] });
    expect([noDestination.status, noText.status]).toEqual([400, 400]);
    expect(parsed(noDestination)).toMatchObject({
      errorCode: 'E400',
      violations: [{ property: 'messages[0].destinations' }],
    });
    expect(parsed(noText)).toMatchObject({ violations: [{ property: 'messages[0].content.text' }] });
  });

  it('refuses a bad number or sender inside a 200, as Infobip does', async () => {
    const badNumber = await post('/sms/3/messages', {
      messages: [{ destinations: [{ to: '12' }], content: { text: 'x' } }],
    });
    const badSender = await post('/sms/3/messages', {
      messages: [
        { sender: 'A sender far too long', destinations: [{ to: '41793026727' }], content: { text: 'x' } },
      ],
    });
    expect([badNumber.status, badSender.status]).toEqual([200, 200]);
    expect((parsed(badNumber).messages as Node[])[0]?.status).toMatchObject({
      groupName: 'REJECTED',
      name: 'REJECTED_PREFIX_MISSING',
    });
    expect((parsed(badSender).messages as Node[])[0]?.status).toMatchObject({ name: 'REJECTED_SOURCE' });
    expect(simulator.messages).toHaveLength(0);
  });
});

describe('infobip simulator: SMS API v2 and text to speech (older error body)', () => {
  it('accepts /sms/2/text/advanced', async () => {
    const answer = await post('/sms/2/text/advanced', {
      messages: [{ from: 'InfoSMS', destinations: [{ to: '41793026727' }], text: 'Your code is 493817' }],
    });
    expect(answer.status).toBe(200);
    expect((parsed(answer).messages as Node[])[0]).toMatchObject({ to: '41793026727', smsCount: 1 });
  });

  it('accepts /tts/3/advanced and answers like the OpenAPI example', async () => {
    const answer = await post('/tts/3/advanced', {
      messages: [
        {
          destinations: [{ to: '41793026727' }],
          text: 'Your code is 4, 9, 3',
          language: 'de-at',
          from: '41793026700',
        },
      ],
    });
    expect(answer.status).toBe(200);
    const [message] = parsed(answer).messages as Node[];
    expect(Object.keys(message ?? {}).sort()).toEqual(
      exampleKeys('infobip-voice-openapi.json', '/tts/3/advanced'),
    );
    expect(simulator.messages).toMatchObject([{ channel: 'voice', to: '41793026727', from: '41793026700' }]);
  });

  const refused: [string, Node, string][] = [
    ['a language Infobip does not speak', { language: 'xx' }, 'language'],
    ['only punctuation', { text: '..., !' }, 'text'],
    ['a text over 1400 characters', { text: 'a'.repeat(1401) }, 'text'],
    ['a caller id that is not a number', { from: 'Acme' }, 'from'],
  ];
  for (const [what, change, property] of refused) {
    it(`answers BAD_REQUEST for ${what}`, async () => {
      const answer = await post('/tts/3/advanced', {
        messages: [{ destinations: [{ to: '41793026727' }], text: 'Your code is 4, 9, 3', ...change }],
      });
      expect(answer.status).toBe(400);
      expect(parsed(answer)).toMatchObject({
        requestError: {
          serviceException: {
            messageId: 'BAD_REQUEST',
            validationErrors: { [property]: [expect.any(String)] },
          },
        },
      });
    });
  }

  it('refuses a wrong key on the TTS API with UNAUTHORIZED', async () => {
    const answer = await post('/tts/3/single', { to: '41793026727', text: 'hello' }, 'wrong');
    expect(answer.status).toBe(401);
    expect(parsed(answer)).toEqual({
      requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: expect.any(String) } },
    });
  });
});

describe('infobip simulator: faults in each route’s own error body', () => {
  it('a rate limit is E429 on SMS v3 and TOO_MANY_REQUESTS on TTS, with Retry-After', async () => {
    simulator.fail('infobip', { type: 'error', kind: 'rate-limit', retryAfter: 2 }, { times: 2 });
    const smsAnswer = await post('/sms/3/messages', v3);
    const ttsAnswer = await post('/tts/3/single', { to: '41793026727', text: 'hello' });
    expect([smsAnswer.status, ttsAnswer.status]).toEqual([429, 429]);
    expect(smsAnswer.headers['retry-after']).toBe('2');
    expect(parsed(smsAnswer)).toMatchObject({ errorCode: 'E429' });
    expect(parsed(ttsAnswer)).toMatchObject({
      requestError: { serviceException: { messageId: 'TOO_MANY_REQUESTS' } },
    });
  });

  it('no credit is a REJECTED_NOT_ENOUGH_CREDITS status in a 200', async () => {
    simulator.fail('infobip', 'no-credit');
    const answer = await post('/sms/3/messages', v3);
    expect(answer.status).toBe(200);
    expect((parsed(answer).messages as Node[])[0]?.status).toEqual({
      groupId: 5,
      groupName: 'REJECTED',
      id: 12,
      name: 'REJECTED_NOT_ENOUGH_CREDITS',
      description: 'Not enough credits',
    });
  });
});

describe('infobip simulator: the inbox', () => {
  it('reads a call’s language from an advanced request and from a single one', () => {
    expect(infobipSimulator.spokenLanguage?.({ messages: [{ language: 'de-at', text: 'x' }] })).toBe('de-at');
    expect(infobipSimulator.spokenLanguage?.({ to: '41793026727', text: 'x', language: 'fr' })).toBe('fr');
    expect(infobipSimulator.spokenLanguage?.({ messages: [{ text: 'x' }] })).toBeUndefined();
  });
});
