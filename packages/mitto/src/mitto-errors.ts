import type { HttpClient, HttpResponse, MfaSmsError, MfaSmsErrorCode } from '@mfa-sms/core';
import { mittoAnswerSchema } from './mitto-wire.js';

/** What a Mitto `responseCode` means. */
export interface MittoErrorRule {
  code: MfaSmsErrorCode;
  retryable: boolean;
  /** Mitto's meaning, for the error message when its `responseText` is missing. */
  meaning: string;
}

/** Mitto's non-zero `responseCode` values (0 is "sent"). */
export const mittoErrorTable: Readonly<Record<number, MittoErrorRule>> = {
  1: { code: 'provider_unavailable', retryable: true, meaning: 'internal error' },
  2: { code: 'rejected', retryable: false, meaning: 'invalid type (GSM, Unicode or Binary)' },
  3: { code: 'rejected', retryable: false, meaning: 'empty message' },
  4: { code: 'rejected', retryable: false, meaning: 'invalid text for the encoding' },
  5: { code: 'invalid_config', retryable: false, meaning: 'empty sender: set the "from" option' },
  6: { code: 'invalid_config', retryable: false, meaning: 'invalid sender: check the "from" option' },
  7: { code: 'invalid_recipient', retryable: false, meaning: 'empty receiver' },
  8: { code: 'invalid_recipient', retryable: false, meaning: 'invalid receiver' },
};

/**
 * The error for an answer that is not a sent message. A `responseCode` (with HTTP 200 or 400)
 * goes through the table; without one, or with HTTP 401, 429 or 5xx, the HTTP status decides
 * (auth_failed, rate_limited, retryable provider_unavailable), as it does for an unknown code.
 */
export function mittoError(
  http: HttpClient,
  response: HttpResponse,
  sensitive: readonly (string | undefined)[],
  maskedRecipient: string,
): MfaSmsError {
  const answer = http.tryParseJson(response, mittoAnswerSchema());
  const statusDecides = response.status === 401 || response.status === 429 || response.status >= 500;
  if (answer === undefined || answer.responseCode === 0 || statusDecides) {
    return http.errorFromResponse(response, {
      ...(answer === undefined || answer.responseCode === 0
        ? {}
        : { providerCode: String(answer.responseCode) }),
      sensitive,
    });
  }
  const rule = mittoErrorTable[answer.responseCode];
  const said = answer.responseText?.trim() || undefined;
  const explained =
    rule === undefined
      ? (said ?? 'unknown response code')
      : said === undefined || rule.meaning.toLowerCase().startsWith(said.toLowerCase())
        ? rule.meaning
        : `${said}: ${rule.meaning}`;
  const about = rule?.code === 'invalid_recipient' ? ` (recipient ${maskedRecipient})` : '';
  return http.errorFromResponse(response, {
    ...(rule === undefined ? {} : { code: rule.code, retryable: rule.retryable }),
    providerCode: String(answer.responseCode),
    detail: `${explained}${about}`,
    sensitive,
  });
}
