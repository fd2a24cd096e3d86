import { describe, expect, it } from 'vitest';
import { auth0CacheLimits, createFakeAuth0Cache } from './auth0-cache.js';

const clock = () => {
  let at = 1_000_000;
  return {
    now: () => at,
    advance(ms: number) {
      at += ms;
    },
  };
};

describe('fake api.cache', () => {
  it('answers { value, expires_at } with a default lifetime of 15 minutes, capped at 24 hours', () => {
    const time = clock();
    const cache = createFakeAuth0Cache({ now: time.now });
    expect(cache.set('a', '1')).toEqual({ type: 'success' });
    expect(cache.get('a')).toEqual({ value: '1', expires_at: 1_000_000 + 15 * 60_000 });
    cache.set('b', '2', { ttl: 48 * 3_600_000 });
    expect(cache.get('b')?.expires_at).toBe(1_000_000 + 24 * 3_600_000);
    // Both given: the earlier end applies.
    cache.set('c', '3', { ttl: 5000, expires_at: 1_000_000 + 60_000 });
    expect(cache.get('c')?.expires_at).toBe(1_005_000);
    time.advance(5000);
    expect(cache.get('c')).toBeUndefined();
    time.advance(15 * 60_000);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.value).toBe('2');
  });

  it('refuses keys over 64 bytes and values over 4 kB with { type: "error" }', () => {
    const cache = createFakeAuth0Cache();
    expect(cache.set('k'.repeat(64), 'v')).toEqual({ type: 'success' });
    expect(cache.set('é'.repeat(33), 'v')).toMatchObject({ type: 'error', code: 'KEY_TOO_LARGE' });
    expect(cache.set('v', 'x'.repeat(4096))).toEqual({ type: 'success' });
    expect(cache.set('w', 'x'.repeat(4097))).toMatchObject({ type: 'error', code: 'VALUE_TOO_LARGE' });
    expect(cache.set('n', 7 as unknown as string)).toMatchObject({ type: 'error' });
  });

  it('when full and refusing: a 21st key and a write past 8 kB answer an error, rewrites still work', () => {
    const cache = createFakeAuth0Cache({ whenFull: 'refuse' });
    for (let index = 0; index < auth0CacheLimits.entries; index += 1) {
      expect(cache.set(`key-${index}`, 'v').type).toBe('success');
    }
    expect(cache.set('key-20', 'v')).toEqual({ type: 'error', code: 'TOO_MANY_ENTRIES' });
    expect(cache.set('key-0', 'rewritten').type).toBe('success');
    expect(cache.get('key-20')).toBeUndefined();
    expect(cache.refused).toBe(1);

    const bytes = createFakeAuth0Cache({ whenFull: 'refuse' });
    expect(bytes.set('a', 'x'.repeat(4000)).type).toBe('success');
    expect(bytes.set('b', 'x'.repeat(4000)).type).toBe('success');
    expect(bytes.set('c', 'x'.repeat(200))).toEqual({ type: 'error', code: 'CACHE_FULL' });
    expect(bytes.bytes).toBe(8002);
    expect(bytes.bytes).toBeLessThanOrEqual(auth0CacheLimits.totalBytes);
  });

  it('when full and evicting: the entries written longest ago go first', () => {
    const cache = createFakeAuth0Cache({ whenFull: 'evict-oldest' });
    for (let index = 0; index < 20; index += 1) cache.set(`key-${index}`, 'v');
    cache.set('key-0', 'rewritten'); // now the newest
    expect(cache.set('key-20', 'v').type).toBe('success');
    expect(cache.get('key-1')).toBeUndefined();
    expect(cache.get('key-0')?.value).toBe('rewritten');
    expect(cache.entries().size).toBe(20);
    cache.set('big', 'x'.repeat(4096));
    cache.set('bigger', 'x'.repeat(4096));
    expect(cache.bytes).toBeLessThanOrEqual(auth0CacheLimits.totalBytes);
    expect(cache.get('bigger')?.value).toHaveLength(4096);
    expect(cache.evicted).toBeGreaterThan(1);
  });

  it('forgets entries as Auth0 may, and takes __proto__ as a key like any other', () => {
    const cache = createFakeAuth0Cache();
    cache.set('__proto__', '{"polluted":true}');
    expect(cache.get('__proto__')?.value).toBe('{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    cache.forget('__proto__');
    expect(cache.get('__proto__')).toBeUndefined();
  });
});
