import type { MfaSmsError } from '@mfa-sms/core';
import type { AnswerClassification, HttpClient, HttpResponse } from '@mfa-sms/core/provider';
import { classifyAnswer } from '@mfa-sms/core/provider';
import { classifyTwilioError, type TwilioErrorRule, twilioError } from './twilio-errors.js';

/**
 * Verify's own error codes (https://www.twilio.com/docs/api/errors/CODE), classified like every
 * provider's by core's `classifyAnswer`: HTTP 408, 425, 429 and 5xx decide (60203, Verify's
 * per-number limit, comes with 429 and fails over like any rate limit: core's own per-recipient
 * velocity limit is what caps the codes a number gets). Codes not listed go through the Messages
 * table (`twilioErrorTable`), which knows authentication, funds and rate limits.
 */
export const twilioVerifyErrorTable: readonly TwilioErrorRule[] = [
  {
    twilioCodes: [60410],
    code: 'blocked_destination',
    meaning: "Fraud Guard blocked this number's prefix for 12 hours (suspected SMS pumping)",
  },
  {
    twilioCodes: [60605],
    code: 'blocked_destination',
    meaning: "the destination is blocked by the Verify service's geo permissions",
  },
  {
    twilioCodes: [60238],
    code: 'blocked_destination',
    meaning: 'Twilio blocked the verification',
  },
  {
    twilioCodes: [60203],
    code: 'rate_limited',
    meaning: 'Verify has sent this number its maximum of codes (5 in 10 minutes)',
  },
  {
    twilioCodes: [60212],
    code: 'rate_limited',
    meaning: 'too many concurrent requests for this number',
  },
  {
    twilioCodes: [60205],
    code: 'invalid_recipient',
    meaning: 'SMS is not supported by a landline number',
  },
  {
    twilioCodes: [60033],
    code: 'invalid_recipient',
    meaning: 'the phone number is invalid',
  },
  {
    twilioCodes: [60200],
    code: 'rejected',
    meaning: 'Verify refused a parameter',
  },
  {
    twilioCodes: [60204],
    code: 'invalid_config',
    meaning: 'the Verify service lacks a feature: enable custom codes on it',
  },
  {
    twilioCodes: [60223],
    code: 'unsupported_channel',
    meaning: 'this delivery channel is disabled on the Verify service',
  },
];

const ruleByCode = new Map<number, TwilioErrorRule>(
  twilioVerifyErrorTable.flatMap((rule) => rule.twilioCodes.map((code) => [code, rule] as const)),
);

/** The mfa-sms code and retryability for a Verify error code on an HTTP status. */
export function classifyTwilioVerifyError(
  status: number,
  twilioCode: number | undefined,
  message?: string,
): AnswerClassification {
  if (twilioCode === undefined || !ruleByCode.has(twilioCode)) return classifyTwilioError(status, twilioCode);
  // 60200 names the parameter it refused: "Invalid parameter: To" is the recipient's fault.
  const refusedTo =
    twilioCode === 60200 && message !== undefined && /\bparameter:?\s*`?To`?\b/i.test(message);
  return classifyAnswer(status, twilioCode, (code) =>
    refusedTo
      ? { code: 'invalid_recipient', meaning: 'the recipient is not a valid number' }
      : ruleByCode.get(code),
  );
}

/** The error for a failed Verify answer, built as `twilioError` builds it for Messages and Calls. */
export function twilioVerifyError(
  http: HttpClient,
  response: HttpResponse,
  message: { to: string; sensitive: readonly (string | undefined)[] },
): MfaSmsError {
  return twilioError(http, response, message, { classify: classifyTwilioVerifyError, prefix: 'Verify: ' });
}
