import { type MfaSmsError, type MfaSmsErrorCode, maskPhoneNumber } from '@mfa-sms/core';
import { classifyAnswer, type HttpClient, type HttpResponse } from '@mfa-sms/core/provider';
import type { ClickSendAnswer } from './clicksend-wire.js';

/** What one ClickSend status means for a sender of one-time codes. */
export interface ClickSendErrorRule {
  code: MfaSmsErrorCode;
  /** ClickSend's meaning, for the error message. */
  meaning: string;
}

/**
 * ClickSend's message statuses other than SUCCESS, each answered in a message's `status` (or as
 * `response_code`). Source: ClickSend's "Status Codes"
 * (https://developers.clicksend.com/docs/#status-codes), except where a row says.
 */
export const clickSendErrorTable: Readonly<Record<string, ClickSendErrorRule>> = {
  MISSING_CREDENTIALS: { code: 'auth_failed', meaning: 'no username or API key was sent' },
  ACCOUNT_NOT_ACTIVATED: { code: 'auth_failed', meaning: 'the ClickSend account has not been activated' },
  INVALID_RECIPIENT: { code: 'invalid_recipient', meaning: 'the destination number is invalid' },
  // "Identical message already sent to this recipient. Please try again in a few seconds."
  THROTTLED: {
    code: 'rate_limited',
    meaning: 'throttled: an identical message was just sent to this recipient',
  },
  INVALID_SENDER_ID: { code: 'invalid_config', meaning: 'invalid sender ID: check the "from" option' },
  INSUFFICIENT_CREDIT: { code: 'insufficient_funds', meaning: 'the ClickSend account has run out of credit' },
  INVALID_CREDENTIALS: { code: 'auth_failed', meaning: 'the username or API key is incorrect' },
  ALREADY_EXISTS: { code: 'rejected', meaning: 'the resource already exists' },
  EMPTY_MESSAGE: { code: 'rejected', meaning: 'the message is empty' },
  TOO_MANY_RECIPIENTS: { code: 'rejected', meaning: 'too many recipients' },
  MISSING_REQUIRED_FIELDS: { code: 'rejected', meaning: 'some required fields are missing' },
  INVALID_SCHEDULE: { code: 'rejected', meaning: 'the schedule is invalid' },
  NOT_ENOUGH_PERMISSION_TO_LIST_ID: { code: 'rejected', meaning: 'no permission to send to this list' },
  INTERNAL_ERROR: { code: 'provider_unavailable', meaning: 'ClickSend had an internal error' },
  INVALID_LANG: { code: 'invalid_config', meaning: 'invalid voice language: check the "voice.lang" option' },
  INVALID_VOICE: { code: 'invalid_config', meaning: 'invalid voice: check the "voice.voice" option' },
  SUBJECT_REQUIRED: { code: 'rejected', meaning: 'a subject is required' },
  INVALID_MEDIA_FILE: { code: 'rejected', meaning: 'the media file is invalid' },
  SOMETHING_IS_WRONG: { code: 'rejected', meaning: 'ClickSend found something wrong with the request' },
  // Not on the status page; listed by integrations that read ClickSend's answers (global sending
  // not enabled for the destination's country; a sender that must be registered first).
  COUNTRY_NOT_ENABLED: {
    code: 'blocked_destination',
    meaning: "sending to the destination's country is not enabled on the account",
  },
  REGISTRATION_NEEDED: {
    code: 'invalid_config',
    meaning: 'the sender must be registered for this destination',
  },
};

/** Where the table's rows come from. */

function ruleFor(status: string): ClickSendErrorRule | undefined {
  return Object.hasOwn(clickSendErrorTable, status) ? clickSendErrorTable[status] : undefined;
}

/**
 * The error for an answer that sent nothing, through core's `classifyAnswer`: the message's own
 * status (or, without one, the `response_code`) goes through the table; HTTP 408, 425, 429 and 5xx
 * decide over it, and so does 401; an unknown status falls back to the HTTP status.
 */
export function clickSendError(
  http: HttpClient,
  response: HttpResponse,
  answer: ClickSendAnswer | undefined,
  message: { to: string; sensitive: readonly (string | undefined)[] },
): MfaSmsError {
  const status = answer?.data?.messages?.[0]?.status ?? answer?.response_code;
  const providerCode = status === undefined || status === 'SUCCESS' ? undefined : status;
  const classified = classifyAnswer(
    response.status,
    response.status === 401 ? undefined : providerCode,
    ruleFor,
  );
  if (providerCode === undefined) {
    return http.errors.fromResponse(response, { code: classified.code, sensitive: message.sensitive });
  }
  const parts = [classified.meaning ?? 'ClickSend refused the message'];
  if (classified.code === 'invalid_recipient' || classified.code === 'blocked_destination') {
    parts.push(`recipient ${maskPhoneNumber(message.to)}`);
  }
  const said = answer?.response_msg?.trim();
  if (said) parts.push(`ClickSend says: ${said}`);
  return http.errors.fromResponse(response, {
    code: classified.code,
    providerCode,
    detail: parts.join('; '),
    sensitive: message.sensitive,
  });
}
