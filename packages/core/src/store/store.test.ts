import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './store.js';

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
