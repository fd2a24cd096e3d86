import type { MfaSmsError, SendAttempt } from './errors.js';
import { maskPhoneNumber } from './redact.js';
import type { PhoneMessage, Purpose } from './types.js';

export type Outcome =
  | { status: 'sent'; message: PhoneMessage; attempts: SendAttempt[]; provider: string; id: string }
  | { status: 'duplicate' | 'dry-run'; message: PhoneMessage; providers: string[] }
  | { status: 'failed'; error: MfaSmsError; message?: PhoneMessage };

const logLimit = 256;

const attemptList = (attempts: readonly SendAttempt[]) =>
  `attempts=${attempts.map((attempt) => `${attempt.provider}:${attempt.code}`).join(',')}`;

/** One redacted line per execution, at most Auth0's 256 characters. */
export function logLine(
  outcome: Outcome,
  elapsedMs: number,
  channel: string,
  correlationId: string | undefined,
  purpose: Purpose | undefined,
): string {
  const parts = [`mfa-sms ${outcome.status}`];
  const message = outcome.message;
  if (message) parts.push(`channel=${message.channel}`, `to=${maskPhoneNumber(message.to)}`);
  else parts.push(`channel=${channel}`);
  // One-time codes are the common case; a notification, or a type this version does not know, is told.
  if (purpose === 'notification' || purpose === 'other') parts.push(`purpose=${purpose}`);
  if (outcome.status === 'sent') {
    parts.push(`provider=${outcome.provider}`, `id=${outcome.id.slice(0, 40)}`);
    parts.push(attemptList(outcome.attempts));
  } else if (outcome.status === 'failed') {
    const error = outcome.error;
    parts.push(`code=${error.code}`, `retryable=${error.retryable}`);
    if (error.attempts?.length) parts.push(attemptList(error.attempts));
    else if (error.provider) parts.push(`provider=${error.provider}`);
  } else {
    parts.push(`providers=${outcome.providers.join(',')}`);
  }
  parts.push(`ms=${Math.round(elapsedMs)}`);
  if (correlationId) parts.push(`corr=${correlationId.slice(0, 40)}`);
  let line = parts.join(' ');
  // The reason goes last so that truncation to Auth0's 256 characters only ever shortens it.
  if (outcome.status === 'failed') line += ` reason="${outcome.error.message.replace(/"/g, "'")}"`;
  return line.length > logLimit ? `${line.slice(0, logLimit - 2)}…"` : line;
}
