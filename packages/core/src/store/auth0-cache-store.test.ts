import { createFakeAuth0Cache, type WhenFull } from '@mfa-sms/simulator/auth0';
import { describe, expect, it } from 'vitest';
import { createVelocityLimiter } from '../routing/limits.js';
import { createAuth0CacheStore } from './auth0-cache-store.js';
import { createMemoryStore, type Store } from './store.js';
import { createStoreKeyer } from './store-keys.js';

// UK mobile numbers, each in a range (first five national digits) of its own, index < 3000.
const otherRange = (index: number) =>
  `+44${7100 + (index % 300)}${Math.floor(index / 300)}${String(10_000 + index).slice(-5)}`;
const inOneRange = (index: number) => `+4479110${String(100_000 + index).slice(-5)}`;

/** One Auth0 container: its memory, and a store over the trigger's cache for each execution. */
function container(cache: ReturnType<typeof createFakeAuth0Cache>, lines: string[] = []) {
  const memory = createMemoryStore();
  return () => createAuth0CacheStore(cache, { memory, log: (line) => lines.push(line) });
}

async function admitted(admit: (to: string) => Promise<void>, numbers: string[]): Promise<number> {
  let passed = 0;
  for (const to of numbers) {
    try {
      await admit(to);
      passed += 1;
    } catch (error) {
      expect(error).toMatchObject({ code: 'blocked_destination', reason: 'velocity' });
    }
  }
  return passed;
}

describe.each<WhenFull>(['refuse', 'evict-oldest'])(
  'api.cache store, a cache that %s when full',
  (whenFull) => {
    const limiter = () => createVelocityLimiter({ store: createMemoryStore() });

    it('keeps the per-range and per-recipient limits after sends to other ranges fill the cache', async () => {
      const cache = createFakeAuth0Cache({ whenFull });
      const lines: string[] = [];
      const execution = container(cache, lines);
      const limits = limiter();
      const admit = (to: string) => limits?.admit({ to }, execution()) as Promise<void>;
      let filler = 0;
      const fillers = () =>
        admitted(
          admit,
          Array.from({ length: 7 }, () => otherRange(filler++)),
        );
      expect(await fillers()).toBe(7);
      let range = 0;
      for (let index = 0; index < 200; index += 1) {
        range += await admitted(admit, [inOneRange(index)]);
        if (index < 40) expect(await fillers()).toBe(7);
      }
      expect(range).toBe(30);
      let number = 0;
      for (let index = 0; index < 50; index += 1) {
        number += await admitted(admit, ['+447400123456']);
        if (index < 10) expect(await fillers()).toBe(7);
      }
      expect(number).toBe(5);
      // Bounded as Auth0 bounds it, and never refused or evicted.
      expect(cache.entries().size).toBeLessThanOrEqual(2);
      for (const [key, value] of cache.entries()) {
        expect(Buffer.byteLength(key)).toBeLessThanOrEqual(64);
        expect(Buffer.byteLength(value)).toBeLessThanOrEqual(4096);
      }
      expect(cache.bytes).toBeLessThanOrEqual(8192);
      expect([cache.refused, cache.evicted]).toEqual([0, 0]);
      // 357 numbers do not fit: said once.
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^mfa-sms store=auth0-cache api\.cache is full \(\d+ counters over 8 kB\): .*Redis/,
      );
    });

    it.each([100, 2000])('blocks at the limits after %i sends to other ranges first', async (others) => {
      const cache = createFakeAuth0Cache({ whenFull });
      const execution = container(cache);
      const limits = limiter();
      const admit = (to: string) => limits?.admit({ to }, execution()) as Promise<void>;
      expect(
        await admitted(
          admit,
          Array.from({ length: others }, (_, index) => otherRange(index)),
        ),
      ).toBe(others);
      expect(
        await admitted(
          admit,
          Array.from({ length: 60 }, (_, index) => inOneRange(index)),
        ),
      ).toBe(30);
      expect(
        await admitted(
          admit,
          Array.from({ length: 12 }, () => '+447400123456'),
        ),
      ).toBe(5);
    });

    it('shares the counts that matter between containers through the cache', async () => {
      const cache = createFakeAuth0Cache({ whenFull });
      const containers = [container(cache), container(cache)];
      const limits = limiter();
      let turn = 0;
      const admit = (to: string) => {
        turn += 1;
        return limits?.admit({ to }, (containers[turn % 2] as () => Store)()) as Promise<void>;
      };
      let filler = 0;
      let range = 0;
      for (let index = 0; index < 60; index += 1) {
        range += await admitted(admit, [inOneRange(index)]);
        await admitted(
          admit,
          Array.from({ length: 7 }, () => otherRange(filler++)),
        );
      }
      expect(range).toBe(30);
      expect(
        await admitted(
          admit,
          Array.from({ length: 12 }, () => '+447400123456'),
        ),
      ).toBe(5);
    });

    it('counts in memory when api.cache refuses or loses every write, and says so once', async () => {
      const cache = createFakeAuth0Cache({ whenFull });
      // The Action's own code filled the cache first.
      for (let index = 0; index < 20; index += 1) cache.set(`user-${index}`, 'x'.repeat(380));
      const lines: string[] = [];
      const execution = container(cache, lines);
      const limits = limiter();
      const admit = (to: string) => {
        const result = limits?.admit({ to }, execution()) as Promise<void>;
        cache.forget('mfa-sms:t0');
        cache.forget('mfa-sms:t1');
        return result;
      };
      expect(
        await admitted(
          admit,
          Array.from({ length: 9 }, () => '+447400123456'),
        ),
      ).toBe(5);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/api\.cache is full/);
    });
  },
);

describe('api.cache store values', () => {
  it('keeps a count and the end of its window, and starts again after it', () => {
    let now = 10_000;
    const cache = createFakeAuth0Cache({ now: () => now });
    const store = createAuth0CacheStore(cache, { now: () => now, log: () => {} });
    const hit = [{ key: 'mfa-sms:r:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC', windowMs: 60_000 }];
    expect(store.increment(hit)).toEqual([1]);
    now += 30_000;
    expect(store.increment(hit)).toEqual([2]);
    const [table] = [...cache.entries().values()];
    expect(table).toBe(`rCCCCCCCCCC:2:${(70).toString(36)}`);
    expect(cache.get([...cache.entries().keys()][0] as string)?.expires_at).toBe(70_000);
    now = 70_000;
    expect(createAuth0CacheStore(cache, { now: () => now, log: () => {} }).increment(hit)).toEqual([1]);
  });

  it('remembers deduplication values of any text, long ones in memory only', () => {
    const cache = createFakeAuth0Cache();
    const store = createAuth0CacheStore(cache, { log: () => {} });
    for (const value of ['SM1', 'a,b:c=d%25é\n', 'x'.repeat(200)]) {
      store.set(
        `mfa-sms:d:${Buffer.from(value).toString('base64url').padEnd(32, 'A').slice(0, 32)}`,
        value,
        60_000,
      );
    }
    expect(store.get(`mfa-sms:d:${Buffer.from('SM1').toString('base64url').padEnd(32, 'A')}`)).toBe('SM1');
    expect(
      store.get(
        `mfa-sms:d:${Buffer.from('a,b:c=d%25é\n').toString('base64url').padEnd(32, 'A').slice(0, 32)}`,
      ),
    ).toBe('a,b:c=d%25é\n');
    expect(store.get('mfa-sms:d:unknown0000000000000000000000000')).toBeUndefined();
    expect([...cache.entries().values()].join('')).not.toContain('x'.repeat(200));
  });

  it('reads hostile cache values as nothing, without touching any prototype', () => {
    const cache = createFakeAuth0Cache();
    cache.set('mfa-sms:t0', '__proto__:9:zzzzzz,constructor=%7B%7D:zzzzzz,rAAAAAAAAAA:abc:1,,:::');
    cache.set('mfa-sms:t1', '{"__proto__":{"polluted":1}}');
    const store = createAuth0CacheStore(cache, { log: () => {} });
    expect(
      store.increment([{ key: 'mfa-sms:r:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', windowMs: 60_000 }]),
    ).toEqual([1]);
    expect(store.get('__proto__')).toBeUndefined();
    expect(store.get('constructor')).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('count');
  });

  it('counts in memory when api.cache throws', () => {
    const broken = {
      get: () => {
        throw new Error('cache down');
      },
      set: () => {
        throw new Error('cache down');
      },
      delete: () => ({ type: 'success' as const }),
    };
    const memory = createMemoryStore();
    const hit = [{ key: 'mfa-sms:r:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', windowMs: 60_000 }];
    const counts = [1, 2, 3].map(() =>
      createAuth0CacheStore(broken, { memory, log: () => {} }).increment(hit),
    );
    expect(counts).toEqual([[1], [2], [3]]);
  });
});

describe('api.cache store, deduplication entries', () => {
  const keyer = createStoreKeyer();
  const dedupeKey = (index: number) => keyer('d', `message ${index}`);
  const dedupeRecords = (cache: ReturnType<typeof createFakeAuth0Cache>) =>
    [...cache.entries().values()].map(
      (table) => table.split(',').filter((record) => /^d/.test(record)).length,
    );

  it('keeps the newest 16 in each cache entry, the container remembering the others', () => {
    const cache = createFakeAuth0Cache();
    const memory = createMemoryStore();
    const store = createAuth0CacheStore(cache, { memory, log: () => {} });
    // A stored value of another kind (provider health's rests) is never pushed out by them.
    const rests = 'mfa-sms:health:RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR';
    store.set(rests, '{"a":{"until":1,"reason":"3 timeouts in 30 s"}}', 1000);
    for (let index = 0; index < 100; index += 1) store.set(dedupeKey(index), `SM${index}`, 60_000);
    expect(dedupeRecords(cache)).toEqual([16, 16]);
    expect(store.get(rests)).toContain('3 timeouts');
    // This container still knows every one; another container knows the newest from the cache.
    expect(store.get(dedupeKey(0))).toBe('SM0');
    const other = createAuth0CacheStore(cache, { memory: createMemoryStore(), log: () => {} });
    expect(other.get(dedupeKey(99))).toBe('SM99');
    expect(other.get(dedupeKey(98))).toBe('SM98');
    expect(other.get(dedupeKey(0))).toBeUndefined();
  });

  it('leaves counters where they were, and writes a table of their size', () => {
    const cache = createFakeAuth0Cache();
    const store = createAuth0CacheStore(cache, { log: () => {} });
    const hits = Array.from({ length: 20 }, (_, index) => ({
      key: keyer('r', `range ${index}`),
      windowMs: 600_000,
    }));
    expect(store.increment(hits)).toEqual(hits.map(() => 1));
    for (let index = 0; index < 100; index += 1) store.set(dedupeKey(index), `SM${index}`, 60_000);
    expect(store.increment(hits)).toEqual(hits.map(() => 2));
    const bytes = [...cache.entries().values()].reduce((sum, table) => sum + table.length, 0);
    expect(bytes).toBeLessThan(2 * 16 * 40 + 20 * 30);
  });
});
