import { hash } from 'node:crypto';
import type { Auth0Cache } from '../auth0/auth0-types.js';
import { forgetTable, readTable, type Table, tableText, wroteTable } from './auth0-cache-table.js';
import { createMemoryStore, type Store, type StoreHit } from './store.js';
import { storeKeyPrefix } from './store-keys.js';

// Auth0's api.cache: 20 entries per trigger, keys ≤ 64 bytes, values ≤ 4 kB, keys and values 8 kB in
// all, 24 h at most, entries may vanish; what a full cache does with a new key is not documented
// (https://auth0.com/docs/customize/actions/limitations). So every counter and deduplication entry
// lives in at most two table entries of under 4 kB each, and the container's memory counts too.
const tableKeys = ['mfa-sms:t0', 'mfa-sms:t1'] as const;
const auth0MaxTtlMs = 86_400_000;
// A deduplication value longer than this stays in memory only: the table is for counters.
const tableValueLength = 96;
const idLength = 10;

// A base64url character (`[\w-]`), tested by code: a regular expression's match array per key cost
// more than the rest of the lookup.
function isIdCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 45 ||
    code === 95
  );
}

/** `mfa-sms:<kind>:<hash>` → kind and 10 characters of the hash; any other key → a hash of it. */
function idOf(key: string): string {
  const kind = key.charCodeAt(storeKeyPrefix.length);
  let shaped =
    key.length >= storeKeyPrefix.length + 2 + idLength &&
    key.startsWith(storeKeyPrefix) &&
    kind >= 97 &&
    kind <= 122 &&
    key.charCodeAt(storeKeyPrefix.length + 1) === 58;
  const start = storeKeyPrefix.length + 2;
  for (let index = start; shaped && index < start + idLength; index += 1)
    shaped = isIdCharacter(key.charCodeAt(index));
  return shaped
    ? `${key[storeKeyPrefix.length]}${key.slice(start, start + idLength)}`
    : `x${hash('sha256', key, 'base64url').slice(0, idLength)}`;
}

const shardOf = (id: string) => (id.charCodeAt(id.length - 1) % tableKeys.length) as 0 | 1;

export interface Auth0CacheStoreOptions {
  /**
   * The container's memory, shared by the executions of one container (module scope in an Action):
   * counts go there too, so a write api.cache refuses, evicts or loses never resets a count.
   * `createActionHandlers` passes its own; default a memory of this store alone.
   */
  memory?: Store;
  /** Told once per memory that api.cache is full. Default `console.log`. */
  log?: (line: string) => void;
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number;
}

const warned = new WeakSet<Store>();

/**
 * Auth0's `api.cache` as a store: inside Auth0, so it needs no key, but best effort only. Every
 * counter and deduplication entry lives in two cache entries of under 4 kB (a table), so 20 entries
 * and 8 kB never refuse a new number; when the table is full the lowest counts leave it first. The
 * container's memory counts as well and a count is the higher of the two, so a refused, evicted or
 * lost write never lets a count start again at zero; that is logged once, naming Redis as the
 * store for production traffic. Across containers counts are shared only as far as the table holds
 * them, and a read-then-write is not atomic: concurrent executions in several containers undercount.
 */
export function createAuth0CacheStore(cache: Auth0Cache, options: Auth0CacheStoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  const memory = options.memory ?? createMemoryStore({ now });
  const log = options.log ?? console.log;

  function warn(reason: string): void {
    if (warned.has(memory)) return;
    warned.add(memory);
    try {
      log(
        `mfa-sms store=auth0-cache api.cache is full (${reason}): counting in this container's memory as well; a Redis store (MFA_SMS_REDIS_URL, createRedisStore) is the one for production traffic`,
      );
    } catch {
      // A broken logger must not cost a count.
    }
  }

  /** The table of a shard, or `undefined` when the cache cannot be read. */
  function read(shard: 0 | 1): Table | undefined {
    try {
      const entry = cache.get(tableKeys[shard]);
      return readTable(tableKeys[shard], entry === undefined || entry === null ? undefined : entry.value);
    } catch {
      return undefined;
    }
  }

  function write(shard: 0 | 1, table: Table, fresh: string | ReadonlySet<string>, at: number): void {
    const name = tableKeys[shard];
    const { text, dropped, expires } = tableText(table, fresh, at);
    if (dropped > 0) warn(`${dropped} counters over 8 kB`);
    try {
      const answer = text === '' ? cache.delete(name) : cache.set(name, text, { expires_at: expires });
      if (answer === undefined || answer === null || answer.type !== 'error') {
        wroteTable(name, text, table);
        return;
      }
      const code = String(answer.code);
      warn(`a write answered ${/^[A-Za-z0-9_]{1,40}$/.test(code) ? code : 'an error'}`);
    } catch {
      warn('a write failed');
    }
    forgetTable(name);
  }

  return {
    name: 'auth0-cache',
    shared: false,
    increment(hits: readonly StoreHit[]) {
      const at = now();
      let remembered: readonly number[] = [];
      try {
        const counted = memory.increment(hits);
        if (Array.isArray(counted)) remembered = counted;
      } catch {
        // The cache still counts.
      }
      const tables = new Map<0 | 1, Table>();
      const fresh = new Set<string>();
      const counts: number[] = [];
      let lost = false;
      for (let index = 0; index < hits.length; index += 1) {
        const hit = hits[index] as StoreHit;
        const id = idOf(hit.key);
        const shard = shardOf(id);
        let table = tables.get(shard);
        if (table === undefined) {
          const readable = read(shard);
          // Neither the cache nor the memory answered: "could not count".
          if (readable === undefined && remembered.length !== hits.length) return [];
          table = readable === undefined ? new Map() : readable;
          tables.set(shard, table);
        }
        const found = table.get(id);
        const current = found !== undefined && found.expires > at ? found : undefined;
        const cached = (current === undefined ? 0 : current.count) + 1;
        const mine = index < remembered.length ? (remembered[index] as number) : 0;
        if (mine > cached) lost = true;
        const count = Math.max(cached, mine);
        const expires = current === undefined ? at + Math.min(hit.windowMs, auth0MaxTtlMs) : current.expires;
        table.set(id, { count, value: undefined, expires });
        fresh.add(id);
        counts.push(count);
      }
      for (const [shard, table] of tables) write(shard, table, fresh, at);
      if (lost) warn('counts were lost');
      return counts;
    },
    get(key) {
      const id = idOf(key);
      const table = read(shardOf(id));
      const found = table === undefined ? undefined : table.get(id);
      if (found !== undefined && found.value !== undefined && found.expires > now()) return found.value;
      try {
        const remembered = memory.get(key);
        return typeof remembered === 'string' ? remembered : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value, ttlMs) {
      try {
        void memory.set(key, value, ttlMs);
      } catch {
        // The cache still remembers.
      }
      if (value.length > tableValueLength) return;
      const at = now();
      const id = idOf(key);
      const shard = shardOf(id);
      const readable = read(shard);
      const table = readable === undefined ? new Map() : readable;
      table.set(id, { count: 0, value, expires: at + Math.min(ttlMs, auth0MaxTtlMs) });
      write(shard, table, id, at);
    },
  };
}
