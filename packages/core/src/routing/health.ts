import type { MfaSmsError, MfaSmsErrorCode } from '../errors/errors.js';
import type { Store } from '../store/store.js';
import type { StoreKeyer } from '../store/store-keys.js';
import { type HealthOptions, resolveHealth } from './health-options.js';

export { defaultHealth, type HealthOptions, parseHealth, resolveHealth } from './health-options.js';

// What a failure says about a provider's health: only answers that mean "not now" count. A
// permanent error (a bad number, bad credentials) would fail on every provider alike.
const healthNouns: Partial<Record<MfaSmsErrorCode, string>> = {
  timeout: 'timeouts',
  network: 'network errors',
  provider_unavailable: 'unavailable answers',
  rate_limited: 'rate limits',
};

// The longest rest a Retry-After can ask for: a provider's header is not trusted to switch it off for a day.
const maximumRetryAfterMs = 3_600_000;

interface Rest {
  /** Wall-clock end of the rest (ms since the epoch: every container shares it). */
  until: number;
  reason: string;
}

/** What one store read told about the providers; handed back to `failed` and `succeeded`. */
export interface HealthView {
  readonly rests: Readonly<Record<string, Rest>>;
  /** Providers tried this send in place although their rest had just ended. */
  readonly probing: Set<string>;
}

/** Where a provider stands for this send. */
export interface Arrangement<P> {
  ordered: P[];
  /** Providers moved back, and why (`3 timeouts in 30 s`). */
  resting: Map<string, string>;
}

export interface ProviderHealth {
  /** One store read; a store that fails or is slow means "no health information". */
  read(store: Store, waitMs: number): Promise<HealthView>;
  /** The candidates with resting providers last, each group in the configured order. */
  arrange<P extends { readonly name: string }>(
    candidates: readonly P[],
    view: HealthView,
    store: Store,
    waitMs: number,
  ): Promise<Arrangement<P>>;
  /** Counts a failed attempt; puts the provider to rest when it is one too many. */
  failed(store: Store, view: HealthView, provider: string, error: MfaSmsError, waitMs: number): Promise<void>;
  /** A probe that went through ends the provider's rest for every container. */
  succeeded(store: Store, view: HealthView, provider: string, waitMs: number): Promise<void>;
}

/** Whether any provider rests or rested lately: without one, there is nothing to arrange. */
export function hasRests(view: HealthView): boolean {
  for (const _ in view.rests) return true;
  return false;
}

const emptyView = (): HealthView => ({ rests: {}, probing: new Set() });
const none: readonly number[] = [];

/**
 * Asks a store and waits for its answer at most `ms`: health is advice, and a store that throws
 * or hangs must neither fail a login nor eat the router's deadline. A synchronous store (memory,
 * api.cache) answers without a timer or a promise of ours.
 */
function ask<T>(call: () => T | Promise<T>, ms: number, fallback: T): T | Promise<T> {
  let pending: T | Promise<T>;
  try {
    pending = call();
  } catch {
    return fallback;
  }
  if (!(pending instanceof Promise)) return pending;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    pending.catch(() => fallback),
    new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback), Math.max(0, ms));
    }),
  ]).finally(() => clearTimeout(timer));
}

function parseRests(value: string | undefined): Record<string, Rest> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const rests: Record<string, Rest> = Object.create(null);
    for (const [name, rest] of Object.entries(parsed as Record<string, unknown>)) {
      const { until, reason } = (rest ?? {}) as Partial<Rest>;
      if (typeof until === 'number' && Number.isFinite(until) && typeof reason === 'string') {
        rests[name] = { until, reason: reason.slice(0, 120) };
      }
    }
    return rests;
  } catch {
    return {};
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

export interface ProviderHealthOptions extends HealthOptions {
  /** The names of the router's providers: the one entry that holds their rests is keyed by them. */
  providers: readonly string[];
  keyer: StoreKeyer;
  /**
   * The longest one send can take (the router's deadline). A probe's claim, and the rest it
   * answers for, are held at least that long: with a cooldown shorter than a hanging probe, a
   * second probe, or every send, would otherwise try the provider before the first had answered.
   */
  probeMs?: number;
  /** Wall clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/**
 * Provider health kept in a store, so that every container sharing it (Redis) learns from the
 * first one's failures. One entry holds every resting provider of this router (read once per
 * send); failures are counted with the store's atomic counters, one window per provider.
 */
export function createProviderHealth(options: ProviderHealthOptions): ProviderHealth {
  const { failures, windowMs, cooldownMs } = resolveHealth({
    failures: options.failures,
    windowMs: options.windowMs,
    cooldownMs: options.cooldownMs,
  });
  const now = options.now ?? Date.now;
  const keyer = options.keyer;
  const holdMs = Math.max(cooldownMs, options.probeMs ?? 0);
  const restsKey = keyer('health', options.providers.join(','));

  async function write(store: Store, view: HealthView, waitMs: number): Promise<void> {
    const at = now();
    // A rest is remembered after it ends for as long as its probe may take, so that a failed
    // probe rests again at once and nobody else tries the provider meanwhile.
    const kept: Record<string, Rest> = {};
    let last = 0;
    for (const [name, rest] of Object.entries(view.rests)) {
      if (rest.until + holdMs <= at) continue;
      kept[name] = rest;
      last = Math.max(last, rest.until + holdMs);
    }
    const ttlMs = Math.max(1000, last - at);
    await ask(() => store.set(restsKey, JSON.stringify(kept), ttlMs), waitMs, undefined);
  }

  function rest(view: HealthView, provider: string, until: number, reason: string): void {
    const rests = view.rests as Record<string, Rest>;
    rests[provider] = { until, reason };
    view.probing.delete(provider);
  }

  return {
    async read(store, waitMs) {
      const value = await ask(() => store.get(restsKey), waitMs, undefined);
      return value === undefined ? emptyView() : { rests: parseRests(value), probing: new Set() };
    },

    async arrange(candidates, view, store, waitMs) {
      const resting = new Map<string, string>();
      const at = now();
      const ahead: (typeof candidates)[number][] = [];
      const behind: (typeof candidates)[number][] = [];
      for (const candidate of candidates) {
        const entry = view.rests[candidate.name];
        if (entry === undefined) {
          ahead.push(candidate);
        } else if (entry.until > at) {
          resting.set(candidate.name, entry.reason);
          behind.push(candidate);
        } else {
          // The rest is over: one send (across every container sharing the store) tries it in
          // its place; the others keep it last until that probe has answered.
          const probeKey = keyer('health-probe', `${candidate.name}:${entry.until}`);
          const claim = await ask(() => store.increment([{ key: probeKey, windowMs: holdMs }]), waitMs, none);
          if (claim.length === 0 || claim[0] === 1) {
            view.probing.add(candidate.name);
            ahead.push(candidate);
          } else {
            resting.set(candidate.name, `${entry.reason}; another send is probing it`);
            behind.push(candidate);
          }
        }
      }
      // When every provider rests, the configured order stands.
      return { ordered: ahead.length === 0 ? [...candidates] : ahead.concat(behind), resting };
    },

    async failed(store, view, provider, error, waitMs) {
      const noun = healthNouns[error.code];
      if (noun === undefined || !error.retryable) return;
      const at = now();
      if (view.probing.has(provider)) {
        rest(view, provider, at + cooldownMs, `probe failed (${error.code}) after a rest`);
        await write(store, view, waitMs);
        return;
      }
      const hits = [
        { key: keyer('health-fail', provider), windowMs },
        { key: keyer('health-fail', `${provider}:${error.code}`), windowMs },
      ];
      const counts = await ask(() => store.increment(hits), waitMs, none);
      const total = counts[0] ?? 0;
      const ofThisKind = counts[1] ?? 0;
      const retryAfterMs =
        error.code === 'rate_limited' && error.retryAfterMs !== undefined
          ? Math.min(error.retryAfterMs, maximumRetryAfterMs)
          : 0;
      const tooMany = total >= failures;
      if (!tooMany && retryAfterMs === 0) return;
      const existing = view.rests[provider];
      const until = Math.max(at + (tooMany ? cooldownMs : 0), at + retryAfterMs, existing?.until ?? 0);
      const reason = tooMany
        ? ofThisKind === total
          ? `${total} ${noun} in ${seconds(windowMs)}`
          : `${total} failures in ${seconds(windowMs)} (last: ${error.code})`
        : `rate limited, Retry-After ${seconds(retryAfterMs)}`;
      rest(view, provider, until, reason);
      await write(store, view, waitMs);
    },

    async succeeded(store, view, provider, waitMs) {
      if (!view.probing.has(provider) && view.rests[provider] === undefined) return;
      view.probing.delete(provider);
      delete (view.rests as Record<string, Rest>)[provider];
      await write(store, view, waitMs);
    },
  };
}
