// Counters and dedupe entries that outlive one execution: the Store contract, the memory, Auth0
// api.cache and Redis stores, and the keys they are written under.
export type { Auth0CacheStoreOptions } from './auth0-cache-store.js';
export { createAuth0CacheStore } from './auth0-cache-store.js';
export type { RedisClientLike, RedisStore, RedisStoreOptions } from './redis-store.js';
export { createRedisStore } from './redis-store.js';
export type { MemoryStoreOptions, Store, StoreHit } from './store.js';
export { createMemoryStore, storeOption } from './store.js';
export type { StoreKeyer } from './store-keys.js';
export { checkStoreKey, createStoreKeyer, dedupeKind, isKeyOfKind, storeKeyerFor } from './store-keys.js';
