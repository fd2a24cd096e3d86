import type { MfaSmsErrorCode } from '@mfa-sms/core';

export interface VonageStatusRule {
  statuses: readonly number[];
  code: MfaSmsErrorCode;
  retryable: boolean;
  meaning: string;
}

/**
 * The SMS API answers HTTP 200 even when it refuses a message; its `status` says why. This table
 * is the one place that decides what each status means for a caller (failover or not).
 */
export const vonageStatusTable: readonly VonageStatusRule[] = [
  {
    statuses: [1],
    code: 'rate_limited',
    retryable: true,
    meaning: 'throttled: more than the allowed messages per second',
  },
  { statuses: [10], code: 'rate_limited', retryable: true, meaning: 'too many existing binds' },
  { statuses: [5], code: 'provider_unavailable', retryable: true, meaning: 'internal error at Vonage' },
  { statuses: [13], code: 'provider_unavailable', retryable: true, meaning: 'communication failure' },
  { statuses: [4, 14], code: 'auth_failed', retryable: false, meaning: 'invalid credentials or signature' },
  { statuses: [9], code: 'insufficient_funds', retryable: false, meaning: 'the account has no credit left' },
  {
    statuses: [6, 33],
    code: 'invalid_recipient',
    retryable: false,
    meaning: 'the recipient cannot be reached (unroutable or de-activated)',
  },
  {
    statuses: [7, 29],
    code: 'blocked_destination',
    retryable: false,
    meaning: 'the number is barred, or not on a demo account’s allow-list',
  },
  {
    statuses: [15],
    code: 'invalid_config',
    retryable: false,
    meaning: 'the sender address (from) is not allowed',
  },
];

const fallback: VonageStatusRule = {
  statuses: [],
  code: 'rejected',
  retryable: false,
  meaning: 'Vonage refused the message',
};

/**
 * The rule for an SMS API status. Statuses 2 and 3 (missing or invalid parameters) are about the
 * recipient when Vonage's error-text names `to`, and a refusal of the message otherwise.
 */
export function vonageStatusRule(status: number, errorText: string | undefined): VonageStatusRule {
  const rule = vonageStatusTable.find((candidate) => candidate.statuses.includes(status));
  if (rule) return rule;
  if ((status === 2 || status === 3) && /\bto\b/i.test(errorText ?? '')) {
    return {
      statuses: [status],
      code: 'invalid_recipient',
      retryable: false,
      meaning: 'the recipient is missing or invalid',
    };
  }
  return fallback;
}

export interface VonageProblem {
  type?: string | undefined;
  title?: string | undefined;
  detail?: string | undefined;
}

/**
 * What a problem+json answer of the Messages or Voice API means. The HTTP status decides, except
 * for 400/422, where the problem's type or title tells an invalid number from other refusals.
 */
export function vonageProblemCode(
  status: number,
  problem: VonageProblem | undefined,
): MfaSmsErrorCode | undefined {
  if (status !== 400 && status !== 422) return undefined;
  const words = `${problem?.type ?? ''} ${problem?.title ?? ''} ${problem?.detail ?? ''}`;
  if (/number|recipient|\bto\b|msisdn/i.test(words)) return 'invalid_recipient';
  if (/sender|\bfrom\b/i.test(words)) return 'invalid_config';
  return 'rejected';
}

/** `https://developer.nexmo.com/api-errors/messages-olympus#1120` → `messages-olympus#1120`; the title otherwise. */
export function vonageProblemCodeName(problem: VonageProblem | undefined): string | undefined {
  const type = problem?.type;
  if (type) {
    const last = type.split('/').pop();
    if (last) return last.slice(0, 60);
  }
  return problem?.title?.slice(0, 60);
}
