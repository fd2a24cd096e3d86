import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './store.js';

describe('memory store', () => {
  it('counts in a window that a later addition does not extend', () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now });
    const hit = [{ key: 'a', windowMs: 1000 }];
    expect(store.increment(hit)).toEqual([1]);
    now = 999;
    expect(store.increment(hit)).toEqual([2]);
    now = 1000;
    expect(store.increment(hit)).toEqual([1]);
  });

  it('keeps values for their time to live', () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now });
    store.set('k', 'v', 500);
    now = 499;
    expect(store.get('k')).toBe('v');
    now = 500;
    expect(store.get('k')).toBeUndefined();
  });

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
