import {
  type Auth0Cache,
  createAuth0CacheStore,
  createMemoryStore,
  createRedisStore,
  type RedisStore,
  type Store,
} from '@mfa-sms/core';
import { afterAll, beforeAll, describe } from 'vitest';
// The Redis store's own tests start their server with the same helper: one way to run redis-server.
import {
  type RedisServer,
  redisServerPath,
  startRedisServer,
} from '../../core/src/store/redis-server.test-helper.js';
import { createFakeAuth0Cache, type FakeAuth0Cache } from './auth0/index.js';
import { closedPort } from './test-helpers.js';
import { testStore } from './test-store.js';

testStore({ name: 'memory store', create: ({ now }) => createMemoryStore({ now }) });

const caches = new WeakMap<object, FakeAuth0Cache>();
const failingCache: Auth0Cache = {
  get: () => {
    throw new Error('cache down');
  },
  set: () => {
    throw new Error('cache down');
  },
  delete: () => ({ type: 'success' }),
};

const failingMemory: Store = {
  name: 'memory',
  shared: false,
  increment: () => {
    throw new Error('memory down');
  },
  get: () => {
    throw new Error('memory down');
  },
  set: () => {
    throw new Error('memory down');
  },
};

testStore({
  name: 'api.cache store',
  create({ now }) {
    const cache = createFakeAuth0Cache({ now });
    const store = createAuth0CacheStore(cache, { now, log: () => {} });
    caches.set(store, cache);
    return store;
  },
  // The cache down and the container's memory too: nothing can count.
  failing: () => createAuth0CacheStore(failingCache, { memory: failingMemory, log: () => {} }),
  contents: (store) => [...(caches.get(store)?.entries() ?? [])].flat(),
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
