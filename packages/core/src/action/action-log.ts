import type { PhoneMessage, Purpose } from '../contract/types.js';
import type { MfaSmsError, SendAttempt } from '../errors/errors.js';
import { maskPhoneNumber } from '../errors/redact.js';

export type Outcome =
  | { status: 'sent'; message: PhoneMessage; attempts: SendAttempt[]; provider: string; id: string }
  | { status: 'duplicate' | 'dry-run'; message: PhoneMessage; providers: string[] }
  | { status: 'failed'; error: MfaSmsError; message?: PhoneMessage };

const logLimit = 256;

function attemptList(attempts: readonly SendAttempt[]): string {
  let list = ' attempts=';
  for (let index = 0; index < attempts.length; index += 1) {
    const attempt = attempts[index] as SendAttempt;
    list += `${index > 0 ? ',' : ''}${attempt.provider}:${attempt.code}`;
    // Why a provider was moved back is what an operator looks for during an outage.
    if (attempt.reason !== undefined) list += `(${attempt.reason})`;
  }
  return list;
}

/**
 * One redacted line per execution, at most Auth0's 256 characters. Built by appending to one
 * string: it runs once per send, and a list of parts joined at the end cost an array and a
 * string per field.
 */
export function logLine(
  outcome: Outcome,
  elapsedMs: number,
  channel: string,
  correlationId: string | undefined,
  purpose: Purpose | undefined,
): string {
  let line = `mfa-sms ${outcome.status}`;
  const message = outcome.message;
  if (message) line += ` channel=${message.channel} to=${maskPhoneNumber(message.to)}`;
  else line += ` channel=${channel}`;
  // One-time codes are the common case; a notification, or a type this version does not know, is told.
  if (purpose === 'notification' || purpose === 'other') line += ` purpose=${purpose}`;
  if (outcome.status === 'sent') {
    line += ` provider=${outcome.provider} id=${outcome.id.slice(0, 40)}${attemptList(outcome.attempts)}`;
  } else if (outcome.status === 'failed') {
    const error = outcome.error;
    line += ` code=${error.code} retryable=${error.retryable}`;
    if (error.attempts?.length) line += attemptList(error.attempts);
    else if (error.provider) line += ` provider=${error.provider}`;
  } else {
    line += ` providers=${outcome.providers.join(',')}`;
  }
  line += ` ms=${Math.round(elapsedMs)}`;
  if (correlationId) line += ` corr=${correlationId.slice(0, 40)}`;
  // The reason goes last so that truncation to Auth0's 256 characters only ever shortens it.
  if (outcome.status === 'failed') line += ` reason="${outcome.error.message.replace(/"/g, "'")}"`;
  return line.length > logLimit ? `${line.slice(0, logLimit - 2)}…"` : line;
}
