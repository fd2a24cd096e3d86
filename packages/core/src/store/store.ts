import * as z from 'zod/mini';

/** One counter to add to: its key and the length of the window it counts in. */
export interface StoreHit {
  key: string;
  windowMs: number;
}

/**
 * Where velocity counts and deduplication entries live. Keys reach a store already hashed
 * (see `storeKey`); a store never sees a phone number or a one-time code.
 *
 * Every method may answer synchronously (memory, `api.cache`) or with a promise (Redis). A store
 * that cannot answer must not throw: counts come back empty and lookups `undefined`, so that a
 * store that is down never blocks a login (it only stops counting, which the store logs).
 */
export interface Store {
  /** `memory`, `auth0-cache`, `redis`: for log lines and errors. */
  readonly name: string;
  /**
   * True when keys leave the process and Auth0 (Redis): such a store is only accepted with a
   * `storeKey`, so that its keys are keyed hashes nobody can reverse by trying every number.
   */
  readonly shared: boolean;
  /**
   * Adds one to each counter and answers the counts after the addition, in order. A counter that
   * did not exist starts a window of `windowMs` that no later addition extends (a fixed window
   * anchored at its first send). An empty array means "could not count".
   */
  increment(hits: readonly StoreHit[]): readonly number[] | Promise<readonly number[]>;
  /** The value stored under `key`, or `undefined` (absent, expired, or the store failed). */
  get(key: string): string | undefined | Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlMs`; failures are swallowed (and logged by the store). */
  set(key: string, value: string, ttlMs: number): void | Promise<void>;
}

/** The option schema of a store, shared by the router and the Action handlers (checked by shape). */
export function storeOption() {
  return z.custom<Store>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Store).increment === 'function' &&
      typeof (value as Store).get === 'function' &&
      typeof (value as Store).set === 'function',
    'must be a store (createMemoryStore, createAuth0CacheStore, createRedisStore)',
  );
}

interface MemoryEntry {
  count: number;
  value: string | undefined;
  expires: number;
}

export interface MemoryStoreOptions {
  /** Entries kept at most; the oldest go first. Default 10 000 (about 1 MB). */
  maxEntries?: number;
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/**
 * Counts and deduplication entries in this process's memory: right for one long-lived process,
 * and the default outside Auth0. Each Auth0 container would count on its own, so a tenant with
 * real traffic wants a shared store (Redis) instead.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, MemoryEntry>();

  function live(key: string, at: number): MemoryEntry | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires > at) return entry;
    entries.delete(key);
    return undefined;
  }

  // Insertion order is age order: dropping from the front bounds memory in a warm process. A tenth
  // at a time, in one walk: a fresh keys() iterator per eviction walks over every entry deleted
  // before it (V8 keeps them until the table is rebuilt), which made each send far slower.
  const batch = Math.max(1, Math.floor(maxEntries / 10));
  function insert(key: string, entry: MemoryEntry): void {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size <= maxEntries) return;
    let dropped = 0;
    for (const oldest of entries.keys()) {
      entries.delete(oldest);
      dropped += 1;
      if (dropped >= batch) break;
    }
  }

  return {
    name: 'memory',
    shared: false,
    increment(hits) {
      const at = now();
      const counts: number[] = [];
      for (const hit of hits) {
        const entry = live(hit.key, at);
        if (entry) {
          entry.count += 1;
          counts.push(entry.count);
        } else {
          insert(hit.key, { count: 1, value: undefined, expires: at + hit.windowMs });
          counts.push(1);
        }
      }
      return counts;
    },
    get(key) {
      const entry = live(key, now());
      return entry === undefined ? undefined : entry.value;
    },
    set(key, value, ttlMs) {
      insert(key, { count: 0, value, expires: now() + ttlMs });
    },
  };
}
