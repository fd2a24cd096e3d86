import type { MfaSmsErrorCode } from '@mfa-sms/core';
import { type AnswerClassification, classifyAnswer } from '@mfa-sms/core/provider';

export interface VonageStatusRule {
  /** SMS API `status` values the rule covers. */
  statuses: readonly number[];
  /** When set, the rule applies only if Vonage's `error-text` matches it. */
  errorText?: RegExp;
  code: MfaSmsErrorCode;
  /** What the status means, for a person; used when Vonage sends no `error-text`. */
  meaning: string;
}

/**
 * The SMS API answers HTTP 200 even when it refuses a message; its `status` says why. This table
 * says what each status means; whether to fail over follows the code (core's `classifyAnswer`).
 * The first matching row wins; a status no row covers is `rejected`.
 */
export const vonageStatusTable: readonly VonageStatusRule[] = [
  {
    statuses: [1],
    code: 'rate_limited',
    meaning: 'throttled: too many messages per second',
  },
  { statuses: [10], code: 'rate_limited', meaning: 'too many existing binds' },
  { statuses: [5], code: 'provider_unavailable', meaning: 'internal error at Vonage' },
  { statuses: [13], code: 'provider_unavailable', meaning: 'communication failure' },
  { statuses: [4, 14], code: 'auth_failed', meaning: 'invalid credentials or signature' },
  { statuses: [9], code: 'insufficient_funds', meaning: 'the account has no credit left' },
  {
    statuses: [6, 33],
    code: 'invalid_recipient',
    meaning: 'the recipient cannot be reached (unroutable or de-activated)',
  },
  {
    // Statuses 2 and 3 are "missing" and "invalid" parameter; only the error-text says which one.
    statuses: [2, 3],
    errorText: /\bto\b/i,
    code: 'invalid_recipient',
    meaning: 'the recipient is missing or invalid',
  },
  {
    statuses: [7, 29],
    code: 'blocked_destination',
    meaning: 'the number is barred, or not on a demo account’s allow-list',
  },
  {
    statuses: [15],
    code: 'invalid_config',
    meaning: 'the sender address (from) is not allowed',
  },
];

/** What any status without a row of its own means. */
export const vonageStatusFallback: VonageStatusRule = {
  statuses: [],
  code: 'rejected',
  meaning: 'Vonage refused the message',
};

function statusRow(status: number, errorText: string | undefined): VonageStatusRule | undefined {
  return vonageStatusTable.find(
    (rule) => rule.statuses.includes(status) && (rule.errorText?.test(errorText ?? '') ?? true),
  );
}

/**
 * What an SMS API `status` (with its `error-text`) on an HTTP answer means, through core's one
 * classification: the row's code and meaning, and retryability from the code.
 */
export function vonageStatusRule(
  status: number,
  errorText: string | undefined,
  httpStatus = 200,
): AnswerClassification & { meaning: string } {
  const classified = classifyAnswer(httpStatus, status, (code) => statusRow(code, errorText));
  return { ...classified, meaning: classified.meaning ?? vonageStatusFallback.meaning };
}

/** The fields of an RFC 7807 problem (Messages and Voice APIs) that decide an error. */
export interface VonageProblem {
  type?: string | undefined;
  title?: string | undefined;
  detail?: string | undefined;
  /** The Messages API names each refused field here. */
  invalid_parameters?: readonly { name?: string | undefined }[] | undefined;
}

// "Invalid number", "not a valid phone number", "the to parameter", "'to'": the recipient, not "unable to".
const recipientWords =
  /\b(?:invalid|unknown|unroutable|bad|valid)[ -](?:phone )?(?:number|recipient|msisdn)\b|\b(?:invalid|missing|the) to\b|\bto (?:param|parameter|field|number)\b|['"`]to['"`]|\brecipient\b|\bmsisdn\b/i;

/**
 * What a problem+json answer of the Messages or Voice API means. The HTTP status decides
 * (401 auth, 402 funds, 429, 5xx: core's `codeForStatus`), except for 400 and 422, where the
 * refused field or the problem's words tell an invalid number from a bad sender or other refusal.
 */
export function vonageProblemCode(
  status: number,
  problem: VonageProblem | undefined,
): MfaSmsErrorCode | undefined {
  if (status !== 400 && status !== 422) return undefined;
  const fields = (problem?.invalid_parameters ?? []).map((parameter) => parameter.name ?? '');
  if (fields.some((name) => /^to(?:\.|$)/.test(name))) return 'invalid_recipient';
  if (fields.some((name) => /^from(?:\.|$)/.test(name))) return 'invalid_config';
  const words = `${problem?.type ?? ''} ${problem?.title ?? ''} ${problem?.detail ?? ''}`;
  if (recipientWords.test(words)) return 'invalid_recipient';
  if (/\bsender\b|\bfrom\b/i.test(words)) return 'invalid_config';
  return 'rejected';
}

/**
 * Vonage's name for a problem: the last path segment of its `type`
 * (`https://developer.nexmo.com/api-errors/messages-olympus#1160` → `messages-olympus#1160`,
 * `…/api-errors#unauthorized` → `api-errors#unauthorized`), else its title.
 */
export function vonageProblemCodeName(problem: VonageProblem | undefined): string | undefined {
  const last = problem?.type?.split('/').pop();
  if (last) return last.slice(0, 60);
  return problem?.title?.slice(0, 60);
}
