import * as z from 'zod/mini';
import { lazySchema, providerOption } from '../contract/options.js';
import type { PhoneMessage, Provider, SendOptions, SendResult } from '../contract/types.js';
import type { SendAttempt } from '../errors/errors.js';
import { type Store, storeOption } from '../store/store.js';
import type { GuardOptions } from './guard.js';
import type { HealthOptions } from './health.js';
import type { VelocityLimits } from './limits.js';

export interface RouterOptions {
  /** Providers in failover order. Names must be unique. */
  providers: readonly Provider[];
  /**
   * Country (ISO 3166 alpha-2) → provider names in the order to try them; `'*'` for every other
   * country. A country's list replaces the default order: providers it does not name are not used.
   */
  routes?: Readonly<Record<string, readonly string[]>>;
  /** Destination policy checked before any request. */
  guard?: GuardOptions;
  /** No attempt starts, and none runs, past this many milliseconds after `send`. Default 15 000. */
  deadlineMs?: number;
  /**
   * Upper bound for one attempt. The provider's own timeout and a fair share of the remaining
   * deadline (the time left ÷ the candidates left, at least 2 s) bound it too; see `attemptBudget`.
   */
  attemptTimeoutMs?: number;
  /**
   * Velocity limits, checked after the guard and before any request: `true` for the defaults
   * (5 per recipient an hour, 30 per number range in 10 minutes), or your own. Off when absent.
   */
  limits?: boolean | VelocityLimits;
  /**
   * Provider health: a provider that fails with a retryable error (`timeout`, `network`,
   * `provider_unavailable`, `rate_limited`) `failures` times within `windowMs` rests for
   * `cooldownMs`, during which it is tried last (never not at all). `true` for the defaults
   * (3 in 30 s, 30 s of rest). Off when absent. Counted in `store` (or a send's store).
   */
  health?: boolean | HealthOptions;
  /** Where the limits and provider health count. Default: this process's memory. */
  store?: Store;
  /** HMAC secret for the store's keys; required with a shared store (Redis). */
  storeKey?: string;
}

/** What a router's `send` takes besides the provider options. */
export interface RouterSendOptions extends SendOptions {
  /** A store for this send's velocity counts and health instead of the router's (an Action's `api.cache`). */
  store?: Store;
}

/** A router's result also tells which attempts it took to get there. */
export interface RoutedSendResult extends SendResult {
  attempts: SendAttempt[];
}

export interface Router extends Provider {
  send(message: PhoneMessage, options?: RouterSendOptions): Promise<RoutedSendResult>;
  /** The providers a message would be tried with, in order (after routing and channel filtering). */
  plan(message: Pick<PhoneMessage, 'to' | 'channel' | 'from'>): readonly Provider[];
  /**
   * Everything `send` checks before its first request (the guard, a provider for the channel),
   * without sending: the providers it would try, or the error it would throw. For dry runs.
   */
  check(message: Pick<PhoneMessage, 'to' | 'channel' | 'from'>): readonly Provider[];
}

/**
 * What core's Action handlers hand `send` for a message they have just passed through `check` (to
 * tell a duplicate or a dry run from a blocked destination before sending): the providers `check`
 * answered, so that the guard and the routing run once per send. A symbol, not an option: only
 * core holds it, and nobody else can skip the guard.
 */
export const checkedProviders: unique symbol = Symbol('checked providers');
export interface CheckedSendOptions extends RouterSendOptions {
  [checkedProviders]?: readonly Provider[];
}

export const defaultDeadlineMs = 15_000;

/** `RouterOptions` as `createRouter` checks them. */
export const routerOptionsSchema = lazySchema(() => {
  const countryKey = z.union([
    z.literal('*'),
    z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be "*" or an ISO 3166 alpha-2 code')),
  ]);
  return z.strictObject({
    providers: z.array(providerOption()).check(z.minLength(1, 'at least one provider is needed')),
    routes: z.optional(
      z.record(
        countryKey,
        z.array(z.string().check(z.minLength(1))).check(z.minLength(1, 'must name at least one provider')),
      ),
    ),
    guard: z.optional(
      z.custom<GuardOptions>((value) => typeof value === 'object' && value !== null, 'must be an object'),
    ),
    deadlineMs: z.optional(z.int().check(z.gte(1000), z.lte(60_000))),
    attemptTimeoutMs: z.optional(z.int().check(z.gte(100), z.lte(60_000))),
    limits: z.optional(
      z.union([
        z.boolean(),
        z.custom<VelocityLimits>((value) => typeof value === 'object' && value !== null, 'must be an object'),
      ]),
    ),
    health: z.optional(
      z.union([
        z.boolean(),
        z.custom<HealthOptions>((value) => typeof value === 'object' && value !== null, 'must be an object'),
      ]),
    ),
    store: z.optional(storeOption()),
    storeKey: z.optional(z.string()),
  });
});
