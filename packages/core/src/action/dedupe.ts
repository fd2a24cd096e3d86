import type { Auth0Cache } from '../auth0/auth0-types.js';
import type { PhoneMessage, Purpose } from '../contract/types.js';
import { createAuth0CacheStore } from '../store/auth0-cache-store.js';
import { createMemoryStore, type Store } from '../store/store.js';
import { createStoreKeyer, dedupeKind, isKeyOfKind, type StoreKeyer } from '../store/store-keys.js';

/**
 * Remembers what was sent recently so that a repeated trigger (a double-clicked "resend", an
 * Auth0 retry after a send that did go out) does not text the user twice. A store that fails
 * never blocks a send: deduplication is best effort by design.
 *
 * Synchronous when its store is (memory, `api.cache`): two async wrappers and their awaits on
 * every send bought nothing there. With Redis the answers are promises.
 */
export interface SentLedger {
  seen(key: string): boolean | Promise<boolean>;
  remember(key: string): void | Promise<void>;
}

// What a ledger stores: that the message went out. It stored the provider's message id before,
// which nothing read and which was most of each entry in api.cache's 8 kB.
const sentMark = '1';

const unkeyed = createStoreKeyer();

/**
 * The key of a message for deduplication: recipient, channel, purpose and code (or text), hashed
 * by `keyer` (an HMAC with a shared store, so that the store holds neither number nor code).
 */
export function dedupeKey(message: PhoneMessage, purpose: Purpose, keyer: StoreKeyer = unkeyed): string {
  const material = `${message.to}\u0000${message.channel}\u0000${purpose}\u0000${message.code === undefined ? message.text : message.code}`;
  return keyer(dedupeKind, material);
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof value === 'object' && value !== null && typeof (value as Promise<T>).then === 'function';
}

/** A ledger over any store; entries live `ttlMs`. */
export function storeLedger(store: Store, ttlMs: number): SentLedger {
  return {
    seen(key) {
      try {
        const value = store.get(key);
        return isPromise(value)
          ? value.then(
              (found) => found !== undefined,
              () => false,
            )
          : value !== undefined;
      } catch {
        return false;
      }
    },
    remember(key) {
      try {
        const done = store.set(key, sentMark, ttlMs);
        if (isPromise(done)) return done.catch(() => undefined);
      } catch {
        // A full or failing store only costs deduplication.
      }
      return undefined;
    },
  };
}

// A repeat comes within seconds: the last few hundred sends of a container are enough to remember.
const memoryLimit = 256;

export function memoryLedger(ttlMs: number, now: () => number = Date.now): SentLedger {
  return storeLedger(createMemoryStore({ maxEntries: memoryLimit, now }), ttlMs);
}

/**
 * The memory of one container (module scope in an Action), beside `api.cache`: counts and other
 * entries in a memory store of the default size, deduplication entries in one of their own as small
 * as `memoryLedger`'s, so that a busy container's sends never push a count out of it, and its
 * memory does not grow with each one.
 */
export function containerMemory(): Store {
  const counts = createMemoryStore();
  const sent = createMemoryStore({ maxEntries: memoryLimit });
  const memoryOf = (key: string) => (isKeyOfKind(key, dedupeKind) ? sent : counts);
  return {
    name: 'memory',
    shared: false,
    increment: (hits) => counts.increment(hits),
    get: (key) => memoryOf(key).get(key),
    set: (key, value, ttlMs) => memoryOf(key).set(key, value, ttlMs),
  };
}

/** An execution's api.cache as a store, with its deduplication ledger. */
export interface CacheStore {
  store: Store;
  ledger: SentLedger;
}

/**
 * The store over an execution's api.cache and its ledger, built again only for another cache
 * object, logger or window: a store and its closures per execution were most of what the Action
 * allocated of its own. `memory` is the container's (`containerMemory`).
 */
export function cacheStoreMemo(
  memory: Store,
): (cache: Auth0Cache, log: (line: string) => void, window: number) => CacheStore {
  let last: { cache: Auth0Cache; log: (line: string) => void; window: number; made: CacheStore } | undefined;
  return (cache, log, window) => {
    if (last === undefined || last.cache !== cache || last.log !== log || last.window !== window) {
      const store = createAuth0CacheStore(cache, { memory, log });
      last = { cache, log, window, made: { store, ledger: storeLedger(store, window) } };
    }
    return last.made;
  };
}
