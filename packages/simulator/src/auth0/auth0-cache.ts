import type { Auth0Cache, Auth0CacheResult } from '@mfa-sms/core';

// Auth0's documented limits of api.cache, stated here from Auth0's own pages (this runtime is an
// oracle for the code under test and borrows nothing from it):
// https://auth0.com/docs/customize/actions/limitations ("Cached data": 24 hours at most, 20 entries
// per trigger, keys of 64 bytes, values of 4 KB, keys and values 8 KB in all) and the api object of
// each trigger (`get` answers `{ value, expires_at }`; a default lifetime of 15 minutes; with both
// `ttl` and `expires_at` the earlier end applies; `{ type: 'error', code }` for a failed write), e.g.
// https://auth0.com/docs/customize/phone-messages/configure-phone-messaging-providers/configure-a-custom-phone-provider/action-triggers-custom-phone-provider-api-object
// The error codes are this fake's own: Auth0 documents that a code is there, not its values.
export const auth0CacheLimits = Object.freeze({
  entries: 20,
  keyBytes: 64,
  valueBytes: 4096,
  totalBytes: 8192,
  defaultTtlMs: 15 * 60_000,
  maxTtlMs: 24 * 3_600_000,
});

/**
 * What a full cache does with a new entry. Auth0 does not document it, so a test runs both:
 * `refuse` answers `{ type: 'error' }`, `evict-oldest` drops the entries written longest ago.
 */
export type WhenFull = 'refuse' | 'evict-oldest';

export interface FakeAuth0CacheOptions {
  /** Default `refuse`. */
  whenFull?: WhenFull;
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** One entry as `get` answers it: Auth0 gives the value and when it expires (epoch ms). */
export interface FakeAuth0CacheRecord {
  value: string;
  expires_at: number;
}

/** `api.cache`, plus what a test wants to see and do that Auth0 does not offer. */
export interface FakeAuth0Cache extends Auth0Cache {
  get(key: string): FakeAuth0CacheRecord | undefined;
  /** The live entries, oldest write first. */
  entries(): Map<string, string>;
  /** Bytes of keys and values held, as Auth0 counts them against 8 kB. */
  readonly bytes: number;
  /** Writes refused and entries evicted so far, for assertions. */
  readonly refused: number;
  readonly evicted: number;
  /** Entries "may vanish" (Auth0): drops one, or all without a key. */
  forget(key?: string): void;
}

const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');
const fail = (code: string): Auth0CacheResult => ({ type: 'error', code });

/** A fake `api.cache` holding Auth0's documented limits. One per trigger, shared by its executions. */
export function createFakeAuth0Cache(options: FakeAuth0CacheOptions = {}): FakeAuth0Cache {
  const whenFull = options.whenFull ?? 'refuse';
  const now = options.now ?? Date.now;
  // Insertion order is write order: a write moves its key to the end.
  const store = new Map<string, FakeAuth0CacheRecord>();
  let refused = 0;
  let evicted = 0;

  const sizeOf = (key: string, record: FakeAuth0CacheRecord) => bytesOf(key) + bytesOf(record.value);
  function sweep(): void {
    const at = now();
    for (const [key, record] of store) if (record.expires_at <= at) store.delete(key);
  }
  function total(): number {
    let sum = 0;
    for (const [key, record] of store) sum += sizeOf(key, record);
    return sum;
  }

  return {
    get(key) {
      if (typeof key !== 'string') return undefined;
      sweep();
      const record = store.get(key);
      return record ? { value: record.value, expires_at: record.expires_at } : undefined;
    },
    set(key, value, setOptions = {}) {
      if (typeof key !== 'string' || key.length === 0) return fail('INVALID_KEY');
      if (bytesOf(key) > auth0CacheLimits.keyBytes) return fail('KEY_TOO_LARGE');
      if (typeof value !== 'string') return fail('INVALID_VALUE');
      if (bytesOf(value) > auth0CacheLimits.valueBytes) return fail('VALUE_TOO_LARGE');
      const { ttl, expires_at } = setOptions ?? {};
      if (expires_at !== undefined && !Number.isFinite(expires_at)) return fail('INVALID_OPTIONS');
      if (ttl !== undefined && (!Number.isFinite(ttl) || ttl < 0)) return fail('INVALID_OPTIONS');
      const at = now();
      const ends = [at + auth0CacheLimits.maxTtlMs];
      if (expires_at !== undefined) ends.push(expires_at);
      if (ttl !== undefined) ends.push(at + ttl);
      if (expires_at === undefined && ttl === undefined) ends.push(at + auth0CacheLimits.defaultTtlMs);
      const expires = Math.min(...ends);
      sweep();
      const record = { value, expires_at: expires };
      const previous = store.get(key);
      if (whenFull === 'refuse') {
        if (!previous && store.size >= auth0CacheLimits.entries) {
          refused += 1;
          return fail('TOO_MANY_ENTRIES');
        }
        const others = total() - (previous ? sizeOf(key, previous) : 0);
        if (others + sizeOf(key, record) > auth0CacheLimits.totalBytes) {
          refused += 1;
          return fail('CACHE_FULL');
        }
      } else {
        store.delete(key);
        while (
          store.size > 0 &&
          (store.size >= auth0CacheLimits.entries ||
            total() + sizeOf(key, record) > auth0CacheLimits.totalBytes)
        ) {
          store.delete(store.keys().next().value as string);
          evicted += 1;
        }
      }
      store.delete(key);
      store.set(key, record);
      return { type: 'success' };
    },
    delete(key) {
      store.delete(key);
      return { type: 'success' };
    },
    entries() {
      sweep();
      return new Map([...store].map(([key, record]) => [key, record.value]));
    },
    get bytes() {
      sweep();
      return total();
    },
    get refused() {
      return refused;
    },
    get evicted() {
      return evicted;
    },
    forget(key) {
      if (key === undefined) store.clear();
      else store.delete(key);
    },
  };
}
