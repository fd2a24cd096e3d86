import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneMessage, Provider } from '../contract/types.js';
import { MfaSmsError, type MfaSmsErrorCode } from '../errors/errors.js';
import { hangingStore, rejectingStore } from '../store/failing-stores.test-helper.js';
import { createMemoryStore, type Store } from '../store/store.js';
import { createRouter } from './router.js';

// Wall-clock time is faked (health shares it across containers); timers stay real, so that a
// hanging provider still ends at its attempt budget.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-07T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

/** A provider whose outcome the test switches; it counts its calls. */
function switchable(name: string) {
  const state = {
    outcome: 'ok' as 'ok' | MfaSmsErrorCode | 'hang',
    calls: 0,
    retryAfterMs: undefined as number | undefined,
  };
  const provider: Provider = {
    name,
    channels: ['sms', 'voice'],
    async send(message, options) {
      state.calls += 1;
      if (state.outcome === 'ok')
        return { provider: name, channel: message.channel, id: `${name}-${state.calls}`, to: message.to };
      if (state.outcome === 'hang') {
        return new Promise((_resolve, reject) => {
          options?.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        });
      }
      throw new MfaSmsError({
        code: state.outcome,
        provider: name,
        message: `${name}: ${state.outcome}`,
        retryAfterMs: state.retryAfterMs,
      });
    },
  };
  return { provider, state };
}

const message: PhoneMessage = {
  to: '+447911123456',
  text: 'Your code is 123456',
  channel: 'sms',
  code: '123456',
};

describe('createRouter with health', () => {
  it('stops trying a failing provider first after 3 failures, and says why in attempts', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'provider_unavailable';
    const router = createRouter({ providers: [a.provider, b.provider], health: true });
    for (let i = 0; i < 3; i += 1) {
      const result = await router.send(message);
      expect(result.attempts.map((x) => x.code)).toEqual(['provider_unavailable', 'ok']);
    }
    const rested = await router.send(message);
    expect(rested.provider).toBe('b');
    expect(a.state.calls).toBe(3);
    expect(rested.attempts).toEqual([
      { provider: 'a', code: 'resting', retryable: true, ms: 0, reason: '3 unavailable answers in 30 s' },
      expect.objectContaining({ provider: 'b', code: 'ok' }),
    ]);
  });

  it('still tries a resting provider last when the others fail', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'timeout';
    const router = createRouter({ providers: [a.provider, b.provider], health: { failures: 1 } });
    await router.send(message);
    a.state.outcome = 'ok';
    b.state.outcome = 'provider_unavailable';
    const result = await router.send(message);
    expect(result.provider).toBe('a');
    expect(result.attempts.map((x) => `${x.provider}:${x.code}`)).toEqual([
      'a:resting',
      'b:provider_unavailable',
      'a:ok',
    ]);
  });

  it('probes the provider in its place when the rest ends, and takes it back when it answers', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'network';
    const router = createRouter({
      providers: [a.provider, b.provider],
      health: { failures: 1, cooldownMs: 5_000 },
    });
    await router.send(message);
    expect((await router.send(message)).attempts[0]?.code).toBe('resting');
    advance(5_000);
    a.state.outcome = 'ok';
    expect((await router.send(message)).provider).toBe('a');
    expect((await router.send(message)).attempts).toEqual([
      expect.objectContaining({ provider: 'a', code: 'ok' }),
    ]);
  });

  it('rests again at once when the probe fails', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'timeout';
    const router = createRouter({
      providers: [a.provider, b.provider],
      health: { failures: 3, cooldownMs: 5_000 },
    });
    for (let i = 0; i < 3; i += 1) await router.send(message);
    advance(5_000);
    const probe = await router.send(message);
    expect(probe.attempts.map((x) => x.code)).toEqual(['timeout', 'ok']);
    const after = await router.send(message);
    expect(after.attempts[0]).toMatchObject({
      provider: 'a',
      code: 'resting',
      reason: 'probe failed (timeout) after a rest',
    });
    expect(a.state.calls).toBe(4);
  });

  it('gives a hanging provider one attempt budget per cooldown, not one per send', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'hang';
    const router = createRouter({ providers: [a.provider, b.provider], health: true, attemptTimeoutMs: 100 });
    for (let i = 0; i < 10; i += 1) expect((await router.send(message)).provider).toBe('b');
    expect(a.state.calls).toBe(3);
  });

  it('rests a rate-limited provider for its Retry-After', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'rate_limited';
    a.state.retryAfterMs = 120_000;
    const router = createRouter({ providers: [a.provider, b.provider], health: true });
    await router.send(message);
    advance(60_000);
    expect((await router.send(message)).attempts[0]).toMatchObject({
      code: 'resting',
      reason: 'rate limited, Retry-After 120 s',
    });
    expect(a.state.calls).toBe(1);
  });

  it('learns nothing from permanent errors', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'invalid_recipient';
    const router = createRouter({ providers: [a.provider, b.provider], health: { failures: 1 } });
    for (let i = 0; i < 3; i += 1)
      await expect(router.send(message)).rejects.toMatchObject({ code: 'invalid_recipient' });
    expect(a.state.calls).toBe(3);
  });

  it('counts in the store a send brings (api.cache), so one container remembers between executions', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'timeout';
    const perExecution = createMemoryStore();
    const router = createRouter({ providers: [a.provider, b.provider], health: true });
    for (let i = 0; i < 3; i += 1) await router.send(message, { store: perExecution });
    expect((await router.send(message, { store: perExecution })).attempts[0]?.code).toBe('resting');
    // The router's own store learnt nothing.
    expect((await router.send(message)).attempts[0]?.code).toBe('timeout');
  });

  it('shares what it learnt with every router on the same store', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'timeout';
    const shared = createMemoryStore();
    const first = createRouter({ providers: [a.provider, b.provider], health: true, store: shared });
    const second = createRouter({ providers: [a.provider, b.provider], health: true, store: shared });
    for (let i = 0; i < 3; i += 1) await first.send(message);
    const calls = a.state.calls;
    expect((await second.send(message)).provider).toBe('b');
    expect(a.state.calls).toBe(calls);
  });

  it('sends in the configured order when the store is down, and within the deadline when it hangs', async () => {
    const a = switchable('a');
    const b = switchable('b');
    const down = rejectingStore();
    const hanging = hangingStore();
    for (const store of [down, hanging]) {
      const router = createRouter({
        providers: [a.provider, b.provider],
        health: true,
        store,
        deadlineMs: 1_000,
      });
      const started = performance.now();
      expect((await router.send(message)).provider).toBe('a');
      a.state.outcome = 'timeout';
      expect((await router.send(message)).provider).toBe('b');
      a.state.outcome = 'ok';
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it('changes nothing when health is off', async () => {
    const a = switchable('a');
    const b = switchable('b');
    a.state.outcome = 'timeout';
    const router = createRouter({ providers: [a.provider, b.provider] });
    for (let i = 0; i < 5; i += 1)
      expect((await router.send(message)).attempts.map((x) => x.code)).toEqual(['timeout', 'ok']);
    expect(a.state.calls).toBe(5);
  });

  it('refuses a shared store without a store key, as the limits do', () => {
    const shared: Store = { ...createMemoryStore(), name: 'redis', shared: true };
    expect(() =>
      createRouter({ providers: [switchable('a').provider], health: true, store: shared }),
    ).toThrow(/storeKey is required/);
  });
});
