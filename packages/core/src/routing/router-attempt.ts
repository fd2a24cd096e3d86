import type { PhoneMessage, Provider, SendResult } from '../contract/types.js';
import { MfaSmsError } from '../errors/errors.js';

// The least share of the deadline an attempt is given while more candidates wait: a healthy
// provider answers well within it, and a long provider list does not cut every attempt short.
const minimumShareMs = 2000;

/**
 * An attempt's time: the remaining deadline shared fairly among the candidates still to try (but
 * never below a floor, so that a long list does not starve every attempt), capped by
 * `attemptTimeoutMs`. The provider's own timeout caps it too: providers take the smaller of theirs
 * and the `timeoutMs` they are given.
 */
export function attemptBudget(
  remainingMs: number,
  candidatesLeft: number,
  attemptTimeoutMs?: number,
): number {
  const share = Math.max(minimumShareMs, remainingMs / candidatesLeft);
  return Math.floor(Math.min(remainingMs, share, attemptTimeoutMs ?? Number.POSITIVE_INFINITY));
}

/**
 * One attempt, on the router's clock: the provider gets a signal that fires when the attempt's
 * time is up (or the caller aborts), and the router stops waiting at that moment whatever the
 * provider does. A provider that answers later is not listened to: its message may still go
 * out, which for a one-time code means at worst a second copy of the same code.
 */
export function attempt(
  provider: Provider,
  message: PhoneMessage,
  timeoutMs: number,
  caller: AbortSignal | undefined,
): Promise<SendResult> {
  const controller = new AbortController();
  return new Promise<SendResult>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (settled) return;
      finish();
      controller.abort(caller?.reason);
      reject(caller?.reason);
    };
    caller?.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<SendResult>;
    try {
      // Promise.resolve: a provider of someone else's making may return a thenable, or worse.
      pending = Promise.resolve(provider.send(message, { signal: controller.signal, timeoutMs }));
    } catch (caught) {
      pending = Promise.reject(caught);
    }
    // Started after the send, so that a provider's own timer of the same length goes off first
    // and its error, which says more, is the one reported.
    if (!settled)
      timer = setTimeout(() => {
        finish();
        const error = new MfaSmsError({
          code: 'timeout',
          provider: provider.name,
          message: `Provider "${provider.name}" did not answer within ${timeoutMs} ms; the router stopped waiting`,
        });
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    pending.then(
      (result) => {
        if (settled) return;
        finish();
        resolve(result);
      },
      (caught: unknown) => {
        if (settled) return;
        finish();
        reject(caught);
      },
    );
  });
}

// A provider that throws something other than an MfaSmsError has a bug; the message may have gone
// out, so the router does not fail over, and the foreign error's text is not trusted into a log.
export function unexpected(provider: string, caught: unknown): MfaSmsError {
  const name = caught instanceof Error ? caught.name : typeof caught;
  return new MfaSmsError({
    code: 'rejected',
    provider,
    retryable: false,
    message: `Provider "${provider}" failed with an unexpected ${name}`,
  });
}
