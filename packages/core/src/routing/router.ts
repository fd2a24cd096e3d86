import * as z from 'zod/mini';
import { lazySchema, parseOptions, providerOption } from '../contract/options.js';
import type { Channel, PhoneMessage, Provider, SendOptions, SendResult } from '../contract/types.js';
import { isMfaSmsError, MfaSmsError, type SendAttempt } from '../errors/errors.js';
import { numberOf } from '../phone/message-number.js';
import { createMemoryStore, type Store, storeOption } from '../store/store.js';
import { storeKeyerFor } from '../store/store-keys.js';
import { createGuard, type GuardOptions } from './guard.js';
import {
  createProviderHealth,
  type HealthOptions,
  type HealthView,
  hasRests,
  type ProviderHealth,
} from './health.js';
import { createVelocityLimiter, type VelocityLimits } from './limits.js';
import { attempt, attemptBudget, unexpected } from './router-attempt.js';
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

const defaultDeadlineMs = 15_000;
// An attempt with less time than this would only add a timeout to the error list.
const minimumAttemptMs = 200;
// The longest a health read or write may hold a send up: health is advice, the send is the point.
const healthWaitMs = 250;

const optionsSchema = lazySchema(() => {
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

function now(): number {
  return performance.now();
}

/**
 * Composes providers into one: routes by the recipient's country, skips providers without the
 * channel, fails over only on retryable errors and never outlives its deadline: each attempt
 * ends at its budget whether or not the provider honours `timeoutMs` or the signal (a hanging
 * attempt is a retryable `timeout`, and whatever the provider answers afterwards is ignored).
 */
export function createRouter(options: RouterOptions): Router {
  const parsed = parseOptions(optionsSchema, options, { label: 'Router' });
  const providers = parsed.providers;
  const byName = new Map<string, Provider>();
  for (const provider of providers) {
    if (byName.has(provider.name)) {
      throw new MfaSmsError({
        code: 'invalid_config',
        message: `Router option "providers" names "${provider.name}" twice`,
      });
    }
    byName.set(provider.name, provider);
  }
  const routes = new Map<string, Provider[]>();
  for (const [country, names] of Object.entries(parsed.routes ?? {})) {
    const list = names.map((name) => {
      const provider = byName.get(name);
      if (!provider) {
        const known = [...byName.keys()].join(', ');
        throw new MfaSmsError({
          code: 'invalid_config',
          message: `Router option "routes.${country}" names provider "${name}", which is not among the providers (${known})`,
        });
      }
      return provider;
    });
    routes.set(country.toUpperCase(), list);
  }
  const guard = parsed.guard ? createGuard(parsed.guard) : createGuard({});
  const store = parsed.store ?? createMemoryStore();
  const limiter = parsed.limits
    ? createVelocityLimiter({
        limits: parsed.limits === true ? {} : parsed.limits,
        store,
        storeKey: parsed.storeKey,
      })
    : undefined;
  const deadlineMs = parsed.deadlineMs ?? defaultDeadlineMs;
  const health: ProviderHealth | undefined = parsed.health
    ? createProviderHealth({
        ...(parsed.health === true ? {} : parsed.health),
        providers: providers.map((provider) => provider.name),
        keyer: storeKeyerFor(store, parsed.storeKey),
        probeMs: deadlineMs,
      })
    : undefined;
  const attemptTimeoutMs = parsed.attemptTimeoutMs;
  const channels: Channel[] = (['sms', 'voice'] as const).filter((channel) =>
    providers.some((provider) => provider.channels.includes(channel)),
  );

  function routed(message: Pick<PhoneMessage, 'to' | 'channel'>): Provider[] {
    let ordered: readonly Provider[] = providers;
    if (routes.size > 0) {
      const country = numberOf(message).country;
      ordered = (country !== undefined ? routes.get(country) : undefined) ?? routes.get('*') ?? providers;
    }
    return ordered.filter((provider) => provider.channels.includes(message.channel));
  }

  function plan(message: Pick<PhoneMessage, 'to' | 'channel' | 'from'>): Provider[] {
    return routed(message).filter((provider) => provider.cannotSend?.(message) === undefined);
  }

  function check(message: Pick<PhoneMessage, 'to' | 'channel' | 'from'>): Provider[] {
    guard(message);
    const offering = routed(message);
    if (offering.length === 0) {
      const any = providers.some((provider) => provider.channels.includes(message.channel));
      throw new MfaSmsError({
        code: 'unsupported_channel',
        message: any
          ? `No provider routed for this destination offers ${message.channel}`
          : `No configured provider offers ${message.channel}`,
      });
    }
    // A provider without a sender for this destination is passed over; with none left, the
    // first one's reason names the option and the country to fix.
    const candidates: Provider[] = [];
    let problem: MfaSmsError | undefined;
    for (const provider of offering) {
      const reason = provider.cannotSend?.(message);
      if (reason === undefined) candidates.push(provider);
      else problem ??= reason;
    }
    if (candidates.length === 0 && problem) throw problem;
    return candidates;
  }

  async function send(message: PhoneMessage, sendOptions: RouterSendOptions = {}): Promise<RoutedSendResult> {
    const started = now();
    const deadline = started + Math.min(deadlineMs, sendOptions.timeoutMs ?? deadlineMs);
    const signal = sendOptions.signal;
    signal?.throwIfAborted();
    const candidates = (sendOptions as CheckedSendOptions)[checkedProviders] ?? check(message);
    // Counted only for messages the guard lets through, and before any request.
    if (limiter) await limiter.admit(message, sendOptions.store);
    const attempts: SendAttempt[] = [];
    // Health reorders only where there is a choice; with one candidate it is tried whatever its health.
    const healthStore = health && candidates.length > 1 ? (sendOptions.store ?? store) : undefined;
    let view: HealthView | undefined;
    let ordered: readonly Provider[] = candidates;
    if (health && healthStore) {
      const wait = () => Math.min(healthWaitMs, deadline - now() - minimumAttemptMs);
      view = await health.read(healthStore, wait());
      // The common case, nobody resting, costs the read alone.
      if (hasRests(view)) {
        const arrangement = await health.arrange(candidates, view, healthStore, wait());
        ordered = arrangement.ordered;
        for (const [provider, reason] of arrangement.resting) {
          attempts.push({ provider, code: 'resting', retryable: true, ms: 0, reason });
        }
      }
    }
    let lastError: MfaSmsError | undefined;
    for (let index = 0; index < ordered.length; index += 1) {
      const provider = ordered[index] as Provider;
      const remaining = deadline - now();
      if (remaining < minimumAttemptMs) break;
      const timeoutMs = attemptBudget(remaining, ordered.length - index, attemptTimeoutMs);
      const attemptStarted = now();
      try {
        const result = await attempt(provider, message, timeoutMs, signal);
        attempts.push({
          provider: provider.name,
          code: 'ok',
          retryable: false,
          ms: Math.round(now() - attemptStarted),
        });
        if (view && healthStore) {
          await health?.succeeded(healthStore, view, provider.name, Math.min(healthWaitMs, deadline - now()));
        }
        // Not { ...result, attempts }: V8 gave each such clone-and-extend a fresh hidden class
        // of its own, which under load filled the old generation (bench/BUDGET-NOTES.md, budget 5).
        return Object.assign({}, result, { attempts });
      } catch (caught) {
        if (signal?.aborted) throw signal.reason;
        const error = isMfaSmsError(caught) ? caught : unexpected(provider.name, caught);
        attempts.push({
          provider: provider.name,
          code: error.code,
          retryable: error.retryable,
          ms: Math.round(now() - attemptStarted),
        });
        lastError = error;
        if (!error.retryable) break;
        if (view && healthStore) {
          await health?.failed(
            healthStore,
            view,
            provider.name,
            error,
            Math.min(healthWaitMs, deadline - now()),
          );
        }
      }
    }
    if (!lastError) {
      throw new MfaSmsError({
        code: 'timeout',
        message: `The router's deadline of ${deadlineMs} ms left no time for an attempt`,
        attempts,
      });
    }
    lastError.attempts = attempts;
    throw lastError;
  }

  return { name: 'router', channels, send, plan, check };
}
