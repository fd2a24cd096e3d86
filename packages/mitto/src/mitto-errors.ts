import type { MfaSmsError, MfaSmsErrorCode } from '@mfa-sms/core';
import { classifyAnswer, type HttpClient, type HttpResponse } from '@mfa-sms/core/provider';
import { mittoAnswerSchema } from './mitto-wire.js';

/** What a Mitto `responseCode` means. */
export interface MittoErrorRule {
  code: MfaSmsErrorCode;
  /** Mitto's meaning, for the error message when its `responseText` is missing. */
  meaning: string;
}

/** Mitto's non-zero `responseCode` values (0 is "sent"). */
export const mittoErrorTable: Readonly<Record<number, MittoErrorRule>> = {
  1: { code: 'provider_unavailable', meaning: 'internal error' },
  2: { code: 'rejected', meaning: 'invalid type (GSM, Unicode or Binary)' },
  3: { code: 'rejected', meaning: 'empty message' },
  4: { code: 'rejected', meaning: 'invalid text for the encoding' },
  5: { code: 'invalid_config', meaning: 'empty sender: set the "from" option' },
  6: { code: 'invalid_config', meaning: 'invalid sender: check the "from" option' },
  7: { code: 'invalid_recipient', meaning: 'empty receiver' },
  8: { code: 'invalid_recipient', meaning: 'invalid receiver' },
};

/**
 * The error for an answer that is not a sent message, through core's one classification
 * (`classifyAnswer`): a `responseCode` (with HTTP 200 or 400) goes through the table; HTTP 408,
 * 425, 429 and 5xx decide over it, and so does 401 (the key was refused, whatever the body
 * says); without a code, or with an unknown one, the HTTP status decides.
 */
export function mittoError(
  http: HttpClient,
  response: HttpResponse,
  sensitive: readonly (string | undefined)[],
  maskedRecipient: string,
): MfaSmsError {
  const answer = http.tryParseJson(response, mittoAnswerSchema());
  const responseCode = answer === undefined || answer.responseCode === 0 ? undefined : answer.responseCode;
  const rule = responseCode === undefined ? undefined : mittoErrorTable[responseCode];
  const classified = classifyAnswer(
    response.status,
    response.status === 401 ? undefined : responseCode,
    (code) => mittoErrorTable[code],
  );
  const providerCode = responseCode === undefined ? undefined : String(responseCode);
  // When the status overrode the table, Mitto's own explanation would contradict the code.
  if (responseCode === undefined || response.status === 401 || (rule && rule.code !== classified.code)) {
    return http.errors.fromResponse(response, { code: classified.code, providerCode, sensitive });
  }
  const said = answer?.responseText?.trim() || undefined;
  const explained =
    rule === undefined
      ? (said ?? 'unknown response code')
      : said === undefined || rule.meaning.toLowerCase().startsWith(said.toLowerCase())
        ? rule.meaning
        : `${said}: ${rule.meaning}`;
  const about = classified.code === 'invalid_recipient' ? ` (recipient ${maskedRecipient})` : '';
  return http.errors.fromResponse(response, {
    code: classified.code,
    providerCode,
    detail: `${explained}${about}`,
    sensitive,
  });
}
