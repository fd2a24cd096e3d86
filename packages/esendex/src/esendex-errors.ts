import type { MfaSmsError, MfaSmsErrorCode } from '@mfa-sms/core';
import {
  type AnswerClassification,
  classifyAnswer,
  type HttpClient,
  type HttpResponse,
} from '@mfa-sms/core/provider';
import { esendexErrorDescription } from './esendex-wire.js';

/** What an HTTP status from Esendex means. Esendex has no error codes of its own: the status is the code. */
export interface EsendexErrorRule {
  code: MfaSmsErrorCode;
  /** What Esendex means by the status, for the error message when its body says nothing useful. */
  meaning: string;
}

/** Esendex's documented statuses for `POST /v1.0/messagedispatcher`. */
export const esendexErrorTable: Readonly<Record<number, EsendexErrorRule>> = {
  400: { code: 'rejected', meaning: 'bad request' },
  401: { code: 'auth_failed', meaning: 'the username or password was not accepted' },
  402: { code: 'insufficient_funds', meaning: 'the account has no credit left' },
  403: { code: 'auth_failed', meaning: 'this login may not use this account reference' },
  404: { code: 'rejected', meaning: 'not found: check the base URL' },
  405: { code: 'rejected', meaning: 'method not allowed: check the base URL' },
  408: { code: 'timeout', meaning: 'Esendex timed out reading the request' },
  429: { code: 'rate_limited', meaning: 'too many requests' },
  500: { code: 'provider_unavailable', meaning: 'internal error' },
  503: { code: 'provider_unavailable', meaning: 'service unavailable' },
};

// A 400 is about the recipient when its description says so: "Invalid recipient", "the 'to'
// field is not a valid phone number", "invalid number".
const aboutRecipient = /\b(recipients?|numbers?|msisdn|destination)\b|['"<]to['">]|\bto field\b/i;
const saysInvalid = /\binvalid\b|\bnot (?:a )?valid\b|\bincorrect\b|\bmalformed\b/i;

const serverError: EsendexErrorRule = { code: 'provider_unavailable', meaning: 'server error' };
const invalidRecipient: EsendexErrorRule = {
  code: 'invalid_recipient',
  meaning: 'the recipient was rejected',
};

/**
 * What a status means, through core's one classification: 408, 425, 429 and 5xx decide by
 * themselves, a 400 whose description is about the recipient is `invalid_recipient`, other
 * statuses go through the table, else their generic meaning; retryability follows the code.
 */
export function esendexRuleFor(
  status: number,
  description: string | undefined,
): AnswerClassification & { meaning: string } {
  const classified = classifyAnswer(status, status, (code) => {
    if (
      code === 400 &&
      description !== undefined &&
      aboutRecipient.test(description) &&
      saysInvalid.test(description)
    )
      return invalidRecipient;
    return esendexErrorTable[code] ?? (code >= 500 ? serverError : undefined);
  });
  return { ...classified, meaning: classified.meaning ?? 'unexpected status' };
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
  return http.errors.fromResponse(response, { code: rule.code, detail, sensitive });
}
