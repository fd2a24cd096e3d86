import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-simulator.js';
import { awsPath } from './aws-credentials.js';

// The official AWS clients, nobody's here, pointed at the simulator with their `endpoint` option:
// the simulator must accept their signatures and requests, and answer in shapes they parse.
const require = createRequire(import.meta.url);

const { simulator } = useSimulator();
let endpoint: string;
beforeAll(() => {
  endpoint = `${simulator.url}${awsPath}`;
});

const region = 'eu-west-1';
const credentials = () => {
  const { accessKeyId, secretAccessKey } = simulator.credentials.aws;
  return { accessKeyId, secretAccessKey };
};

interface AwsClient {
  send(command: unknown): Promise<Record<string, unknown>>;
  destroy(): void;
}
type ClientClass = new (config: Record<string, unknown>) => AwsClient;
type CommandClass = new (input: Record<string, unknown>) => unknown;

describe('@aws-sdk/client-sns (v3)', () => {
  const sns = require('@aws-sdk/client-sns') as { SNSClient: ClientClass; PublishCommand: CommandClass };
  const client = (overrides: Record<string, unknown> = {}) =>
    new sns.SNSClient({ region, endpoint, credentials: credentials(), maxAttempts: 1, ...overrides });

  it('publishes an SMS with its attributes; the simulator records it', async () => {
    const answer = await client().send(
      new sns.PublishCommand({
        PhoneNumber: '+447400123456',
        Message: 'Your code is 493817',
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'Acme' },
        },
      }),
    );
    expect(answer.MessageId).toBe(simulator.messages[0]?.id);
    expect(simulator.messages).toMatchObject([
      { provider: 'aws', channel: 'sms', to: '+447400123456', from: 'Acme', text: 'Your code is 493817' },
    ]);
  });

  it('signs with a session token the simulator accepts', async () => {
    const withToken = { ...credentials(), sessionToken: simulator.credentials.aws.sessionToken };
    const answer = await client({ credentials: withToken }).send(
      new sns.PublishCommand({ PhoneNumber: '+447400123456', Message: 'Your code is 493817' }),
    );
    expect(answer.MessageId).toEqual(expect.any(String));
  });

  it('parses the simulator’s errors as AWS’s: OptedOut, a wrong secret', async () => {
    simulator.fail('aws', { type: 'code', code: 'OptedOut' });
    await expect(
      client().send(new sns.PublishCommand({ PhoneNumber: '+447400123456', Message: 'x' })),
    ).rejects.toMatchObject({ name: 'OptedOutException', $metadata: { httpStatusCode: 400 } });
    const wrong = { ...credentials(), secretAccessKey: 'not-the-secret-0000000000000000' };
    await expect(
      client({ credentials: wrong }).send(
        new sns.PublishCommand({ PhoneNumber: '+447400123456', Message: 'x' }),
      ),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    expect(simulator.messages).toHaveLength(0);
  });
});

describe('@aws-sdk/client-pinpoint-sms-voice-v2', () => {
  const v2 = require('@aws-sdk/client-pinpoint-sms-voice-v2') as {
    PinpointSMSVoiceV2Client: ClientClass;
    SendTextMessageCommand: CommandClass;
    SendVoiceMessageCommand: CommandClass;
  };
  const client = () =>
    new v2.PinpointSMSVoiceV2Client({ region, endpoint, credentials: credentials(), maxAttempts: 1 });

  it('sends a text message', async () => {
    const answer = await client().send(
      new v2.SendTextMessageCommand({
        DestinationPhoneNumber: '+447400123456',
        OriginationIdentity: 'Acme',
        MessageBody: 'Your code is 493817',
        MessageType: 'TRANSACTIONAL',
      }),
    );
    expect(answer.MessageId).toBe(simulator.messages[0]?.id);
    expect(simulator.messages[0]).toMatchObject({ channel: 'sms', from: 'Acme', to: '+447400123456' });
  });

  it('sends a voice message', async () => {
    const answer = await client().send(
      new v2.SendVoiceMessageCommand({
        DestinationPhoneNumber: '+447400123456',
        OriginationIdentity: '+14155550100',
        MessageBody: 'Your code is 4, 9, 3, 8, 1, 7.',
        MessageBodyTextType: 'TEXT',
        VoiceId: 'JOANNA',
      }),
    );
    expect(answer.MessageId).toBe(simulator.messages[0]?.id);
    expect(simulator.messages[0]).toMatchObject({ channel: 'voice', text: 'Your code is 4, 9, 3, 8, 1, 7.' });
  });

  it('parses the simulator’s exceptions with their Reason', async () => {
    simulator.fail('aws', { type: 'code', code: 'ConflictException/DESTINATION_PHONE_NUMBER_OPTED_OUT' });
    await expect(
      client().send(
        new v2.SendTextMessageCommand({ DestinationPhoneNumber: '+447400123456', MessageBody: 'x' }),
      ),
    ).rejects.toMatchObject({ name: 'ConflictException', Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT' });
    await expect(
      client().send(
        new v2.SendVoiceMessageCommand({ DestinationPhoneNumber: '+447400123456', MessageBody: 'x' }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException', Reason: 'MISSING_PARAMETER' });
  });
});

describe('aws-sdk v2, as in the classic Auth0 SNS guide', () => {
  interface SnsV2 {
    publish(params: { Message: string; PhoneNumber: string }): { promise(): Promise<{ MessageId: string }> };
  }
  const AWS = require('aws-sdk') as {
    SNS: new (options: Record<string, unknown>) => SnsV2;
  };

  it('SNS.publish({ Message, PhoneNumber }) with the guide’s three secrets', async () => {
    const { accessKeyId, secretAccessKey } = credentials();
    const sns = new AWS.SNS({
      apiVersion: '2010-03-31',
      region,
      accessKeyId,
      secretAccessKey,
      endpoint,
      maxRetries: 0,
    });
    const answer = await sns
      .publish({ Message: 'Your code is 493817', PhoneNumber: '+447400123456' })
      .promise();
    expect(answer.MessageId).toBe(simulator.messages[0]?.id);
    expect(simulator.messages[0]).toMatchObject({
      provider: 'aws',
      to: '+447400123456',
      text: 'Your code is 493817',
    });
  });
});
