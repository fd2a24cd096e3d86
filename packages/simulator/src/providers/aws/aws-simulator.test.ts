import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../faults.js';
import { type Answer, rawRequest } from '../../raw-request.test-helper.js';
import { useSimulator } from '../../test-simulator.js';
import { awsPath } from './aws-credentials.js';
import { awsSimulator } from './aws-simulator.js';

// Valid requests are signed by the official clients (aws-sdk-clients.test.ts drives them fully);
// here they reach the simulator's validation, and raw requests reach its signature check.
const require = createRequire(import.meta.url);
const sns = require('@aws-sdk/client-sns') as {
  SNSClient: new (
    config: Record<string, unknown>,
  ) => { send(command: unknown): Promise<Record<string, unknown>> };
  PublishCommand: new (input: Record<string, unknown>) => unknown;
};
const v2 = require('@aws-sdk/client-pinpoint-sms-voice-v2') as {
  PinpointSMSVoiceV2Client: new (
    config: Record<string, unknown>,
  ) => {
    send(command: unknown): Promise<Record<string, unknown>>;
  };
  SendTextMessageCommand: new (input: Record<string, unknown>) => unknown;
};

const { simulator } = useSimulator({ providers: [awsSimulator] });

const config = () => ({
  region: 'eu-west-1',
  endpoint: `${simulator.url}${awsPath}`,
  credentials: {
    accessKeyId: simulator.credentials.aws.accessKeyId,
    secretAccessKey: simulator.credentials.aws.secretAccessKey,
  },
  maxAttempts: 1,
});
const publish = (input: Record<string, unknown>) =>
  new sns.SNSClient(config()).send(new sns.PublishCommand(input));
const sendText = (input: Record<string, unknown>) =>
  new v2.PinpointSMSVoiceV2Client(config()).send(new v2.SendTextMessageCommand(input));

function raw(options: { json?: boolean; authorization?: string; date?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = options.json
    ? { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'PinpointSMSVoiceV2.SendTextMessage' }
    : { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  if (options.date !== undefined) headers['x-amz-date'] = options.date;
  const body = options.json
    ? JSON.stringify({ DestinationPhoneNumber: '+447400123456', MessageBody: 'x' })
    : 'Action=Publish&Version=2010-03-31&PhoneNumber=%2B447400123456&Message=x';
  return rawRequest(`${simulator.url}${awsPath}/`, { headers, body });
}

const amzDate = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
function authorization(keyId: string, date: string, service: string): string {
  return `AWS4-HMAC-SHA256 Credential=${keyId}/${date.slice(0, 8)}/eu-west-1/${service}/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`;
}

describe('aws simulator: signatures', () => {
  it.each([
    [false, undefined, 403, 'MissingAuthenticationToken'],
    [true, undefined, 403, 'MissingAuthenticationTokenException'],
    [false, 'AWS4-HMAC-SHA256 Credential=nonsense', 400, 'IncompleteSignature'],
  ] as const)('json=%s, Authorization %s → %i %s', async (json, header, status, code) => {
    const answer = await raw({ json, ...(header === undefined ? {} : { authorization: header }) });
    expect(answer.status).toBe(status);
    expect(answer.body).toContain(code);
    if (json) expect(answer.headers['x-amzn-errortype']).toMatch(new RegExp(`^${code}:`));
    expect(simulator.messages).toHaveLength(0);
  });

  it('refuses an unknown key, a stale date and the wrong service', async () => {
    const now = amzDate(Date.now());
    const stale = amzDate(Date.now() - 16 * 60 * 1000);
    const { accessKeyId } = simulator.credentials.aws;
    const unknown = await raw({
      authorization: authorization('AKIAUNKNOWN000000000', now, 'sns'),
      date: now,
    });
    expect([unknown.status, unknown.body]).toEqual([
      403,
      expect.stringContaining('<Code>InvalidClientTokenId</Code>'),
    ]);
    const expired = await raw({ authorization: authorization(accessKeyId, stale, 'sns'), date: stale });
    expect([expired.status, expired.body]).toEqual([
      400,
      expect.stringContaining('<Code>RequestExpired</Code>'),
    ]);
    const service = await raw({
      json: true,
      authorization: authorization(accessKeyId, now, 'sns'),
      date: now,
    });
    expect(service.status).toBe(400);
    expect(JSON.parse(service.body)).toMatchObject({ __type: 'InvalidSignatureException' });
    const forged = await raw({ authorization: authorization(accessKeyId, now, 'sns'), date: now });
    expect([forged.status, forged.body]).toEqual([
      403,
      expect.stringContaining('<Code>SignatureDoesNotMatch</Code>'),
    ]);
  });
});

describe('aws simulator: SNS Publish rules', () => {
  it.each([
    [{ PhoneNumber: '07400123456', Message: 'x' }, /InvalidParameter|not valid to publish to/],
    [{ PhoneNumber: '+447400123456', Message: 'x'.repeat(1601) }, /Message too long/],
    [
      {
        PhoneNumber: '+447400123456',
        Message: 'x',
        MessageAttributes: { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'A' } },
      },
      /SenderID must be 3 to 11/,
    ],
    [
      {
        PhoneNumber: '+447400123456',
        Message: 'x',
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Urgent' } },
      },
      /Promotional or Transactional/,
    ],
  ])('refuses %j', async (input, message) => {
    await expect(publish(input)).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
      message: expect.stringMatching(message),
    });
    expect(simulator.messages).toHaveLength(0);
  });
});

describe('aws simulator: End User Messaging rules', () => {
  it.each([
    [{ DestinationPhoneNumber: 'abc', MessageBody: 'x' }, 'FIELD_VALIDATION_FAILED'],
    [{ DestinationPhoneNumber: '+447400123456', MessageBody: '' }, 'FIELD_VALIDATION_FAILED'],
    [
      { DestinationPhoneNumber: '+447400123456', MessageBody: 'x', MessageType: 'URGENT' },
      'FIELD_VALIDATION_FAILED',
    ],
    [{ MessageBody: 'x' }, 'MISSING_PARAMETER'],
  ])('refuses %j with %s', async (input, reason) => {
    await expect(sendText(input)).rejects.toMatchObject({ name: 'ValidationException', Reason: reason });
  });
});

describe('aws simulator: faults in each API’s shape', () => {
  const kinds: readonly ErrorKind[] = [
    'invalid-number',
    'auth',
    'no-credit',
    'rate-limit',
    'unavailable',
    'transient',
    'not-found',
    'method-not-allowed',
    'bad-request',
  ];
  for (const kind of kinds) {
    it(`${kind}: an error answer and no message, through both APIs`, async () => {
      simulator.fail('aws', kind, { times: 2 });
      const snsError = await publish({ PhoneNumber: '+447400123456', Message: 'x' }).then(
        () => undefined,
        (error: { $metadata: { httpStatusCode: number } }) => error,
      );
      const jsonError = await sendText({ DestinationPhoneNumber: '+447400123456', MessageBody: 'x' }).then(
        () => undefined,
        (error: { $metadata: { httpStatusCode: number } }) => error,
      );
      expect(snsError?.$metadata.httpStatusCode).toBeGreaterThanOrEqual(400);
      expect(jsonError?.$metadata.httpStatusCode).toBeGreaterThanOrEqual(400);
      expect(simulator.messages).toHaveLength(0);
    });
  }

  it('renders a code with its Reason for End User Messaging and as XML for SNS', async () => {
    simulator.fail('aws', {
      type: 'code',
      code: 'ServiceQuotaExceededException/MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
    });
    await expect(
      sendText({ DestinationPhoneNumber: '+447400123456', MessageBody: 'x' }),
    ).rejects.toMatchObject({
      name: 'ServiceQuotaExceededException',
      Reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
    });
    simulator.fail('aws', { type: 'code', code: 'Throttled' });
    await expect(publish({ PhoneNumber: '+447400123456', Message: 'x' })).rejects.toMatchObject({
      name: 'ThrottledException',
      $metadata: { httpStatusCode: 429 },
    });
  });
});

describe('aws simulator: the inbox', () => {
  it('lists AWS messages with the provider, sender and text', async () => {
    await publish({
      PhoneNumber: '+447400123456',
      Message: 'Your code is 493817',
      MessageAttributes: { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'Acme' } },
    });
    const answer = await rawRequest(`${simulator.url}/api/messages`, { method: 'GET' });
    const { messages } = JSON.parse(answer.body) as { messages: Record<string, unknown>[] };
    expect(messages).toMatchObject([
      {
        provider: 'aws',
        channel: 'sms',
        from: 'Acme',
        text: 'Your code is 493817',
        maskedTo: '+44******456',
      },
    ]);
  });
});
