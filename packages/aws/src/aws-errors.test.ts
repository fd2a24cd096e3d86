import { describe, expect, it } from 'vitest';
import { awsErrorRule, awsErrorTable, awsReasonTable } from './aws-errors.js';
import { jsonErrorType } from './aws-sms-voice-wire.js';

describe('awsErrorRule', () => {
  it('prefers End User Messaging’s Reason to its exception type', () => {
    expect(awsErrorRule('ConflictException', 'DESTINATION_PHONE_NUMBER_OPTED_OUT')?.meaning).toMatch(
      /opted out/,
    );
    expect(
      awsErrorRule('ServiceQuotaExceededException', 'MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE'),
    ).toMatchObject({
      code: 'insufficient_funds',
      meaning: expect.stringMatching(/monthly voice spend limit/),
    });
  });

  it('reads a phone number complaint of a parameter error as an invalid recipient', () => {
    expect(
      awsErrorRule('InvalidParameter', undefined, 'Invalid parameter: PhoneNumber Reason: +1555 is not valid')
        ?.code,
    ).toBe('invalid_recipient');
    expect(awsErrorRule('InvalidParameter', undefined, 'Invalid parameter: Message too long')?.code).toBe(
      'rejected',
    );
  });

  it('reads a refused sender as a configuration error naming "from"', () => {
    const rule = awsErrorRule(
      'ParameterValueInvalid',
      undefined,
      'AWS.SNS.SMS.SenderID must be 3 to 11 letters and digits',
    );
    expect(rule).toMatchObject({ code: 'invalid_config', meaning: expect.stringContaining('"from"') });
  });

  it('knows the credential and signature errors of both protocols as auth_failed', () => {
    for (const type of [
      'InvalidClientTokenId',
      'UnrecognizedClientException',
      'SignatureDoesNotMatch',
      'InvalidSignatureException',
      'ExpiredToken',
      'ExpiredTokenException',
      'RequestExpired',
    ]) {
      expect(awsErrorTable[type]?.code, type).toBe('auth_failed');
    }
  });

  it('leaves an unknown code to the HTTP status', () => {
    expect(awsErrorRule('SomethingNew')).toBeUndefined();
    expect(awsErrorRule(undefined)).toBeUndefined();
  });

  it('never calls a reason retryable that the tenant must fix', () => {
    for (const rule of Object.values(awsReasonTable)) {
      expect(['rate_limited', 'provider_unavailable', 'timeout', 'network']).not.toContain(rule.code);
    }
  });
});

describe('jsonErrorType', () => {
  it('takes the header first, then the body’s type after its namespace', () => {
    expect(jsonErrorType('ThrottlingException:http://internal.amazon.com/coral/x/', 'Other')).toBe(
      'ThrottlingException',
    );
    expect(jsonErrorType(undefined, 'com.amazonaws.pinpointsmsvoicev2#ConflictException')).toBe(
      'ConflictException',
    );
    expect(jsonErrorType(undefined, 'UnrecognizedClientException')).toBe('UnrecognizedClientException');
    expect(jsonErrorType(undefined, undefined)).toBeUndefined();
  });
});
