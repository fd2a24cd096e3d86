import type { PhoneMessage } from '@mfa-sms/core';
import {
  expectHidden,
  rejection,
  testMessage,
  testOptions,
  useSimulator,
  withDefaults,
} from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import type { AwsOptions } from './aws-options.js';
import { createAws } from './aws-provider.js';

const { simulator, record } = useSimulator();

const aws = withDefaults(createAws, (): AwsOptions => {
  const { accessKeyId, secretAccessKey } = simulator.credentials.aws;
  return {
    accessKeyId,
    secretAccessKey,
    region: 'eu-west-1',
    from: { '*': 'Acme', US: '+14155550100' },
    voice: { from: '+14155550100' },
    baseUrl: `${simulator.url}/aws`,
  };
});

const sms: PhoneMessage = testMessage({ reference: 'txn-42' });
const voice: PhoneMessage = { ...sms, channel: 'voice', text: 'Your code is 493817.', language: 'pt-BR' };

function expectNothingLeaks(error: unknown) {
  expectHidden(error, [
    ...Object.values(simulator.credentials.aws),
    '493817',
    '447400123456',
    '4, 9, 3, 8, 1, 7',
  ]);
}

describe('createAws: SNS Publish', () => {
  it('publishes a transactional SMS with a sender ID, signed for sns in the region', async () => {
    const { dispatcher, sent } = record();
    const result = await aws({ dispatcher }).send(sms);
    const [message] = simulator.messages;
    expect(result).toEqual({ provider: 'aws', channel: 'sms', id: message?.id, to: sms.to, segments: 1 });
    expect(message).toMatchObject({ provider: 'aws', to: sms.to, from: 'Acme', text: sms.text });
    const [request] = sent;
    expect(request?.path).toBe('/aws/');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      Action: 'Publish',
      Version: '2010-03-31',
      PhoneNumber: '+447400123456',
      Message: 'Your code is 493817',
      'MessageAttributes.entry.1.Name': 'AWS.SNS.SMS.SMSType',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': 'Transactional',
      'MessageAttributes.entry.2.Name': 'AWS.SNS.SMS.SenderID',
      'MessageAttributes.entry.2.Value.DataType': 'String',
      'MessageAttributes.entry.2.Value.StringValue': 'Acme',
    });
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIA[0-9A-F]{16}\/\d{8}\/eu-west-1\/sns\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.headers['x-amz-security-token']).toBeUndefined();
  });

  it('sends from an origination number where names are refused (US) and signs the session token', async () => {
    const { dispatcher, sent } = record();
    const sessionToken = simulator.credentials.aws.sessionToken;
    await aws({ dispatcher, sessionToken }).send({ ...sms, to: '+14155550199' });
    const form = new URLSearchParams(sent[0]?.body);
    expect(form.get('MessageAttributes.entry.2.Name')).toBe('AWS.MM.SMS.OriginationNumber');
    expect(form.get('MessageAttributes.entry.2.Value.StringValue')).toBe('+14155550100');
    expect(sent[0]?.headers['x-amz-security-token']).toBe(sessionToken);
    expect(sent[0]?.headers.authorization).toContain(
      'SignedHeaders=content-type;host;x-amz-date;x-amz-security-token',
    );
    expect(simulator.messages[0]?.from).toBe('+14155550100');
  });

  it('leaves the sender to AWS without "from"', async () => {
    const { dispatcher, sent } = record();
    await aws({ dispatcher, from: undefined }).send(sms);
    expect(new URLSearchParams(sent[0]?.body).get('MessageAttributes.entry.2.Name')).toBeNull();
  });
});

describe('createAws: End User Messaging', () => {
  it('sends SendTextMessage as JSON 1.0, signed for sms-voice', async () => {
    const { dispatcher, sent } = record();
    const result = await aws({ dispatcher, api: 'end-user-messaging' }).send(sms);
    expect(result).toMatchObject({ provider: 'aws', channel: 'sms', id: simulator.messages[0]?.id });
    expect(sent[0]?.headers['x-amz-target']).toBe('PinpointSMSVoiceV2.SendTextMessage');
    expect(sent[0]?.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(sent[0]?.headers.authorization).toMatch(
      /\/eu-west-1\/sms-voice\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target,/,
    );
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      DestinationPhoneNumber: '+447400123456',
      OriginationIdentity: 'Acme',
      MessageBody: 'Your code is 493817',
      MessageType: 'TRANSACTIONAL',
      Context: { reference: 'txn-42' },
    });
    expect(simulator.messages[0]).toMatchObject({ from: 'Acme', reference: 'txn-42' });
  });

  it('calls with SendVoiceMessage, the code read digit by digit in the language’s voice', async () => {
    const { dispatcher, sent } = record();
    const result = await aws({ dispatcher }).send(voice);
    expect(result).toMatchObject({ provider: 'aws', channel: 'voice', to: voice.to });
    expect(sent[0]?.headers['x-amz-target']).toBe('PinpointSMSVoiceV2.SendVoiceMessage');
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      DestinationPhoneNumber: '+447400123456',
      OriginationIdentity: '+14155550100',
      MessageBody: 'Your code is 4, 9, 3, 8, 1, 7.',
      MessageBodyTextType: 'TEXT',
      VoiceId: 'VITORIA',
      Context: { reference: 'txn-42' },
    });
    expect(simulator.messages[0]).toMatchObject({ channel: 'voice', from: '+14155550100' });
  });

  it.each([
    ['fr', undefined, 'CELINE'],
    ['en-GB', undefined, 'AMY'],
    ['es-MX', undefined, 'MIA'],
    ['xx', undefined, undefined],
    ['fr', 'Mathieu', 'MATHIEU'],
  ])('language %s with voiceId %s speaks with %s', async (language, voiceId, expected) => {
    const { dispatcher, sent } = record();
    await aws({ dispatcher, voice: { from: '+14155550100', ...(voiceId ? { voiceId } : {}) } }).send({
      ...voice,
      language,
    });
    expect(JSON.parse(sent[0]?.body ?? '').VoiceId).toBe(expected);
  });

  it('refuses voice without voice.from before any request, naming the option', async () => {
    const provider = aws({ voice: undefined });
    const error = await rejection(provider.send(voice));
    expect(error).toMatchObject({ code: 'unsupported_channel', provider: 'aws', retryable: false });
    expect(error.message).toContain('"voice.from"');
    expect(provider.cannotSend?.(voice)?.code).toBe('unsupported_channel');
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('createAws: errors', () => {
  it.each([
    ['sns', 'OptedOut', 'rejected', /opted out.*console/],
    ['end-user-messaging', 'ConflictException/DESTINATION_PHONE_NUMBER_OPTED_OUT', 'rejected', /opted out/],
    [
      'end-user-messaging',
      'ConflictException/DESTINATION_PHONE_NUMBER_NOT_VERIFIED',
      'rejected',
      /SMS sandbox.*Verified destination numbers/,
    ],
    [
      'end-user-messaging',
      'ServiceQuotaExceededException/MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
      'insufficient_funds',
      /monthly SMS spend limit.*Spend limits/,
    ],
    ['sns', 'AuthorizationError', 'auth_failed', /sns:Publish/],
    ['end-user-messaging', 'AccessDeniedException', 'auth_failed', /sms-voice:SendTextMessage/],
    ['sns', 'Throttled', 'rate_limited', /throttled|too many/i],
    ['sns', 'Throttling', 'rate_limited', /throttled/],
    ['end-user-messaging', 'ThrottlingException', 'rate_limited', /throttled/],
    ['sns', 'InternalError', 'provider_unavailable', /unavailable|internal/],
    [
      'end-user-messaging',
      'ValidationException/DESTINATION_COUNTRY_BLOCKED',
      'blocked_destination',
      /country/,
    ],
  ] as const)('%s %s → %s, with what to do', async (api, code, expected, explanation) => {
    simulator.fail('aws', { type: 'code', code });
    const error = await rejection(aws({ api }).send(sms));
    expect(error).toMatchObject({ code: expected, provider: 'aws', providerCode: code });
    expect(error.retryable).toBe(expected === 'rate_limited' || expected === 'provider_unavailable');
    expect(error.message).toMatch(explanation);
    expectNothingLeaks(error);
  });

  it('reads an SNS sandbox refusal from its wording', async () => {
    simulator.fail('aws', {
      type: 'status',
      status: 403,
      headers: { 'content-type': 'text/xml' },
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>AuthorizationError</Code><Message>The account is in the SMS sandbox and +447400123456 is not verified</Message></Error></ErrorResponse>',
    });
    const error = await rejection(aws().send(sms));
    expect(error).toMatchObject({ code: 'rejected', providerCode: 'AuthorizationError', retryable: false });
    expect(error.message).toContain('Sandbox destination phone numbers');
    expectNothingLeaks(error);
  });

  it('maps an invalid number AWS echoes to invalid_recipient without repeating it (both APIs)', async () => {
    for (const api of ['sns', 'end-user-messaging'] as const) {
      simulator.fail('aws', 'invalid-number');
      const error = await rejection(aws({ api }).send(sms));
      expect(error).toMatchObject({ code: 'invalid_recipient', retryable: false });
      expectNothingLeaks(error);
    }
  });

  it('takes an ErrorResponse in a 200 for the refusal it is', async () => {
    simulator.fail('aws', {
      type: 'status',
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: '<ErrorResponse><Error><Code>OptedOut</Code><Message>Phone number is opted out</Message></Error></ErrorResponse>',
    });
    const error = await rejection(aws().send(sms));
    expect(error).toMatchObject({ code: 'rejected', providerCode: 'OptedOut', status: 200 });
  });

  it.each([
    ['sns', '<PublishResponse><PublishResult/></PublishResponse>'],
    ['end-user-messaging', '{"MessageId":""}'],
  ] as const)('%s: a success without a message id is bad_response naming AWS', async (api, body) => {
    simulator.fail('aws', { type: 'status', status: 200, body });
    const error = await rejection(aws({ api }).send(sms));
    expect(error).toMatchObject({ code: 'bad_response', provider: 'aws' });
    expect(error.message).toMatch(/^AWS sent an unexpected answer/);
  });

  it.each(['sns', 'end-user-messaging'] as const)(
    '%s: a wrong secret is auth_failed, the secret nowhere',
    async (api) => {
      const wrong = 'not-the-simulator-secret-0000000000000';
      const { dispatcher, sent } = record();
      const error = await rejection(aws({ api, secretAccessKey: wrong, dispatcher }).send(sms));
      const signature = /Signature=([0-9a-f]{64})/.exec(sent[0]?.headers.authorization ?? '')?.[1];
      expect(signature).toBeDefined();
      expectHidden(error, [signature ?? '']);
      expect(error).toMatchObject({ code: 'auth_failed', retryable: false });
      expect(error.providerCode).toMatch(/SignatureDoesNotMatch|InvalidSignatureException/);
      expectHidden(error, [wrong]);
      expectNothingLeaks(error);
    },
  );

  it('a session token AWS does not know is auth_failed', async () => {
    const error = await rejection(aws({ sessionToken: 'expired-session-token-000000000' }).send(sms));
    expect(error).toMatchObject({ code: 'auth_failed', providerCode: 'InvalidClientTokenId' });
    expectHidden(error, ['expired-session-token-000000000']);
  });

  it('refuses a text over the API’s limit before any request', async () => {
    const error = await rejection(aws().send({ ...sms, text: 'x'.repeat(1601) }));
    expect(error).toMatchObject({ code: 'rejected', provider: 'aws' });
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('createAws: options', () => {
  testOptions(createAws, {
    provider: 'aws',
    valid: (): AwsOptions => {
      const { accessKeyId, secretAccessKey } = simulator.credentials.aws;
      return {
        accessKeyId,
        secretAccessKey,
        region: 'eu-west-1',
        from: 'Acme',
        voice: { from: '+14155550100' },
      };
    },
    bad: [
      { options: { region: 'Ireland' }, option: 'region' },
      { options: { accessKeyId: 'short' }, option: 'accessKeyId' },
      { options: { secretAccessKey: 'has white space in it' }, option: 'secretAccessKey' },
      { options: { api: 'pinpoint' }, option: 'api' },
      { options: { voice: { from: 'Acme' } }, option: 'voice.from' },
    ],
    unknown: { endpoint: 'https://sns.eu-west-1.amazonaws.com' },
    secrets: () => [simulator.credentials.aws.secretAccessKey],
    minValueLength: 4,
    title: (what) => `names the bad option ${what}, never its value`,
  });

  it('names a missing secret', () => {
    const withoutSecret = { accessKeyId: 'AKIASIMULATOR0000000', region: 'eu-west-1' } as AwsOptions;
    expect(() => createAws(withoutSecret)).toThrow(/option "secretAccessKey" is invalid/);
  });
});
