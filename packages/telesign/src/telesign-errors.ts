import type { MfaSmsError, MfaSmsErrorCode } from '@mfa-sms/core';
import { classifyAnswer, type HttpClient, type HttpResponse } from '@mfa-sms/core/provider';
import { type TelesignAnswer, telesignAnswerSchema } from './telesign-wire.js';

// Telesign asks clients to act on the status code in the body, not on the HTTP status:
// https://developer.telesign.com/enterprise/docs/understand-telesign-status-and-error-codes
const allCodes = 'https://developer.telesign.com/enterprise/docs/all-status-and-error-codes';
const standardCodes =
  'https://standard.telesign.com/api-reference/codes-languages-and-time-zones/all-status-and-error-codes';
const smsReference = 'https://developer.telesign.com/enterprise/reference/sms';
const verifyReference = 'https://developer.telesign.com/enterprise/reference/sendsmsverifycode';

/** What one Telesign status or error code means for a sender. */
export interface TelesignErrorRule {
  code: MfaSmsErrorCode;
  meaning: string;
  /** The Telesign page that documents the code. */
  source: string;
}

/**
 * Codes of a transaction Telesign took on (SMS 290 "Message in progress", voice 103 "Call in
 * progress", and the later states a send answer could already carry). Source: `allCodes`.
 */
export const telesignAcceptedCodes: ReadonlySet<number> = new Set([
  100, 103, 105, 200, 201, 203, 290, 292, 295,
]);

type Row = [MfaSmsErrorCode, string, string];

const rows: Readonly<Record<number, Row>> = {
  // Voice transaction states.
  101: ['rejected', 'no one answered the call', allCodes],
  104: ['invalid_recipient', 'the number is not formatted so that a call can be placed', standardCodes],
  106: ['provider_unavailable', 'the call did not go through upstream', allCodes],
  107: ['rejected', 'the line was busy', allCodes],
  108: ['rejected', 'Telesign cancelled the call', allCodes],
  129: ['blocked_destination', 'the number is on your account’s blocklist', allCodes],
  130: ['blocked_destination', 'the number is on Telesign’s global blocklist', allCodes],
  // SMS transaction states.
  207: ['rejected', 'the SMS could not be delivered (reason unknown)', allCodes],
  210: ['rejected', 'temporary phone error (switched off, memory full)', allCodes],
  211: ['invalid_recipient', 'permanent phone error (cannot take SMS, or wrongly provisioned)', allCodes],
  220: ['rejected', 'the network cannot route the message', allCodes],
  221: ['rejected', 'the message expired before delivery', allCodes],
  222: ['invalid_recipient', 'SMS is not supported by this phone, carrier or plan', allCodes],
  229: ['blocked_destination', 'blocked at your request', allCodes],
  230: ['blocked_destination', 'the number is on Telesign’s global blocklist', allCodes],
  231: ['rejected', 'invalid or unsupported message content', allCodes],
  233: ['blocked_destination', 'blocked: the number’s risk score is too high', allCodes],
  237: ['blocked_destination', 'messages to this country are blocked at your request', allCodes],
  238: ['blocked_destination', 'the number’s prefix is blocked at your request', allCodes],
  250: ['provider_unavailable', 'final status unknown', allCodes],
  251: ['rejected', 'sent, but delivery to the handset was never confirmed', allCodes],
  // Codes several products share.
  500: ['rejected', 'transaction not attempted', allCodes],
  501: ['auth_failed', 'not authorised for this resource', allCodes],
  502: ['invalid_config', 'campaign error (short code)', allCodes],
  503: ['provider_unavailable', 'the carrier rejected the message for now', allCodes],
  504: ['rejected', 'the carrier rejected the message', allCodes],
  505: ['provider_unavailable', 'temporary error at Telesign’s partner', allCodes],
  506: ['rejected', 'permanent error at Telesign’s partner', allCodes],
  507: ['invalid_recipient', 'invalid destination address', allCodes],
  508: ['invalid_config', 'invalid source address', allCodes],
  509: ['rejected', 'a parameter is not supported', allCodes],
  510: ['blocked_destination', 'the subscriber blocks these messages', allCodes],
  511: ['rejected', 'the subscriber is low on credit', allCodes],
  512: ['rejected', 'the subscriber is roaming and cannot receive SMS', allCodes],
  513: ['rejected', 'mobile number portability error', allCodes],
  514: ['rejected', 'the subscriber is absent', allCodes],
  515: ['rejected', 'suspected spam', allCodes],
  516: ['rejected', 'the device does not support this channel', allCodes],
  517: ['invalid_config', 'India DLT template or entity not supported', allCodes],
  518: ['blocked_destination', 'blocked: high-risk SIM swap', allCodes],
  519: ['rejected', 'the requested SIM swap check could not be performed', allCodes],
  520: ['rejected', 'the carrier does not allow this content', allCodes],
  521: ['invalid_config', 'the sender ID is not allowed for this destination', allCodes],
  599: ['provider_unavailable', 'status not available', allCodes],
  // Newer messaging APIs.
  3204: ['rate_limited', 'too many requests per second', allCodes],
  3205: ['rate_limited', 'too many SMS per second', allCodes],
  3500: ['provider_unavailable', 'the system is unavailable', allCodes],
  // SMS and voice error codes.
  10000: ['provider_unavailable', 'the system is unavailable, try again later', allCodes],
  10002: ['auth_failed', 'the x-ts-nonce was used recently', allCodes],
  10003: ['auth_failed', 'the x-ts-nonce is too long or too short', allCodes],
  10004: ['auth_failed', 'the Date header is out of range (clock skew)', allCodes],
  10005: ['auth_failed', 'the Date header is not RFC 822', allCodes],
  10006: ['auth_failed', 'invalid x-ts-auth-method', allCodes],
  10007: ['auth_failed', 'the Date header is missing', allCodes],
  10008: ['auth_failed', 'invalid signature', allCodes],
  10009: ['auth_failed', 'the Authorization header is missing', allCodes],
  10010: ['auth_failed', 'the account is suspended', allCodes],
  10011: ['invalid_config', 'the product is not enabled for this Customer ID', allCodes],
  10014: ['auth_failed', 'the source IP address is not allowed', allCodes],
  10015: ['auth_failed', 'invalid Customer ID', allCodes],
  10019: ['rate_limited', 'rate limit exceeded', allCodes],
  10020: ['insufficient_funds', 'the account’s transaction hard cap is reached', allCodes],
  10022: ['auth_failed', 'invalid API key', allCodes],
  10028: ['auth_failed', 'the Authorization header is malformed', allCodes],
  10030: ['insufficient_funds', 'not enough funds in the prepaid wallet', allCodes],
  10031: ['auth_failed', 'host not allowed', allCodes],
  10032: ['blocked_destination', 'the number is on Telesign’s global blocklist', allCodes],
  10033: ['rejected', 'a trial account can only send to verified numbers', allCodes],
  10035: ['invalid_config', 'this API host is not allowed for the Customer ID: check baseUrl', allCodes],
  10036: ['rejected', 'reference ID expired', allCodes],
  11000: ['invalid_recipient', 'invalid phone_number', smsReference],
  11001: ['invalid_recipient', 'invalid country code in phone_number', smsReference],
  11003: ['rejected', 'invalid account_lifecycle_event', smsReference],
  11004: ['rejected', 'invalid callback_url', smsReference],
  11009: ['rejected', 'invalid message', smsReference],
  11010: ['rejected', 'invalid originating_ip', smsReference],
  11011: ['rejected', 'invalid reference_id', allCodes],
  11013: ['invalid_config', 'invalid sender_id', smsReference],
  11016: ['rejected', 'invalid external_id', smsReference],
  11017: ['rejected', 'invalid message_type', smsReference],
  11027: ['rejected', 'invalid integration_name', smsReference],
  11034: ['invalid_config', 'invalid dlt_template_id', smsReference],
  11035: ['invalid_config', 'invalid dlt_entity_id', smsReference],
  12000: ['rejected', 'phone_number is missing', smsReference],
  12009: ['rejected', 'message is missing', smsReference],
  12017: ['rejected', 'message_type is missing', smsReference],
  // Verify-style error codes (negative), which come under status 500 or 501.
  [-10001]: ['rejected', 'invalid request', verifyReference],
  [-10009]: ['auth_failed', 'the source IP address is not allowed', verifyReference],
  [-10030]: ['insufficient_funds', 'not enough funds in the prepaid wallet', allCodes],
  [-10033]: ['rejected', 'a trial account can only send to verified numbers', verifyReference],
  [-20002]: ['invalid_config', 'the product is not enabled for this Customer ID', verifyReference],
  [-30000]: ['auth_failed', 'invalid Customer ID', verifyReference],
  [-30001]: ['auth_failed', 'the account is suspended', verifyReference],
  [-30002]: ['auth_failed', 'the account is not activated', allCodes],
  [-30003]: ['insufficient_funds', 'the account limit is reached', allCodes],
  [-30004]: ['auth_failed', 'the Authorization header is missing', verifyReference],
  [-30005]: ['auth_failed', 'the Authorization header is malformed', verifyReference],
  [-30006]: ['auth_failed', 'invalid signature', verifyReference],
  [-30007]: ['auth_failed', 'the Date header is missing', verifyReference],
  [-30008]: ['auth_failed', 'invalid x-ts-auth-method', verifyReference],
  [-30009]: ['auth_failed', 'the Date header is not RFC 822', verifyReference],
  [-30010]: ['auth_failed', 'the Date header is out of range (clock skew)', verifyReference],
  [-30011]: ['auth_failed', 'the x-ts-nonce is too long or too short', verifyReference],
  [-30012]: ['auth_failed', 'the x-ts-nonce was used recently', verifyReference],
  [-30015]: ['auth_failed', 'invalid API key', verifyReference],
  [-40007]: ['rate_limited', 'rate limit exceeded', allCodes],
  [-40008]: ['insufficient_funds', 'the transaction hard cap is reached', allCodes],
  [-40009]: ['invalid_recipient', 'phone number not supported', allCodes],
  [-90001]: ['provider_unavailable', 'the system is unavailable, try again later', allCodes],
};

/** Telesign's codes that are not an accepted transaction, each with its meaning and source. */
export const telesignErrorTable: ReadonlyMap<number, TelesignErrorRule> = new Map(
  Object.entries(rows).map(([code, [mapped, meaning, source]]) => [
    Number(code),
    { code: mapped, meaning, source },
  ]),
);

/** Status 500 and 501 are generic: the `errors` list, when it has a code, says more. */
const genericStatuses = new Set([500, 501]);

/** The one code of an answer that says the most: `status.code`, or the first error's under a generic status. */
export function telesignCodeOf(answer: TelesignAnswer | undefined): number | undefined {
  if (answer === undefined) return undefined;
  const detailed = answer.errors?.find((error) => error.code !== undefined)?.code;
  if (
    detailed !== undefined &&
    (genericStatuses.has(answer.status.code) || !telesignErrorTable.has(answer.status.code))
  ) {
    return detailed;
  }
  return answer.status.code;
}

/**
 * The error for an answer that is not an accepted transaction. The body's code goes through the
 * table, whatever the HTTP status (Telesign's advice), through core's `classifyAnswer`: HTTP 408,
 * 425, 429 and 5xx still decide over it, and without a known code the HTTP status decides.
 */
export function telesignError(
  http: HttpClient,
  response: HttpResponse,
  context: { sensitive: readonly (string | undefined)[]; maskedRecipient: string },
): MfaSmsError {
  const answer = http.tryParseJson(response, telesignAnswerSchema());
  const code = telesignCodeOf(answer);
  const classified = classifyAnswer(response.status, code, (known) => telesignErrorTable.get(known));
  const rule = code === undefined ? undefined : telesignErrorTable.get(code);
  const providerCode = code === undefined ? undefined : String(code);
  if (code === undefined || (rule !== undefined && rule.code !== classified.code)) {
    // The HTTP status decided: Telesign's own words would contradict the code.
    return http.errors.fromResponse(response, {
      code: classified.code,
      providerCode,
      sensitive: context.sensitive,
    });
  }
  const said =
    answer?.errors?.find((error) => error.code === code)?.description?.trim() ||
    (answer?.status.code === code ? answer.status.description?.trim() : undefined) ||
    undefined;
  const explained = rule === undefined ? (said ?? 'unknown status code') : rule.meaning;
  const about = classified.code === 'invalid_recipient' ? ` (recipient ${context.maskedRecipient})` : '';
  return http.errors.fromResponse(response, {
    code: classified.code,
    providerCode,
    detail: `${explained}${about}`,
    sensitive: context.sensitive,
  });
}
