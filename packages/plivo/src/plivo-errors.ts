import { type MfaSmsError, type MfaSmsErrorCode, maskPhoneNumber } from '@mfa-sms/core';
import { classifyAnswer, type HttpClient, type HttpResponse } from '@mfa-sms/core/provider';
import { plivoErrorBodySchema } from './plivo-wire.js';

/** What one kind of Plivo error text means. Plivo's message API answers text, not codes. */
export interface PlivoErrorRule {
  /** Matched against the body's `error` text. */
  pattern: RegExp;
  code: MfaSmsErrorCode;
  meaning: string;
  /** Where Plivo says so. */
  source: string;
}

/** Plivo's error texts, most specific first. */
export const plivoErrorTable: readonly PlivoErrorRule[] = [
  {
    pattern: /insufficient credit|insufficient balance/i,
    code: 'insufficient_funds',
    meaning: 'the Plivo account has run out of credit',
    source:
      'https://support.plivo.com/support/solutions/articles/17000088423-what-happens-to-my-outbound-messages-if-i-don-t-have-sufficient-balance-in-my-plivo-account-',
  },
  {
    pattern: /authentication failed|authentication_failed|unauthori[sz]ed/i,
    code: 'auth_failed',
    meaning: 'authentication failed: check the auth ID and the auth token',
    source: 'https://www.plivo.com/docs/messaging/api/response',
  },
  {
    pattern: /rate.?limit|too many requests/i,
    code: 'rate_limited',
    meaning: 'too many requests; the message was not processed',
    source: 'https://www.plivo.com/docs/messaging/api/response',
  },
  {
    pattern: /\bsrc\b|source number|sender/i,
    code: 'invalid_config',
    meaning: 'the configured "from" cannot send from this Plivo account',
    source: 'https://www.plivo.com/docs/messaging/api/overview',
  },
  {
    pattern: /not a valid phone number|\bdst\b|destination/i,
    code: 'invalid_recipient',
    meaning: 'the recipient is not a valid number',
    // Plivo answers 400 "'1111111' is not a valid phone number." (plivo/plivo-node#222).
    source: 'https://github.com/plivo/plivo-node/issues/222',
  },
];

/**
 * Plivo's official SDKs read an HTTP 403 to `POST …/Message/` as a geo-permission error: the
 * destination country is not enabled on the account (plivo/plivo-node#351).
 */
export const plivoGeoPermissionRule: PlivoErrorRule = {
  pattern: /./,
  code: 'blocked_destination',
  meaning: "the destination's country is not enabled in the account's geo permissions",
  source: 'https://github.com/plivo/plivo-node/pull/351',
};

function errorText(error: string | Record<string, unknown>): string {
  if (typeof error === 'string') return error;
  // Field errors come as `{ field: [messages] }`: flattened to "field: message".
  return Object.entries(error)
    .map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

/** The rule for one error text on one status, if any. */
export function plivoRuleFor(status: number, text: string | undefined): PlivoErrorRule | undefined {
  if (text === undefined) return undefined;
  if (status === 403) return plivoGeoPermissionRule;
  return plivoErrorTable.find((rule) => rule.pattern.test(text));
}

/**
 * The error for a failed Plivo answer through core's `classifyAnswer`: HTTP 408, 425, 429 and
 * 5xx decide; 401 is always `auth_failed`; a 403 with Plivo's error body is a geo-permission
 * refusal, without one it is `auth_failed` like any 403 (a proxy, a firewall); otherwise the
 * error text goes through the table and, unmatched, the status decides.
 */
export function plivoError(
  http: HttpClient,
  response: HttpResponse,
  message: { to: string; sensitive: readonly (string | undefined)[] },
): MfaSmsError {
  const body = http.tryParseJson(response, plivoErrorBodySchema());
  const text = body === undefined ? undefined : errorText(body.error);
  const classified = classifyAnswer(response.status, response.status === 401 ? undefined : text, (said) =>
    plivoRuleFor(response.status, said),
  );
  if (text === undefined) {
    return http.errors.fromResponse(response, { code: classified.code, sensitive: message.sensitive });
  }
  const masked = maskPhoneNumber(message.to);
  const parts = [classified.meaning ?? 'Plivo refused the message'];
  if (classified.code === 'invalid_recipient' || classified.code === 'blocked_destination') {
    parts.push(`recipient ${masked}`);
  }
  parts.push(`Plivo says: ${text}`);
  return http.errors.fromResponse(response, {
    code: classified.code,
    detail: parts.join('; '),
    sensitive: message.sensitive,
  });
}
