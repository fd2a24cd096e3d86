import { isRetryableCode, type MfaSmsErrorCode } from '../errors/errors.js';

/** A row of a provider's error table: what one of the provider's own codes means. */
export interface ProviderErrorRule {
  code: MfaSmsErrorCode;
  /** A short explanation for people, put in the error message. */
  meaning?: string;
}

/** What a provider's failed answer means for a sender: the code, whether to fail over, and why. */
export interface AnswerClassification {
  code: MfaSmsErrorCode;
  /** Always the code's own retryability (`isRetryableCode`): providers never decide it. */
  retryable: boolean;
  meaning?: string;
}

/** The generic meaning of an HTTP status, for when the provider's body says nothing more precise. */
export function codeForStatus(status: number): MfaSmsErrorCode {
  if (status === 401 || status === 403) return 'auth_failed';
  if (status === 402) return 'insufficient_funds';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status === 425 || status >= 500) return 'provider_unavailable';
  return 'rejected';
}

/**
 * Statuses that say "not processed, try again": they decide whatever code the body carries. A
 * proxy or gateway in front of the API may have written them, and a provider's code in such an
 * answer describes its trouble, not the message.
 */
function statusDecides(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function statusMeaning(status: number): string {
  if (status === 408) return 'the request timed out before it was processed';
  if (status === 425) return 'the request came too early and was not processed';
  if (status === 429) return 'too many requests; the message was not processed';
  return 'the service is unavailable';
}

/**
 * The one classification of a provider's failed answer, used by every provider package. HTTP 408,
 * 425, 429 and 5xx decide by themselves (timeout, provider_unavailable, rate_limited); otherwise
 * the provider's own code goes through its table; a code the table does not know, or none, falls
 * back to `codeForStatus`. Retryability comes from the code, never from the provider.
 *
 * `table` looks up one of the provider's codes (a Twilio error code, a Vonage SMS status, a
 * Mitto responseCode…). When the status decides, the table's explanation is kept if it agrees.
 */
export function classifyAnswer<K>(
  status: number,
  providerCode?: K,
  table?: (providerCode: K) => ProviderErrorRule | undefined,
): AnswerClassification {
  const rule = providerCode === undefined || table === undefined ? undefined : table(providerCode);
  if (statusDecides(status)) {
    const code = codeForStatus(status);
    const meaning = rule?.code === code && rule.meaning !== undefined ? rule.meaning : statusMeaning(status);
    return { code, retryable: isRetryableCode(code), meaning };
  }
  if (rule) {
    const classified: AnswerClassification = { code: rule.code, retryable: isRetryableCode(rule.code) };
    if (rule.meaning !== undefined) classified.meaning = rule.meaning;
    return classified;
  }
  const code = codeForStatus(status);
  return { code, retryable: isRetryableCode(code) };
}
