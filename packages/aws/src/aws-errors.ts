import type { MfaSmsError, MfaSmsErrorCode } from '@mfa-sms/core';
import {
  classifyAnswer,
  type HttpClient,
  type HttpResponse,
  parseRetryAfter,
  summarizeBody,
} from '@mfa-sms/core/provider';
import { jsonErrorSchema, jsonErrorType } from './aws-sms-voice-wire.js';
import { snsErrorBody } from './aws-sns-wire.js';

/** What one AWS error code (or End User Messaging `Reason`) means for a sender of one-time codes. */
export interface AwsErrorRule {
  code: MfaSmsErrorCode;
  /** For people, with what to do in the AWS console where the tenant can act. */
  meaning: string;
}

const iamHint =
  'the IAM identity may not send: allow sns:Publish (SNS) or sms-voice:SendTextMessage and sms-voice:SendVoiceMessage (End User Messaging)';
const sandbox: AwsErrorRule = {
  code: 'rejected',
  meaning:
    'the account is in the SMS sandbox and this number is not verified: add it under "Sandbox destination phone numbers" (SNS console › Text messaging) or "Verified destination numbers" (End User Messaging SMS console), or request production access there',
};
const optedOut: AwsErrorRule = {
  code: 'rejected',
  meaning:
    'the recipient opted out (replied STOP): only they can opt in again; the opt-out list is in the AWS console (SNS › Text messaging › Opted out phone numbers, or End User Messaging SMS › Opt-out lists)',
};
const spendLimit = (what: string): AwsErrorRule => ({
  code: 'insufficient_funds',
  meaning: `the account's monthly ${what} spend limit is reached: raise it in the AWS console (End User Messaging SMS › Account settings › Spend limits; SNS › Text messaging preferences), above the default quota through AWS Support`,
});
const auth = (meaning: string): AwsErrorRule => ({ code: 'auth_failed', meaning });
const rateLimited: AwsErrorRule = { code: 'rate_limited', meaning: 'AWS throttled the request' };
const unavailable: AwsErrorRule = { code: 'provider_unavailable', meaning: 'AWS had an internal error' };
const refusedParameter: AwsErrorRule = {
  code: 'rejected',
  meaning: 'AWS refused a parameter of the request',
};

/**
 * AWS error codes → mfa-sms errors, applied by core's `classifyAnswer` (HTTP 408, 425, 429 and
 * 5xx decide over them). SNS's Query `Code`s: https://docs.aws.amazon.com/sns/latest/api/API_Publish.html#API_Publish_Errors
 * and https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html; End User Messaging's JSON
 * types: https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_SendTextMessage.html#API_SendTextMessage_Errors
 * and https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/CommonErrors.html.
 */
export const awsErrorTable: Readonly<Record<string, AwsErrorRule>> = {
  InvalidClientTokenId: auth('AWS does not know the access key id: check accessKeyId'),
  UnrecognizedClientException: auth('AWS does not know the access key id or session token: check them'),
  SignatureDoesNotMatch: auth('the signature does not match: check secretAccessKey'),
  InvalidSignatureException: auth('the signature does not match: check secretAccessKey'),
  IncompleteSignature: auth('AWS found the signature incomplete'),
  IncompleteSignatureException: auth('AWS found the signature incomplete'),
  MissingAuthenticationToken: auth('the request was not signed'),
  MissingAuthenticationTokenException: auth('the request was not signed'),
  ExpiredToken: auth('the session token has expired: renew the temporary credentials'),
  ExpiredTokenException: auth('the session token has expired: renew the temporary credentials'),
  RequestExpired: auth("the request's time is more than 15 minutes off AWS's: check the server clock"),
  InvalidSecurity: auth('AWS refused the request as insecure'),
  OptInRequired: auth('the account is not subscribed to this AWS service'),
  AuthorizationError: auth(iamHint),
  AccessDeniedException: auth(iamHint),
  AccessDenied: auth(iamHint),
  Throttling: rateLimited,
  Throttled: rateLimited,
  ThrottlingException: rateLimited,
  TooManyRequestsException: rateLimited,
  InternalError: unavailable,
  InternalFailure: unavailable,
  InternalServerException: unavailable,
  ServiceUnavailable: unavailable,
  ServiceUnavailableException: unavailable,
  OptedOut: optedOut,
  EndpointDisabled: { code: 'rejected', meaning: 'the endpoint is disabled' },
  InvalidParameter: refusedParameter,
  InvalidParameterValue: refusedParameter,
  ParameterValueInvalid: refusedParameter,
  ValidationException: refusedParameter,
  ResourceNotFoundException: {
    code: 'invalid_config',
    meaning:
      'the origination identity is not in this account and region: check "from", "voice.from" and "region"',
  },
};

/** End User Messaging's `Reason` values that say more than their exception type. */
export const awsReasonTable: Readonly<Record<string, AwsErrorRule>> = {
  DESTINATION_PHONE_NUMBER_NOT_VERIFIED: sandbox,
  DESTINATION_PHONE_NUMBER_OPTED_OUT: optedOut,
  MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT: spendLimit('SMS'),
  MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE: spendLimit('voice'),
  DESTINATION_COUNTRY_BLOCKED: { code: 'blocked_destination', meaning: 'AWS does not send to this country' },
  DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION: {
    code: 'blocked_destination',
    meaning:
      "the account's protect configuration blocks this country (End User Messaging SMS › Protect configurations)",
  },
  DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE: {
    code: 'blocked_destination',
    meaning: "the account's protect configuration blocks this number",
  },
  INVALID_IDENTITY_FOR_DESTINATION_COUNTRY: {
    code: 'invalid_config',
    meaning: 'the origination identity cannot send to this country: give "from" a sender for it',
  },
  NO_ORIGINATION_IDENTITIES_FOUND: {
    code: 'invalid_config',
    meaning:
      'the account has no origination identity for this destination: set "from", or get a number or sender ID for the country in the End User Messaging SMS console',
  },
  ACCOUNT_DISABLED: auth('the AWS account is disabled for End User Messaging: contact AWS Support'),
  INSUFFICIENT_ACCOUNT_REPUTATION: {
    code: 'rejected',
    meaning:
      "AWS restricted sending for the account's reputation: see the End User Messaging SMS console or AWS Support",
  },
};

// SNS documents no code of its own for these refusals (it answers them in its message); the
// wording is matched, never the code alone.
function ruleFromText(code: string, text: string | undefined): AwsErrorRule | undefined {
  if (text === undefined) return undefined;
  if (/sandbox|not verified|unverified/i.test(text)) return sandbox;
  if (/opted[ -]?out/i.test(text)) return optedOut;
  if (/spend(ing)? limit/i.test(text)) return spendLimit('SMS');
  const parameterError = refusedParameter === awsErrorTable[code];
  // SNS's sender ID rule (3 to 11 letters and digits) is narrower than the one `from` is checked by.
  if (parameterError && /SenderID|OriginationNumber|OriginationIdentity/i.test(text)) {
    return {
      code: 'invalid_config',
      meaning: 'AWS refused the sender: check "from" (SNS takes a sender ID of 3 to 11 letters and digits)',
    };
  }
  if (parameterError && /phone ?number/i.test(text)) {
    return { code: 'invalid_recipient', meaning: 'the destination is not a valid phone number for AWS' };
  }
  return undefined;
}

/** What AWS said, whichever API answered: its code, its reason and its message. */
function readAnswer(response: HttpResponse, http: HttpClient) {
  const sns = snsErrorBody(response.body);
  if (sns !== undefined) return { type: sns.code, reason: undefined, text: sns.message };
  const json = http.tryParseJson(response, jsonErrorSchema());
  const type = jsonErrorType(response.headers['x-amzn-errortype'], json?.__type);
  return { type, reason: json?.Reason, text: json?.Message ?? json?.message };
}

/** The rule for one AWS answer: its `Reason`, then the wording of its message, then its code. */
export function awsErrorRule(
  type: string | undefined,
  reason?: string,
  text?: string,
): AwsErrorRule | undefined {
  const byReason = reason === undefined ? undefined : awsReasonTable[reason];
  if (byReason !== undefined) return byReason;
  if (type === undefined) return undefined;
  return ruleFromText(type, text) ?? awsErrorTable[type];
}

/**
 * The error for a failed AWS answer (SNS's XML `ErrorResponse` or End User Messaging's JSON with
 * `x-amzn-errortype`): the rule decides the code and explains, AWS's own message follows,
 * redacted and shortened; without a known code the HTTP status decides.
 */
export function awsError(
  http: HttpClient,
  response: HttpResponse,
  sensitive: readonly (string | undefined)[],
): MfaSmsError {
  const said = readAnswer(response, http);
  const rule = awsErrorRule(said.type, said.reason, said.text);
  const classified = classifyAnswer(response.status, rule, (found) => found);
  const providerCode =
    said.type === undefined ? undefined : said.reason ? `${said.type}/${said.reason}` : said.type;
  if (said.type === undefined) {
    return http.errors.fromResponse(response, { code: classified.code, sensitive });
  }
  const explained = classified.meaning ?? 'AWS refused the request';
  // Not through `fromResponse`: it shortens the whole detail, and the console hints are the point.
  const awsSays = said.text ? summarizeBody(http.errors.redact(said.text, sensitive), 160) : '';
  return http.errors.create({
    code: classified.code,
    retryable: classified.retryable,
    status: response.status,
    providerCode,
    retryAfterMs:
      classified.code === 'rate_limited' ? parseRetryAfter(response.headers['retry-after']) : undefined,
    message: `${http.errors.label} answered HTTP ${response.status} (${providerCode}): ${explained}${awsSays ? `; AWS says: ${awsSays}` : ''}`,
    sensitive,
  });
}
