import { describe, expect, it } from 'vitest';
import { MfaSmsError, type MfaSmsErrorCode } from '../errors/errors.js';
import { hangingStore, throwingStore } from '../store/failing-stores.test-helper.js';
import { createMemoryStore, type Store } from '../store/store.js';
import { createStoreKeyer } from '../store/store-keys.js';
import { createProviderHealth, resolveHealth } from './health.js';

function clock(start = 1_000_000) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

function setup(options: { failures?: number; windowMs?: number; cooldownMs?: number } = {}) {
  const time = clock();
  const store = createMemoryStore({ now: time.now });
  const health = createProviderHealth({
    ...options,
    providers: ['a', 'b'],
    keyer: createStoreKeyer(),
    now: time.now,
  });
  const a = { name: 'a' };
  const b = { name: 'b' };
  const arrange = async (s: Store = store) => {
    const view = await health.read(s, 250);
    return { view, ...(await health.arrange([a, b], view, s, 250)) };
  };
  const fail = async (name: string, code: MfaSmsErrorCode, extra: { retryAfterMs?: number } = {}) => {
    const { view } = await arrange();
    await health.failed(store, view, name, new MfaSmsError({ code, message: code, ...extra }), 250);
  };
  return { time, store, health, a, b, arrange, fail };
}

const names = (list: readonly { name: string }[]) => list.map((item) => item.name);

describe('resolveHealth', () => {
  it('fills in 3 failures in 30 s and 30 s of rest, and names a bad option', () => {
    expect(resolveHealth()).toEqual({ failures: 3, windowMs: 30_000, cooldownMs: 30_000 });
    expect(resolveHealth({ failures: 5 })).toMatchObject({ failures: 5, windowMs: 30_000 });
    expect(() => resolveHealth({ cooldownMs: 10 })).toThrow(/cooldownMs/);
  });
});

describe('createProviderHealth', () => {
  it('keeps the configured order while failures stay under the threshold', async () => {
    const { fail, arrange } = setup();
    await fail('a', 'timeout');
    await fail('a', 'timeout');
    const { ordered, resting } = await arrange();
    expect(names(ordered)).toEqual(['a', 'b']);
    expect(resting.size).toBe(0);
  });

  it('rests a provider after 3 retryable failures in the window and says why', async () => {
    const { fail, arrange } = setup();
    for (let i = 0; i < 3; i += 1) await fail('a', 'timeout');
    const { ordered, resting } = await arrange();
    expect(names(ordered)).toEqual(['b', 'a']);
    expect(resting.get('a')).toBe('3 timeouts in 30 s');
  });

  it('says which kind when the failures are mixed', async () => {
    const { fail, arrange } = setup();
    await fail('a', 'network');
    await fail('a', 'provider_unavailable');
    await fail('a', 'timeout');
    expect((await arrange()).resting.get('a')).toBe('3 failures in 30 s (last: timeout)');
  });

  it('counts in a fixed window: failures spread wider than the window do not add up', async () => {
    const { fail, arrange, time } = setup();
    await fail('a', 'timeout');
    await fail('a', 'timeout');
    time.advance(30_001);
    await fail('a', 'timeout');
    expect(names((await arrange()).ordered)).toEqual(['a', 'b']);
  });

  it('ignores permanent errors: they say nothing about health', async () => {
    const { fail, arrange } = setup({ failures: 1 });
    for (const code of ['invalid_recipient', 'auth_failed', 'rejected', 'bad_response'] as const) {
      await fail('a', code);
    }
    expect(names((await arrange()).ordered)).toEqual(['a', 'b']);
  });

  it('puts the provider back in its place when the rest ends, through exactly one probe', async () => {
    const { fail, arrange, time } = setup();
    for (let i = 0; i < 3; i += 1) await fail('a', 'timeout');
    time.advance(30_000);
    const first = await arrange();
    expect(names(first.ordered)).toEqual(['a', 'b']);
    expect(first.view.probing.has('a')).toBe(true);
    // A second send while the probe is under way keeps it last.
    const second = await arrange();
    expect(names(second.ordered)).toEqual(['b', 'a']);
    expect(second.resting.get('a')).toMatch(/another send is probing it/);
  });

  it('holds the probe claim and the rest for as long as a probe can take, not just a cooldown', async () => {
    // A 2 s cooldown with sends that may take 5 s: a hanging probe must not let a second probe,
    // or every send, at the resting provider once the cooldown has passed.
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    const health = createProviderHealth({
      cooldownMs: 2_000,
      probeMs: 5_000,
      providers: ['a', 'b'],
      keyer: createStoreKeyer(),
      now: time.now,
    });
    const arrange = async () => {
      const view = await health.read(store, 250);
      return { view, ...(await health.arrange([{ name: 'a' }, { name: 'b' }], view, store, 250)) };
    };
    for (let i = 0; i < 3; i += 1) {
      const { view } = await arrange();
      await health.failed(store, view, 'a', new MfaSmsError({ code: 'timeout', message: 't' }), 250);
    }
    time.advance(2_000);
    expect((await arrange()).view.probing.has('a')).toBe(true);
    // 1 s, 2 s (a cooldown) and 4.999 s into the probe.
    for (const step of [1_000, 1_000, 2_999]) {
      time.advance(step);
      const during = await arrange();
      expect(names(during.ordered)).toEqual(['b', 'a']);
      expect(during.resting.get('a')).toMatch(/another send is probing it/);
    }
    // Past the longest a send can take, the rest is forgotten: the provider is back in its place.
    time.advance(1);
    expect(names((await arrange()).ordered)).toEqual(['a', 'b']);
  });

  it('rests again at once when the probe fails', async () => {
    const { arrange, health, store, time, fail } = setup();
    for (let i = 0; i < 3; i += 1) await fail('a', 'timeout');
    time.advance(30_000);
    const probe = await arrange();
    await health.failed(store, probe.view, 'a', new MfaSmsError({ code: 'timeout', message: 't' }), 250);
    const after = await arrange();
    expect(names(after.ordered)).toEqual(['b', 'a']);
    expect(after.resting.get('a')).toBe('probe failed (timeout) after a rest');
    time.advance(29_999);
    expect(names((await arrange()).ordered)).toEqual(['b', 'a']);
  });

  it('ends the rest for everyone when the probe goes through', async () => {
    const { arrange, health, store, time, fail } = setup();
    for (let i = 0; i < 3; i += 1) await fail('a', 'timeout');
    time.advance(30_000);
    const probe = await arrange();
    await health.succeeded(store, probe.view, 'a', 250);
    const after = await arrange();
    expect(names(after.ordered)).toEqual(['a', 'b']);
    expect(after.view.probing.has('a')).toBe(false);
  });

  it('keeps the configured order when every provider rests', async () => {
    const { fail, arrange } = setup();
    for (let i = 0; i < 3; i += 1) {
      await fail('b', 'timeout');
      await fail('a', 'timeout');
    }
    const { ordered, resting } = await arrange();
    expect(names(ordered)).toEqual(['a', 'b']);
    expect([...resting.keys()]).toEqual(['a', 'b']);
  });

  it('rests a rate-limited provider at least as long as its Retry-After, from the first answer', async () => {
    const { fail, arrange, time } = setup();
    await fail('a', 'rate_limited', { retryAfterMs: 90_000 });
    expect((await arrange()).resting.get('a')).toBe('rate limited, Retry-After 90 s');
    time.advance(89_000);
    expect(names((await arrange()).ordered)).toEqual(['b', 'a']);
    time.advance(1_000);
    expect(names((await arrange()).ordered)).toEqual(['a', 'b']);
  });

  it('rests for the longer of Retry-After and the cooldown once failures pass the threshold', async () => {
    const { fail, arrange, time } = setup();
    await fail('a', 'timeout');
    await fail('a', 'timeout');
    await fail('a', 'rate_limited', { retryAfterMs: 60_000 });
    time.advance(59_000);
    expect(names((await arrange()).ordered)).toEqual(['b', 'a']);
  });

  it('takes a store that throws, hangs or answers nonsense as "no health information"', async () => {
    const { health, a, b } = setup();
    const throwing = throwingStore();
    const hanging = hangingStore();
    const garbage: Store = { ...createMemoryStore(), get: () => '{"a":{"until":"soon"},"b":[1]}' };
    for (const store of [throwing, hanging, garbage]) {
      const started = Date.now();
      const view = await health.read(store, 50);
      const { ordered } = await health.arrange([a, b], view, store, 50);
      await health.failed(store, view, 'a', new MfaSmsError({ code: 'timeout', message: 't' }), 50);
      expect(names(ordered)).toEqual(['a', 'b']);
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('keeps no phone number or code in its keys', async () => {
    const time = clock();
    const seen: string[] = [];
    const memory = createMemoryStore({ now: time.now });
    const spy: Store = {
      ...memory,
      increment: (hits) => {
        seen.push(...hits.map((hit) => hit.key));
        return memory.increment(hits);
      },
      set: (key, value, ttl) => {
        seen.push(key);
        return memory.set(key, value, ttl);
      },
    };
    const health = createProviderHealth({
      providers: ['a', 'b'],
      keyer: createStoreKeyer('k'.repeat(8) + 'x'.repeat(8)),
      now: time.now,
    });
    for (let i = 0; i < 3; i += 1) {
      const view = await health.read(spy, 250);
      await health.failed(spy, view, 'a', new MfaSmsError({ code: 'timeout', message: 't' }), 250);
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const key of seen) expect(key).toMatch(/^mfa-sms:health(-fail|-probe)?:[A-Za-z0-9_-]{32}$/);
  });
});

describe('parseHealth', () => {
  it('reads failures/window, cooldown, on and off', async () => {
    const { parseHealth } = await import('./health.js');
    expect(parseHealth('3/30s,cooldown:30s')).toEqual({ failures: 3, windowMs: 30_000, cooldownMs: 30_000 });
    expect(parseHealth(' 5/1m ')).toEqual({ failures: 5, windowMs: 60_000 });
    expect(parseHealth('cooldown:2m')).toEqual({ cooldownMs: 120_000 });
    expect(parseHealth('on')).toEqual({});
    expect(parseHealth('OFF')).toBe(false);
  });

  it('names the secret and what to write, never more than the start of a bad part', async () => {
    const { parseHealth } = await import('./health.js');
    expect(() => parseHealth('3 per 30s')).toThrow(/^MFA_SMS_HEALTH is invalid: "3 per 30s" is neither/);
    expect(() => parseHealth('3/30s,4/1m')).toThrow(/given twice/);
    expect(() => parseHealth('3/30s,cooldown:1s,cooldown:2s')).toThrow(/cooldown is given twice/);
    expect(() => parseHealth('0/30s')).toThrow(/MFA_SMS_HEALTH is invalid: "failures"/);
  });
});
