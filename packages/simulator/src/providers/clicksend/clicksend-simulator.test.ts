import { describe, expect, it } from 'vitest';
import { type Answer, rawRequest } from '../../raw-request.test-helper.js';
import { useSimulator } from '../../test-simulator.js';
import { clickSendSimulator } from './clicksend-simulator.js';

function post(
  path: string,
  body: unknown,
  credentials?: { username: string; apiKey: string },
): Promise<Answer> {
  const { username, apiKey } = credentials ?? simulator.credentials.clicksend;
  return rawRequest(`${simulator.url}${path}`, {
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${username}:${apiKey}`).toString('base64')}`,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const sms = { source: 'curl', to: '+61411111111', body: 'Your code is 493817' };
const call = { ...sms, voice: 'female', lang: 'en-au' };

const { simulator } = useSimulator({ providers: [clickSendSimulator] });

function statuses(answer: Answer): string[] {
  return (JSON.parse(answer.body) as { data: { messages: { status: string }[] } }).data.messages.map(
    (message) => message.status,
  );
}

describe('clicksend simulator', () => {
  it('queues an SMS: 200 with a status and message_id per message', async () => {
    const answer = await post('/v3/sms/send', { messages: [{ ...sms, from: 'Acme', custom_string: 'r1' }] });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      http_code: 200,
      response_code: 'SUCCESS',
      data: {
        queued_count: 1,
        messages: [{ status: 'SUCCESS', message_id: simulator.messages[0]?.id, from: 'Acme' }],
      },
    });
    expect(simulator.messages).toMatchObject([
      { provider: 'clicksend', channel: 'sms', reference: 'r1', text: sms.body },
    ]);
  });

  it('answers each message of a batch on its own, the top-level code still SUCCESS', async () => {
    const answer = await post('/v3/sms/send', {
      messages: [sms, { ...sms, to: '12' }, { ...sms, body: ' ' }, { ...sms, from: 'Acme Corp' }],
    });
    expect(JSON.parse(answer.body).response_code).toBe('SUCCESS');
    expect(statuses(answer)).toEqual(['SUCCESS', 'INVALID_RECIPIENT', 'EMPTY_MESSAGE', 'INVALID_SENDER_ID']);
    expect(simulator.messages).toHaveLength(1);
  });

  it('places a call, checking the language and the voice it offers', async () => {
    const answer = await post('/v3/voice/send', {
      messages: [
        call,
        { ...call, lang: 'ja-jp' },
        { ...call, lang: 'pt-pt', voice: 'female' },
        { ...call, voice: 'robot' },
      ],
    });
    expect(statuses(answer)).toEqual(['SUCCESS', 'INVALID_LANG', 'INVALID_VOICE', 'INVALID_VOICE']);
    expect(simulator.messages).toMatchObject([
      { channel: 'voice', request: { lang: 'en-au', voice: 'female' } },
    ]);
  });

  it('answers 401 to wrong credentials and 400 to a body without messages', async () => {
    const unauthorized = await post('/v3/sms/send', { messages: [sms] }, { username: 'x', apiKey: 'y' });
    expect([unauthorized.status, JSON.parse(unauthorized.body).response_code]).toEqual([401, 'UNAUTHORIZED']);
    const bad = await post('/v3/sms/send', { to: sms.to });
    expect([bad.status, JSON.parse(bad.body).response_code]).toEqual([400, 'BAD_REQUEST']);
    const many = await post('/v3/sms/send', { messages: Array.from({ length: 1001 }, () => sms) });
    expect([many.status, JSON.parse(many.body).response_code]).toEqual([400, 'TOO_MANY_RECIPIENTS']);
    expect(simulator.messages).toHaveLength(0);
  });

  it('answers faults in ClickSend’s shape', async () => {
    simulator.fail('clicksend', 'no-credit');
    simulator.fail('clicksend', 'transient');
    simulator.fail('clicksend', { type: 'error', kind: 'rate-limit', retryAfter: 2 });
    simulator.fail('clicksend', { type: 'code', code: 'THROTTLED' });
    expect(statuses(await post('/v3/sms/send', { messages: [sms] }))).toEqual(['INSUFFICIENT_CREDIT']);
    expect(statuses(await post('/v3/sms/send', { messages: [sms] }))).toEqual(['INTERNAL_ERROR']);
    const limited = await post('/v3/sms/send', { messages: [sms] });
    expect([limited.status, limited.headers['retry-after'], JSON.parse(limited.body).response_code]).toEqual([
      429,
      '2',
      'TOO_MANY_REQUESTS',
    ]);
    expect(statuses(await post('/v3/voice/send', { messages: [call] }))).toEqual(['THROTTLED']);
    expect(simulator.messages).toHaveLength(0);
  });
});
