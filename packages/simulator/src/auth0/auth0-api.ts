import type { CustomPhoneProviderApi, SendPhoneMessageApi } from '@mfa-sms/core';
import { createFakeAuth0Cache, type FakeAuth0Cache } from './auth0-cache.js';

// Auth0's rules for the api object and an execution, stated here (see auth0-cache.ts for the cache):
// - api.notification.retry/drop of custom-phone-provider: the last call of an execution decides, and
//   Auth0 keeps 1,024 characters of the reason
//   (https://auth0.com/docs/customize/phone-messages/configure-phone-messaging-providers/configure-a-custom-phone-provider/action-triggers-custom-phone-provider-api-object);
// - an execution ends in an error after 20 seconds (https://auth0.com/docs/customize/actions/limitations).
export const auth0ExecutionLimitMs = 20_000;
const reasonLength = 1024;

/** Every call an execution made to `api.notification`, reasons as Auth0 keeps them. */
export interface NotificationCalls {
  retry: string[];
  drop: string[];
}

/** What Auth0 does after the execution: the last `retry` or `drop`, or nothing (delivered). */
export type NotificationDecision = { kind: 'retry' | 'drop'; reason: string } | undefined;

export interface FakeCustomPhoneProviderApi extends CustomPhoneProviderApi {
  cache: FakeAuth0Cache;
  calls: NotificationCalls;
  /** The call that counts: the last one. */
  readonly decision: NotificationDecision;
}

export interface FakeSendPhoneMessageApi extends SendPhoneMessageApi {
  cache: FakeAuth0Cache;
}

/** The `api` of `send-phone-message`; give the trigger's cache to share it between executions. */
export function sendPhoneMessageApi(cache: FakeAuth0Cache = createFakeAuth0Cache()): FakeSendPhoneMessageApi {
  return { cache };
}

/** The `api` of `custom-phone-provider`, recording `retry`/`drop` with Auth0's semantics. */
export function customPhoneProviderApi(
  cache: FakeAuth0Cache = createFakeAuth0Cache(),
): FakeCustomPhoneProviderApi {
  const calls: NotificationCalls = { retry: [], drop: [] };
  let decision: NotificationDecision;
  const record = (kind: 'retry' | 'drop') => (reason: string) => {
    const kept = String(reason).slice(0, reasonLength);
    calls[kind].push(kept);
    decision = { kind, reason: kept };
  };
  return {
    cache,
    calls,
    get decision() {
      return decision;
    },
    notification: { retry: record('retry'), drop: record('drop') },
  };
}

/** The error an execution ends with when it runs past Auth0's limit. */
export interface ExecutionTimeout extends Error {
  code: 'execution_timeout';
}

/**
 * Runs one execution as Auth0 would: the handler's promise, ended with an error after `limitMs`
 * (Auth0: 20 s). The handler keeps running in the background, as it would in a frozen container.
 */
export async function runExecution<T>(
  handler: () => Promise<T>,
  options: { limitMs?: number } = {},
): Promise<T> {
  const limitMs = options.limitMs ?? auth0ExecutionLimitMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`Execution exceeded Auth0's limit of ${limitMs} ms`) as ExecutionTimeout;
      error.code = 'execution_timeout';
      reject(error);
    }, limitMs);
  });
  try {
    return await Promise.race([handler(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
