import { describe, expect, it } from 'vitest';
import type { Channel, PhoneMessage, Provider, SendOptions } from '../contract/types.js';
import { isMfaSmsError, MfaSmsError, type MfaSmsErrorCode } from '../errors/errors.js';
import { rejection } from '../errors/errors.test-helper.js';
import { createSenderResolver } from '../sender/sender-map.js';
import { createRouter } from './router.js';
import { attemptBudget } from './router-attempt.js';

// Providers scripted per call: a router is pure orchestration, so its tests script outcomes
// directly; the providers themselves are tested against the simulator in their own packages.
type Step = 'ok' | MfaSmsErrorCode | { hang: true } | { throws: unknown };

function scripted(name: string, steps: Step[], channels: readonly Channel[] = ['sms', 'voice']) {
  const calls: { message: PhoneMessage; options: SendOptions | undefined }[] = [];
  const provider: Provider = {
    name,
    channels,
    async send(message, options) {
      calls.push({ message, options });
      const step = steps[Math.min(calls.length - 1, steps.length - 1)] ?? 'ok';
      if (step === 'ok')
        return { provider: name, channel: message.channel, id: `${name}-${calls.length}`, to: message.to };
      if (typeof step === 'object' && 'throws' in step) throw step.throws;
      if (typeof step === 'object') {
        // Behaves like a real provider: gives up at its timeout, or at the caller's abort.
        return new Promise((_resolve, reject) => {
          const timer = setTimeout(
            () => reject(new MfaSmsError({ code: 'timeout', provider: name, message: `${name} timed out` })),
            options?.timeoutMs ?? 10_000,
          );
          options?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(options.signal?.reason);
          });
        });
      }
      throw new MfaSmsError({ code: step, provider: name, message: `${name} failed with ${step}` });
    },
  };
  return { provider, calls };
}

const uk: PhoneMessage = { to: '+447911123456', text: 'Your code is 123456', channel: 'sms', code: '123456' };
const us: PhoneMessage = { ...uk, to: '+14155552671' };

describe('createRouter', () => {
  it('sends through the first provider and reports the attempt', async () => {
    const a = scripted('a', ['ok']);
    const b = scripted('b', ['ok']);
    const router = createRouter({ providers: [a.provider, b.provider] });
    const result = await router.send(uk);
    expect(result).toMatchObject({ provider: 'a', id: 'a-1', attempts: [{ provider: 'a', code: 'ok' }] });
    expect(b.calls).toHaveLength(0);
    expect(router.name).toBe('router');
    expect(router.channels).toEqual(['sms', 'voice']);
  });

  it('fails over on retryable errors', async () => {
    const a = scripted('a', ['provider_unavailable']);
    const b = scripted('b', ['rate_limited']);
    const c = scripted('c', ['ok']);
    const result = await createRouter({ providers: [a.provider, b.provider, c.provider] }).send(uk);
    expect(result.provider).toBe('c');
    expect(result.attempts.map((attempt) => [attempt.provider, attempt.code])).toEqual([
      ['a', 'provider_unavailable'],
      ['b', 'rate_limited'],
      ['c', 'ok'],
    ]);
  });

  it.each([
    'invalid_recipient',
    'auth_failed',
    'insufficient_funds',
    'rejected',
    'blocked_destination',
  ] as const)('does not fail over on %s', async (code) => {
    const a = scripted('a', [code]);
    const b = scripted('b', ['ok']);
    const error = await rejection(createRouter({ providers: [a.provider, b.provider] }).send(uk));
    expect(error).toMatchObject({
      code,
      provider: 'a',
      attempts: [{ provider: 'a', code, retryable: false }],
    });
    expect(b.calls).toHaveLength(0);
  });

  it('throws the last error with every attempt when all fail', async () => {
    const a = scripted('a', ['timeout']);
    const b = scripted('b', ['network']);
    const error = await rejection(createRouter({ providers: [a.provider, b.provider] }).send(uk));
    expect(error).toMatchObject({ code: 'network', provider: 'b', retryable: true });
    expect(error.attempts?.map((attempt) => attempt.code)).toEqual(['timeout', 'network']);
  });

  it('skips providers without the channel and says when none has it', async () => {
    const smsOnly = scripted('sms-only', ['ok'], ['sms']);
    const voice = scripted('voice', ['ok'], ['sms', 'voice']);
    const router = createRouter({ providers: [smsOnly.provider, voice.provider] });
    expect((await router.send({ ...uk, channel: 'voice' })).provider).toBe('voice');
    expect(smsOnly.calls).toHaveLength(0);
    const onlySms = createRouter({ providers: [smsOnly.provider] });
    expect(onlySms.channels).toEqual(['sms']);
    await expect(onlySms.send({ ...uk, channel: 'voice' })).rejects.toMatchObject({
      code: 'unsupported_channel',
    });
  });

  it('orders providers by country routes with a default', async () => {
    const a = scripted('a', ['ok']);
    const b = scripted('b', ['ok']);
    const router = createRouter({
      providers: [a.provider, b.provider],
      routes: { US: ['b'], '*': ['a', 'b'] },
    });
    expect(router.plan(us).map((provider) => provider.name)).toEqual(['b']);
    expect(router.plan(uk).map((provider) => provider.name)).toEqual(['a', 'b']);
    expect((await router.send(us)).provider).toBe('b');
    expect((await router.send(uk)).provider).toBe('a');
  });

  it('uses every provider in order for countries without a route and no default', () => {
    const a = scripted('a', ['ok']);
    const b = scripted('b', ['ok']);
    const router = createRouter({ providers: [a.provider, b.provider], routes: { us: ['b'] } });
    expect(router.plan(uk).map((provider) => provider.name)).toEqual(['a', 'b']);
    expect(router.plan(us).map((provider) => provider.name)).toEqual(['b']);
  });

  it('guards destinations before any request', async () => {
    const a = scripted('a', ['ok']);
    const router = createRouter({ providers: [a.provider], guard: { allowedCountries: ['US'] } });
    await expect(router.send(uk)).rejects.toMatchObject({ code: 'blocked_destination', retryable: false });
    expect(a.calls).toHaveLength(0);
    await expect(router.send(us)).resolves.toMatchObject({ provider: 'a' });
  });

  it('keeps its deadline when every provider hangs, and starts no attempt it cannot finish', async () => {
    const a = scripted('a', [{ hang: true }]);
    const b = scripted('b', [{ hang: true }]);
    const c = scripted('c', ['ok']);
    const started = performance.now();
    const error = await rejection(
      createRouter({ providers: [a.provider, b.provider, c.provider], deadlineMs: 1000 }).send(uk),
    );
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(1500);
    expect(a.calls[0]?.options?.timeoutMs).toBeLessThanOrEqual(1000);
    expect(b.calls).toHaveLength(0);
    expect(c.calls).toHaveLength(0);
  });

  it('bounds each attempt by attemptTimeoutMs so that later providers get their turn', async () => {
    const a = scripted('a', [{ hang: true }]);
    const b = scripted('b', ['ok']);
    const result = await createRouter({
      providers: [a.provider, b.provider],
      deadlineMs: 5000,
      attemptTimeoutMs: 200,
    }).send(uk);
    expect(result.provider).toBe('b');
    expect(a.calls[0]?.options?.timeoutMs).toBe(200);
    expect(b.calls[0]?.options?.timeoutMs).toBe(200);
  });

  describe('owns time whatever the provider honours', () => {
    // Hanging providers that listen to one of the two ways of being told to stop, or to neither.
    type Honours = 'signal' | 'timeoutMs' | 'nothing';
    function hanging(name: string, honours: Honours) {
      const calls: (SendOptions | undefined)[] = [];
      let late: (() => void) | undefined;
      const provider: Provider = {
        name,
        channels: ['sms'],
        send(message, options) {
          calls.push(options);
          return new Promise((resolve, reject) => {
            if (honours === 'signal')
              options?.signal?.addEventListener('abort', () => reject(options.signal?.reason));
            if (honours === 'timeoutMs')
              setTimeout(
                () => reject(new MfaSmsError({ code: 'timeout', provider: name, message: 'own timeout' })),
                options?.timeoutMs,
              );
            // What a provider that ignores both does: answers, much too late.
            late = () => resolve({ provider: name, channel: message.channel, id: 'late', to: message.to });
          });
        },
      };
      return { provider, calls, answerLate: () => late?.() };
    }

    async function settle(promise: Promise<unknown>) {
      const started = performance.now();
      const outcome = await promise.then(
        (value) => ({ value, error: undefined }),
        (error: unknown) => ({ value: undefined, error }),
      );
      return { ...outcome, elapsed: performance.now() - started };
    }

    it.each(['signal', 'timeoutMs', 'nothing'] as const)(
      'a first provider that honours only %s hangs: the second delivers within the deadline',
      async (honours) => {
        const a = hanging('a', honours);
        const b = scripted('b', ['ok']);
        const router = createRouter({
          providers: [a.provider, b.provider],
          deadlineMs: 1000,
          attemptTimeoutMs: 300,
        });
        const { value, elapsed } = await settle(router.send(uk));
        expect(value).toMatchObject({
          provider: 'b',
          attempts: [
            { provider: 'a', code: 'timeout', retryable: true },
            { provider: 'b', code: 'ok' },
          ],
        });
        expect(elapsed).toBeLessThan(1000 + 50);
        expect(elapsed).toBeGreaterThanOrEqual(295);
        expect(a.calls[0]?.timeoutMs).toBe(300);
        // Told to stop, unless it stopped by itself at its timeoutMs.
        expect(a.calls[0]?.signal?.aborted).toBe(honours !== 'timeoutMs');
        a.answerLate();
      },
    );

    it.each(['signal', 'timeoutMs', 'nothing'] as const)(
      'every provider honours only %s and hangs: settles by the deadline with every attempt listed',
      async (honours) => {
        const providers = ['a', 'b', 'c'].map((name) => hanging(name, honours));
        const router = createRouter({
          providers: providers.map((entry) => entry.provider),
          deadlineMs: 1200,
          attemptTimeoutMs: 400,
        });
        const { error, elapsed } = await settle(router.send(uk));
        expect(isMfaSmsError(error)).toBe(true);
        expect(error).toMatchObject({ code: 'timeout', retryable: true });
        // The third attempt starts with under 400 ms left, or not at all when the first two used it up.
        const attempts = (error as MfaSmsError).attempts ?? [];
        expect(attempts.length).toBeGreaterThanOrEqual(2);
        expect(attempts.map((entry) => [entry.provider, entry.code])).toEqual(
          [
            ['a', 'timeout'],
            ['b', 'timeout'],
            ['c', 'timeout'],
          ].slice(0, attempts.length),
        );
        expect(providers.filter((entry) => entry.calls.length > 0)).toHaveLength(attempts.length);
        expect(elapsed).toBeLessThan(1200 + 50);
        for (const entry of providers) entry.answerLate();
      },
    );

    it('ignores an answer that arrives after the attempt was given up', async () => {
      const a = hanging('a', 'nothing');
      const b = scripted('b', ['rejected']);
      const router = createRouter({ providers: [a.provider, b.provider], attemptTimeoutMs: 100 });
      const sending = settle(router.send(uk));
      setTimeout(() => a.answerLate(), 150);
      const { error } = await sending;
      expect(error).toMatchObject({ code: 'rejected', provider: 'b' });
      expect((error as MfaSmsError).attempts?.map((entry) => entry.code)).toEqual(['timeout', 'rejected']);
    });

    it('settles by a shorter per-send timeoutMs, and the caller can still abort', async () => {
      const a = hanging('a', 'nothing');
      const router = createRouter({ providers: [a.provider] });
      const { error, elapsed } = await settle(router.send(uk, { timeoutMs: 300 }));
      expect(error).toMatchObject({ code: 'timeout', attempts: [{ provider: 'a', code: 'timeout' }] });
      expect(elapsed).toBeLessThan(300 + 50);
      const controller = new AbortController();
      const reason = new Error('login cancelled');
      setTimeout(() => controller.abort(reason), 50);
      const aborted = await settle(router.send(uk, { signal: controller.signal }));
      expect(aborted.error).toBe(reason);
      expect(aborted.elapsed).toBeLessThan(300);
      expect(a.calls[1]?.signal?.aborted).toBe(true);
    });

    it('counts a provider that throws synchronously as that provider failing', async () => {
      const a: Provider = {
        name: 'a',
        channels: ['sms'],
        send() {
          throw new MfaSmsError({ code: 'network', provider: 'a', message: 'a is down' });
        },
      };
      const b = scripted('b', ['ok']);
      const result = await createRouter({ providers: [a, b.provider] }).send(uk);
      expect(result.attempts.map((entry) => entry.code)).toEqual(['network', 'ok']);
    });
  });

  describe('attempt budgets', () => {
    it('shares a 15 s deadline fairly: 2 providers 7.5 s each, 3 providers 5 s each', () => {
      expect(attemptBudget(15_000, 2)).toBe(7500);
      expect(attemptBudget(7500, 1)).toBe(7500);
      expect(attemptBudget(15_000, 3)).toBe(5000);
      expect(attemptBudget(10_000, 2)).toBe(5000);
      // A fast failure leaves more for the rest.
      expect(attemptBudget(14_700, 1)).toBe(14_700);
    });

    it('never gives a share below the floor while time remains, nor more than remains', () => {
      expect(attemptBudget(15_000, 20)).toBe(2000);
      expect(attemptBudget(1500, 3)).toBe(1500);
    });

    it('is capped by attemptTimeoutMs', () => {
      expect(attemptBudget(15_000, 2, 5000)).toBe(5000);
      expect(attemptBudget(3000, 1, 5000)).toBe(3000);
    });

    it('passes the budget as timeoutMs, which a provider takes as an upper bound', async () => {
      const a = scripted('a', ['timeout']);
      const b = scripted('b', ['timeout']);
      const c = scripted('c', ['ok']);
      await createRouter({ providers: [a.provider, b.provider, c.provider] }).send(uk);
      expect(a.calls[0]?.options?.timeoutMs).toBeGreaterThan(4990);
      expect(a.calls[0]?.options?.timeoutMs).toBeLessThanOrEqual(5000);
      // a and b failed at once: the time left is shared by fewer candidates.
      expect(b.calls[0]?.options?.timeoutMs).toBeGreaterThan(7000);
      expect(c.calls[0]?.options?.timeoutMs).toBeGreaterThan(14_000);
    });
  });

  it('rejects with the abort reason and does not fail over after an abort', async () => {
    const a = scripted('a', [{ hang: true }]);
    const b = scripted('b', ['ok']);
    const controller = new AbortController();
    const reason = new Error('login cancelled');
    setTimeout(() => controller.abort(reason), 50);
    await expect(
      createRouter({ providers: [a.provider, b.provider] }).send(uk, { signal: controller.signal }),
    ).rejects.toBe(reason);
    expect(b.calls).toHaveLength(0);
  });

  it('treats a foreign exception as a permanent failure without echoing it', async () => {
    const a = scripted('a', [{ throws: new TypeError('secret-token-123 is not a function') }]);
    const b = scripted('b', ['ok']);
    const error = await rejection(createRouter({ providers: [a.provider, b.provider] }).send(uk));
    expect(error).toMatchObject({ code: 'rejected', provider: 'a', retryable: false });
    expect(error.message).toContain('TypeError');
    expect(error.message).not.toContain('secret-token-123');
    expect(b.calls).toHaveLength(0);
  });

  it.each([
    [{ providers: [] }, 'option "providers" is invalid'],
    [{ providers: [{ name: 'x' }] }, 'option "providers[0]" is invalid'],
    [{ providers: 'twilio' }, 'option "providers" is invalid'],
    [{ providers: [scripted('a', []).provider], routes: { GBR: ['a'] } }, 'option "routes.GBR" is invalid'],
    [{ providers: [scripted('a', []).provider], routes: { GB: ['b'] } }, 'names provider "b"'],
    [{ providers: [scripted('a', []).provider, scripted('a', []).provider] }, 'names "a" twice'],
    [{ providers: [scripted('a', []).provider], deadlineMs: 100 }, 'option "deadlineMs" is invalid'],
    [{ providers: [scripted('a', []).provider], retries: 2 }, 'unknown option "retries"'],
  ])('rejects bad options: %#', (options, message) => {
    let error: unknown;
    try {
      createRouter(options as never);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'invalid_config' });
    expect((error as Error).message).toContain(message);
  });
});

describe('createRouter: providers without a sender for the destination', () => {
  // A provider whose only sender is a name: the US refuses it (core's createSenderResolver rule).
  function namedSender(name: string) {
    const { provider, calls } = scripted(name, ['ok']);
    const pick = createSenderResolver('Acme', {
      provider: name,
      label: name,
      required: { sms: true, voice: true },
    });
    return { provider: { ...provider, cannotSend: (message: PhoneMessage) => pick(message).problem }, calls };
  }

  it('passes over such a provider before any request and sends through the next', async () => {
    const a = namedSender('a');
    const b = scripted('b', ['ok']);
    const router = createRouter({ providers: [a.provider, b.provider] });
    const result = await router.send(us);
    expect(result.provider).toBe('b');
    expect(result.attempts.map((attempt) => attempt.provider)).toEqual(['b']);
    expect(a.calls).toHaveLength(0);
    expect(router.plan(us).map((provider) => provider.name)).toEqual(['b']);
    // Elsewhere the name is fine, and the first provider sends.
    expect((await router.send(uk)).provider).toBe('a');
  });

  it('names the option and the country when no provider can send', async () => {
    const a = namedSender('a');
    const router = createRouter({ providers: [a.provider] });
    await expect(router.send(us)).rejects.toMatchObject({
      code: 'invalid_config',
      provider: 'a',
      message: expect.stringMatching(/option "from".*US/),
    });
    expect(() => router.check(us)).toThrow(/option "from"/);
    expect(a.calls).toHaveLength(0);
  });
});
