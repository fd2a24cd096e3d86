import {
  codeForStatus,
  type HttpClient,
  type HttpResponse,
  type MfaSmsError,
  type MfaSmsErrorCode,
} from '@mfa-sms/core';
import { esendexErrorDescription } from './esendex-wire.js';

/** What an HTTP status from Esendex means. Esendex has no error codes of its own: the status is the code. */
export interface EsendexErrorRule {
  code: MfaSmsErrorCode;
  retryable: boolean;
  /** What Esendex means by the status, for the error message when its body says nothing useful. */
  meaning: string;
}

/** Esendex's documented statuses for `POST /v1.0/messagedispatcher`. */
export const esendexErrorTable: Readonly<Record<number, EsendexErrorRule>> = {
  400: { code: 'rejected', retryable: false, meaning: 'bad request' },
  401: { code: 'auth_failed', retryable: false, meaning: 'the username or password was not accepted' },
  402: { code: 'insufficient_funds', retryable: false, meaning: 'the account has no credit left' },
  403: { code: 'auth_failed', retryable: false, meaning: 'this login may not use this account reference' },
  404: { code: 'rejected', retryable: false, meaning: 'not found: check the base URL' },
  405: { code: 'rejected', retryable: false, meaning: 'method not allowed: check the base URL' },
  408: { code: 'timeout', retryable: true, meaning: 'Esendex timed out reading the request' },
  429: { code: 'rate_limited', retryable: true, meaning: 'too many requests' },
  500: { code: 'provider_unavailable', retryable: true, meaning: 'internal error' },
  503: { code: 'provider_unavailable', retryable: true, meaning: 'service unavailable' },
};

// A 400 is about the recipient when its description says so: "Invalid recipient", "the 'to'
// field is not a valid phone number", "invalid number".
const aboutRecipient = /\b(recipients?|numbers?|msisdn|destination)\b|['"<]to['">]|\bto field\b/i;
const saysInvalid = /\binvalid\b|\bnot (?:a )?valid\b|\bincorrect\b|\bmalformed\b/i;

/** The rule for a status: the table, else any 5xx is retryable, else the generic meaning of the status. */
export function esendexRuleFor(status: number, description: string | undefined): EsendexErrorRule {
  if (
    status === 400 &&
    description !== undefined &&
    aboutRecipient.test(description) &&
    saysInvalid.test(description)
  ) {
    return { code: 'invalid_recipient', retryable: false, meaning: 'the recipient was rejected' };
  }
  const known = esendexErrorTable[status];
  if (known) return known;
  if (status >= 500) return { code: 'provider_unavailable', retryable: true, meaning: 'server error' };
  const code = codeForStatus(status);
  return { code, retryable: code === 'rate_limited', meaning: 'unexpected status' };
}

/**
 * The error for a failed answer: the status through the table, the description from Esendex's
 * `<errors>` body when there is one, its short text body (cleaned by core) otherwise.
 */
export function esendexError(
  http: HttpClient,
  response: HttpResponse,
  sensitive: readonly (string | undefined)[],
  maskedRecipient: string,
): MfaSmsError {
  const description = esendexErrorDescription(response.body);
  const rule = esendexRuleFor(response.status, description);
  const said = description ?? (response.body.trim() === '' ? undefined : response.body);
  const detail =
    rule.code === 'invalid_recipient'
      ? `the recipient ${maskedRecipient} was rejected: ${description ?? ''}`
      : said === undefined
        ? rule.meaning
        : `${rule.meaning}: ${said}`;
  return http.errorFromResponse(response, { code: rule.code, retryable: rule.retryable, detail, sensitive });
}
