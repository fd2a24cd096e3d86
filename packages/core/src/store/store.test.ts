import { describe, expect, it } from 'vitest';
import type { Auth0Cache } from '../auth0/auth0-types.js';
import { createAuth0CacheStore, createMemoryStore } from './store.js';

// What every store does (windows, TTLs, failing open, keys) is testStore's, run on each store in
// packages/simulator/src/test-store.test.ts; here, what only one store does.
describe('memory store', () => {
  it('stays within maxEntries, dropping the oldest and keeping the newest', () => {
    const store = createMemoryStore({ maxEntries: 100 });
    for (let index = 0; index < 1000; index += 1) store.set(`k${index}`, String(index), 60_000);
    const kept = Array.from({ length: 1000 }, (_, index) => store.get(`k${index}`)).filter(
      (value) => value !== undefined,
    );
    expect(kept.length).toBeLessThanOrEqual(100);
    expect(kept.length).toBeGreaterThanOrEqual(90);
    expect(store.get('k999')).toBe('999');
    expect(store.get('k0')).toBeUndefined();
  });
});

describe('api.cache store', () => {
  function cache(): Auth0Cache & { entries: Map<string, { value: string; options: unknown }> } {
    const entries = new Map<string, { value: string; options: unknown }>();
    return {
      entries,
      get: (key) => (entries.has(key) ? { value: entries.get(key)?.value as string } : undefined),
      set(key, value, options) {
        entries.set(key, { value, options });
        return { type: 'success' };
      },
      delete(key) {
        entries.delete(key);
        return { type: 'success' };
      },
    };
  }

  it('keeps the count and the end of its window in one entry, and expires it there', () => {
    let now = 10_000;
    const backing = cache();
    const store = createAuth0CacheStore(backing, { now: () => now });
    expect(store.increment([{ key: 'c', windowMs: 60_000 }])).toEqual([1]);
    now += 30_000;
    expect(store.increment([{ key: 'c', windowMs: 60_000 }])).toEqual([2]);
    expect(backing.entries.get('c')).toEqual({ value: '2:70000', options: { expires_at: 70_000 } });
    now = 70_000;
    expect(store.increment([{ key: 'c', windowMs: 60_000 }])).toEqual([1]);
  });
});
