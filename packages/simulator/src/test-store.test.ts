import {
  type Auth0Cache,
  createAuth0CacheStore,
  createMemoryStore,
  createRedisStore,
  type RedisStore,
} from '@mfa-sms/core';
import { afterAll, beforeAll, describe } from 'vitest';
// The Redis store's own tests start their server with the same helper: one way to run redis-server.
import {
  type RedisServer,
  redisServerPath,
  startRedisServer,
} from '../../core/src/store/redis-server.test-helper.js';
import { closedPort } from './test-helpers.js';
import { testStore } from './test-store.js';

testStore({ name: 'memory store', create: ({ now }) => createMemoryStore({ now }) });

/**
 * Auth0's api.cache on the suite's clock: an entry lives until `expires_at`, or `ttl` ms (15
 * minutes when none is given). What Auth0 does when the cache is full is the fake runtime's
 * business; each test here holds a handful of entries.
 */
function clockedCache(now: () => number): Auth0Cache & { contents(): string[] } {
  const entries = new Map<string, { value: string; expires: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry !== undefined && entry.expires <= now()) entries.delete(key);
    return entries.get(key);
  };
  return {
    get: (key) => {
      const entry = live(key);
      return entry === undefined ? undefined : { value: entry.value };
    },
    set(key, value, options = {}) {
      entries.set(key, { value, expires: options.expires_at ?? now() + (options.ttl ?? 15 * 60_000) });
      return { type: 'success' };
    },
    delete(key) {
      entries.delete(key);
      return { type: 'success' };
    },
    contents: () => [...entries].flatMap(([key, entry]) => [key, entry.value]),
  };
}

const caches = new WeakMap<object, ReturnType<typeof clockedCache>>();
const failingCache: Auth0Cache = {
  get: () => {
    throw new Error('cache down');
  },
  set: () => {
    throw new Error('cache down');
  },
  delete: () => ({ type: 'success' }),
};

testStore({
  name: 'api.cache store',
  create({ now }) {
    const cache = clockedCache(now);
    const store = createAuth0CacheStore(cache, { now });
    caches.set(store, cache);
    return store;
  },
  failing: () => createAuth0CacheStore(failingCache),
  contents: (store) => caches.get(store)?.contents() ?? [],
});

const binary = redisServerPath();

describe.skipIf(binary === undefined)('Redis store on a real redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer(binary as string);
  });
  afterAll(() => server?.stop());

  testStore({
    name: 'Redis store',
    realTime: true,
    create: () => createRedisStore({ url: server.url, log: () => {} }),
    failing: async () =>
      createRedisStore({ url: `redis://127.0.0.1:${await closedPort()}`, timeoutMs: 100, log: () => {} }),
    contents() {
      const keys = server.cli('--scan').trim().split('\n').filter(Boolean);
      return [...keys, ...keys.map((key) => server.cli('get', key).trim())];
    },
    close: (store) => (store as RedisStore).close(),
  });
});
