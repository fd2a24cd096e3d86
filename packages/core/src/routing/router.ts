import { parseOptions } from '../contract/options.js';
import type { Channel, PhoneMessage, Provider } from '../contract/types.js';
import { isMfaSmsError, MfaSmsError, type SendAttempt } from '../errors/errors.js';
import { numberOf } from '../phone/message-number.js';
import { createMemoryStore } from '../store/store.js';
import { storeKeyerFor } from '../store/store-keys.js';
import { createGuard } from './guard.js';
import { createProviderHealth, type HealthView, hasRests, type ProviderHealth } from './health.js';
import { createVelocityLimiter } from './limits.js';
import { attempt, attemptBudget, unexpected } from './router-attempt.js';
import {
  type CheckedSendOptions,
  checkedProviders,
  defaultDeadlineMs,
  type RoutedSendResult,
  type Router,
  type RouterOptions,
  type RouterSendOptions,
  routerOptionsSchema,
} from './router-options.js';

// An attempt with less time than this would only add a timeout to the error list.
const minimumAttemptMs = 200;
// The longest a health read or write may hold a send up: health is advice, the send is the point.
const healthWaitMs = 250;

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
  const parsed = parseOptions(routerOptionsSchema, options, { label: 'Router' });
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
