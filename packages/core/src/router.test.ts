import { describe, expect, it } from 'vitest';
import { isMfaSmsError, MfaSmsError, type MfaSmsErrorCode } from './errors.js';
import { createRouter } from './router.js';
import type { Channel, PhoneMessage, Provider, SendOptions } from './types.js';

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

async function rejection(promise: Promise<unknown>): Promise<MfaSmsError> {
  try {
    await promise;
  } catch (error) {
    if (isMfaSmsError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

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
