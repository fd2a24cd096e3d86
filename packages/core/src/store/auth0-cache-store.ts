import { hash } from 'node:crypto';
import type { Auth0Cache } from '../auth0/auth0-types.js';
import { createMemoryStore, type Store, type StoreHit } from './store.js';

// Auth0's api.cache: 20 entries per trigger, keys ≤ 64 bytes, values ≤ 4 kB, keys and values 8 kB in
// all, 24 h at most, entries may vanish; what a full cache does with a new key is not documented
// (https://auth0.com/docs/customize/actions/limitations). So every counter and deduplication entry
// lives in at most two table entries of under 4 kB each, and the container's memory counts too.
const tableKeys = ['mfa-sms:t0', 'mfa-sms:t1'] as const;
const tableBytes = 3800;
const auth0MaxTtlMs = 86_400_000;
// A deduplication value longer than this stays in memory only: the table is for counters.
const tableValueLength = 96;

// A record: `<id>:<count>:<expiry>` for a counter, `<id>=<value>:<expiry>` for a stored value, where
// id is the key's kind and 10 characters of its hash (60 bits), expiry in seconds, base 36.
const counterRecord = /^([a-z][\w-]{10}):(\d{1,9}):([0-9a-z]{1,8})$/;
const valueRecord = /^([a-z][\w-]{10})=([^:,]*):([0-9a-z]{1,8})$/;
const storeKeyShape = /^mfa-sms:([a-z]):([\w-]{10})/;

interface TableRecord {
  count: number;
  value: string | undefined;
  expires: number;
}

type Table = Map<string, TableRecord>;

function idOf(key: string): string {
  const match = storeKeyShape.exec(key);
  return match ? `${match[1]}${match[2]}` : `x${hash('sha256', key, 'base64url').slice(0, 10)}`;
}

const shardOf = (id: string) => (id.charCodeAt(id.length - 1) % tableKeys.length) as 0 | 1;

function parse(text: unknown, at: number): Table {
  const table: Table = new Map();
  if (typeof text !== 'string') return table;
  for (const part of text.split(',')) {
    const counter = counterRecord.exec(part);
    const stored = counter ? undefined : valueRecord.exec(part);
    const match = counter ?? stored;
    if (!match) continue;
    const expires = Number.parseInt(match[3] as string, 36) * 1000;
    if (!(expires > at)) continue;
    let value: string | undefined;
    if (stored) {
      try {
        value = decodeURIComponent(stored[2] as string);
      } catch {
        continue;
      }
    }
    table.set(match[1] as string, { count: counter ? Number(counter[2]) : 0, value, expires });
  }
  return table;
}

function recordText(id: string, record: TableRecord): string {
  const expiry = Math.ceil(record.expires / 1000).toString(36);
  return record.value === undefined
    ? `${id}:${record.count}:${expiry}`
    : `${id}=${encodeURIComponent(record.value)}:${expiry}`;
}

/**
 * Serialises a table within `tableBytes`, dropping the records that matter least (never one this
 * execution just wrote, `fresh`); answers how many went.
 */
function serialise(
  table: Table,
  fresh: ReadonlySet<string>,
): { text: string; dropped: number; expires: number } {
  const texts = new Map([...table].map(([id, record]) => [id, recordText(id, record)]));
  let length = [...texts.values()].reduce((sum, text) => sum + text.length + 1, 0);
  let dropped = 0;
  if (length > tableBytes) {
    // A counter near its limit is what stops pumping: the lowest counts, then the soonest to expire, go first.
    const order = [...table]
      .filter(([id]) => !fresh.has(id))
      .sort(([, a], [, b]) => Math.max(a.count, 1) - Math.max(b.count, 1) || a.expires - b.expires);
    for (const [id] of order) {
      if (length <= tableBytes) break;
      length -= (texts.get(id) as string).length + 1;
      texts.delete(id);
      table.delete(id);
      dropped += 1;
    }
  }
  let expires = 0;
  for (const record of table.values()) expires = Math.max(expires, record.expires);
  return { text: [...texts.values()].join(','), dropped, expires };
}

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

  function read(at: number): [Table, Table] {
    return [0, 1].map((shard) => {
      try {
        return parse(cache.get(tableKeys[shard as 0 | 1])?.value, at);
      } catch {
        return new Map();
      }
    }) as [Table, Table];
  }

  function write(tables: [Table, Table], changed: ReadonlySet<0 | 1>, fresh: ReadonlySet<string>): void {
    for (const shard of changed) {
      const { text, dropped, expires } = serialise(tables[shard], fresh);
      if (dropped > 0) warn(`${dropped} counters over 8 kB`);
      try {
        const answer =
          text === ''
            ? cache.delete(tableKeys[shard])
            : cache.set(tableKeys[shard], text, { expires_at: expires });
        if (answer?.type === 'error')
          warn(
            `a write answered ${/^[A-Za-z0-9_]{1,40}$/.test(String(answer.code)) ? answer.code : 'an error'}`,
          );
      } catch {
        warn('a write failed');
      }
    }
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
      const tables = read(at);
      const changed = new Set<0 | 1>();
      const fresh = new Set<string>();
      const counts: number[] = [];
      let lost = false;
      for (const [index, hit] of hits.entries()) {
        const id = idOf(hit.key);
        const shard = shardOf(id);
        const current = tables[shard].get(id);
        const cached = (current?.count ?? 0) + 1;
        const mine = remembered[index] ?? 0;
        if (mine > cached) lost = true;
        const count = Math.max(cached, mine);
        const expires = current?.expires ?? at + Math.min(hit.windowMs, auth0MaxTtlMs);
        tables[shard].set(id, { count, value: undefined, expires });
        changed.add(shard);
        fresh.add(id);
        counts.push(count);
      }
      write(tables, changed, fresh);
      if (lost) warn('counts were lost');
      return counts;
    },
    get(key) {
      const id = idOf(key);
      const found = read(now())[shardOf(id)].get(id)?.value;
      if (found !== undefined) return found;
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
      const tables = read(at);
      tables[shard].set(id, { count: 0, value, expires: at + Math.min(ttlMs, auth0MaxTtlMs) });
      write(tables, new Set([shard]), new Set([id]));
    },
  };
}
