import { inspect } from 'node:util';
import { createFakeAuth0Cache } from '@mfa-sms/simulator/auth0';
import { describe, expect, it } from 'vitest';
import { createActionHandlers } from '../action/action-handlers.js';
import type { Auth0Cache, CustomPhoneProviderEvent } from '../auth0/auth0-types.js';
import type { PhoneMessage, Provider } from '../contract/types.js';
import { isMfaSmsError } from '../errors/errors.js';
import { createAuth0CacheStore } from '../store/auth0-cache-store.js';
import { createMemoryStore, type Store } from '../store/store.js';
import {
  callingCodeOf,
  createVelocityLimiter,
  defaultVelocityLimits,
  numberRangeOf,
  parseVelocityLimits,
} from './limits.js';
import { createRouter } from './router.js';

function countingProvider(): Provider & { sent: PhoneMessage[] } {
  const sent: PhoneMessage[] = [];
  return {
    name: 'counting',
    channels: ['sms', 'voice'],
    sent,
    async send(message) {
      sent.push(message);
      return { provider: 'counting', channel: message.channel, id: `id-${sent.length}`, to: message.to };
    },
  };
}

function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'admitted';
  } catch (error) {
    return error;
  }
}

describe('number ranges', () => {
  it('finds the calling code of geographic and non-geographic numbers', () => {
    expect(callingCodeOf('+447400123456')).toBe('44');
    expect(callingCodeOf('+14155552671')).toBe('1');
    expect(callingCodeOf('+35312345678')).toBe('353');
    expect(callingCodeOf('+882351234567')).toBe('882');
  });

  it('is the calling code and the first national digits', () => {
    expect(numberRangeOf('+447400123456')).toBe('+44 74001');
    expect(numberRangeOf('+447400123456', 3)).toBe('+44 740');
    expect(numberRangeOf('+14155552671')).toBe('+1 41555');
    expect(numberRangeOf('+447400123456')).toBe(numberRangeOf('+447400199999'));
    expect(numberRangeOf('+447400123456')).not.toBe(numberRangeOf('+447400223456'));
  });
});

describe('parseVelocityLimits (the MFA_SMS_LIMITS secret)', () => {
  it('reads counts and windows, and off', () => {
    expect(parseVelocityLimits('recipient:5/1h,range:30/10m,country:500/1h')).toEqual({
      recipient: { count: 5, windowMs: 3_600_000 },
      range: { count: 30, windowMs: 600_000 },
      country: { count: 500, windowMs: 3_600_000 },
    });
    expect(parseVelocityLimits(' Range:10/90s ')).toEqual({ range: { count: 10, windowMs: 90_000 } });
    expect(parseVelocityLimits('recipient:off')).toEqual({ recipient: false });
    expect(parseVelocityLimits('off')).toEqual({ recipient: false, range: false, country: false });
  });

  it('refuses what it cannot read, naming the secret', () => {
    for (const bad of ['recipient:5', 'sender:5/1h', 'range:0/1h', 'range:5/2d', 'range:5/1h,range:6/1h']) {
      expect(() => parseVelocityLimits(bad)).toThrow(
        expect.objectContaining({
          code: 'invalid_config',
          message: expect.stringContaining('MFA_SMS_LIMITS'),
        }),
      );
    }
  });
});

describe('velocity limits', () => {
  const to = '+447400123456';

  it('lets 5 sends to a recipient through in an hour by default and blocks the 6th, masked, not retryable', async () => {
    const limiter = createVelocityLimiter({ store: createMemoryStore() });
    for (let index = 0; index < defaultVelocityLimits.recipient.count; index += 1) {
      expect(await outcome(limiter!.admit({ to }))).toBe('admitted');
    }
    const error = await outcome(limiter!.admit({ to }));
    expect(isMfaSmsError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'blocked_destination', reason: 'velocity', retryable: false });
    const visible = `${(error as Error).message} ${inspect(error)} ${JSON.stringify(error)}`;
    expect(visible).not.toContain('447400123456');
    expect(visible).toContain('+44******456');
    expect(visible).toContain('this recipient had 5 sends in 1 h');
  });

  it('counts each recipient on its own', async () => {
    const limiter = createVelocityLimiter({ store: createMemoryStore(), limits: { range: false } });
    for (let index = 0; index < 5; index += 1) await limiter!.admit({ to });
    expect(await outcome(limiter!.admit({ to: '+447400123457' }))).toBe('admitted');
  });

  it('limits a number range: 30 in 10 minutes across different numbers of one range', async () => {
    const limiter = createVelocityLimiter({ store: createMemoryStore() });
    for (let index = 0; index < 30; index += 1) {
      expect(await outcome(limiter!.admit({ to: `+4474001${String(index).padStart(5, '0')}` }))).toBe(
        'admitted',
      );
    }
    const error = await outcome(limiter!.admit({ to: '+447400199999' }));
    expect(error).toMatchObject({ code: 'blocked_destination', reason: 'velocity' });
    expect((error as Error).message).toContain('its number range had 30 sends in 10 min');
    // Another range of the same country is not affected.
    expect(await outcome(limiter!.admit({ to: '+447500123456' }))).toBe('admitted');
  });

  it('limits a country when asked (off by default)', async () => {
    const store = createMemoryStore();
    const off = createVelocityLimiter({ store, limits: { recipient: false, range: false } });
    expect(off).toBeUndefined();
    const limiter = createVelocityLimiter({
      store,
      limits: { recipient: false, range: false, country: { count: 3, windowMs: 60_000 } },
    });
    for (const number of ['+447400123456', '+447500123456', '+447800123456'])
      expect(await outcome(limiter!.admit({ to: number }))).toBe('admitted');
    expect(await outcome(limiter!.admit({ to: '+447501123456' }))).toMatchObject({
      code: 'blocked_destination',
      reason: 'velocity',
      message: expect.stringContaining('its country had 3 sends in 1 min'),
    });
    expect(await outcome(limiter!.admit({ to: '+33612345678' }))).toBe('admitted');
  });

  it('opens again when the window ends (a fixed window from the first send)', async () => {
    const time = clock();
    const limiter = createVelocityLimiter({
      store: createMemoryStore({ now: time.now }),
      limits: { recipient: { count: 2, windowMs: 60_000 }, range: false },
    });
    await limiter!.admit({ to });
    time.advance(30_000);
    await limiter!.admit({ to });
    time.advance(29_999);
    expect(await outcome(limiter!.admit({ to }))).toMatchObject({ reason: 'velocity' });
    time.advance(1);
    expect(await outcome(limiter!.admit({ to }))).toBe('admitted');
  });

  it('counts in api.cache too, across executions that share it', async () => {
    const time = clock();
    const cache = createFakeAuth0Cache({ now: time.now });
    // A store per execution with a memory of its own: only the cache carries counts between them.
    const execution = () => createAuth0CacheStore(cache, { now: time.now, log: () => {} });
    const limiter = createVelocityLimiter({ store: createMemoryStore(), limits: { range: false } });
    for (let index = 0; index < 5; index += 1) {
      await limiter!.admit({ to }, execution());
    }
    expect(await outcome(limiter!.admit({ to }, execution()))).toMatchObject({ reason: 'velocity' });
    // The limiter's own memory store saw none of it.
    expect(await outcome(limiter!.admit({ to }))).toBe('admitted');
    // Keys and values are hashes and counts: no number in them.
    expect([...cache.entries()].flat().join(' ')).not.toContain('7400123456');
    time.advance(3_600_000);
    expect(await outcome(limiter!.admit({ to }, execution()))).toBe('admitted');
  });

  it('lets sends through when the store fails or throws', async () => {
    const failing: Store = {
      name: 'failing',
      shared: false,
      increment: () => [],
      get: () => undefined,
      set: () => undefined,
    };
    const throwing: Store = {
      ...failing,
      increment: () => {
        throw new Error('down');
      },
    };
    const limiter = createVelocityLimiter({
      store: failing,
      limits: { recipient: { count: 1, windowMs: 60_000 } },
    });
    for (let index = 0; index < 5; index += 1) expect(await outcome(limiter!.admit({ to }))).toBe('admitted');
    for (let index = 0; index < 5; index += 1)
      expect(await outcome(limiter!.admit({ to }, throwing))).toBe('admitted');
  });

  it('refuses a shared store without a key, and a short key', () => {
    const shared: Store = { ...createMemoryStore(), name: 'redis', shared: true };
    expect(() => createVelocityLimiter({ store: shared })).toThrow(
      expect.objectContaining({
        code: 'invalid_config',
        message: expect.stringContaining('storeKey is required'),
      }),
    );
    expect(() => createVelocityLimiter({ store: shared, storeKey: 'short' })).toThrow(
      expect.objectContaining({ code: 'invalid_config', message: expect.stringContaining('too short') }),
    );
    expect(() => createRouter({ providers: [countingProvider()], limits: true, store: shared })).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });

  it('refuses bad limits by name', () => {
    expect(() =>
      createRouter({ providers: [countingProvider()], limits: { recipient: { count: 0, windowMs: 1000 } } }),
    ).toThrow(
      expect.objectContaining({ code: 'invalid_config', message: expect.stringContaining('recipient') }),
    );
  });
});

describe('the router with limits', () => {
  it('stops a pumping burst (1,000 sends to 200 numbers of one range) at the range limit', async () => {
    const provider = countingProvider();
    const router = createRouter({ providers: [provider], limits: true });
    const numbers = Array.from(
      { length: 200 },
      (_, index) => `+4474001${String(index * 7).padStart(5, '0')}`,
    );
    let blocked = 0;
    for (let index = 0; index < 1000; index += 1) {
      const to = numbers[index % numbers.length] as string;
      try {
        await router.send({ to, text: 'Your code is 123456', channel: 'sms', code: '123456' });
      } catch (error) {
        expect(error).toMatchObject({ code: 'blocked_destination', reason: 'velocity', retryable: false });
        blocked += 1;
      }
    }
    expect(provider.sent).toHaveLength(defaultVelocityLimits.range.count);
    expect(blocked).toBe(1000 - defaultVelocityLimits.range.count);
  });

  it('counts only what the guard lets through, and check() counts nothing', async () => {
    const provider = countingProvider();
    const router = createRouter({
      providers: [provider],
      limits: { recipient: { count: 1, windowMs: 60_000 } },
      guard: { blockedCountries: ['FR'] },
    });
    for (let index = 0; index < 3; index += 1) {
      await expect(router.send({ to: '+33612345678', text: 'x', channel: 'sms' })).rejects.toMatchObject({
        code: 'blocked_destination',
        reason: undefined,
      });
      router.check({ to: '+447400123456', channel: 'sms' });
    }
    await router.send({ to: '+447400123456', text: 'x', channel: 'sms' });
    await expect(router.send({ to: '+447400123456', text: 'x', channel: 'sms' })).rejects.toMatchObject({
      reason: 'velocity',
    });
    expect(provider.sent).toHaveLength(1);
  });

  it('has no limits unless asked', async () => {
    const provider = countingProvider();
    const router = createRouter({ providers: [provider] });
    for (let index = 0; index < 10; index += 1)
      await router.send({ to: '+447400123456', text: 'x', channel: 'sms' });
    expect(provider.sent).toHaveLength(10);
  });
});

describe('the Action handlers with limits', () => {
  const event = (code: string): CustomPhoneProviderEvent =>
    ({
      notification: {
        recipient: '+447400123456',
        as_text: `Your code is ${code}`,
        as_voice: `Your code is ${code}`,
        code,
        delivery_method: 'text',
        message_type: 'otp_verify',
      },
      request: { ip: '203.0.113.7' },
      tenant: { id: 'acme' },
      user: { user_id: 'auth0|1' },
      secrets: {},
    }) as CustomPhoneProviderEvent;

  it('drops the 6th code in an hour with reason velocity (custom-phone-provider), by default', async () => {
    const provider = countingProvider();
    const lines: string[] = [];
    const handlers = createActionHandlers({ providers: [provider], log: (line) => lines.push(line) });
    const dropped: string[] = [];
    const retried: string[] = [];
    const api = {
      cache: undefined as unknown as Auth0Cache,
      notification: {
        drop: (reason: string) => dropped.push(reason),
        retry: (reason: string) => retried.push(reason),
      },
    };
    for (let index = 0; index < 6; index += 1) {
      await handlers.onExecuteCustomPhoneProvider(event(String(100_000 + index)), api);
    }
    expect(provider.sent).toHaveLength(5);
    expect(retried).toEqual([]);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatch(/^blocked_destination: .*velocity/);
    expect(dropped[0]).not.toContain('7400123456');
    expect(lines.at(-1)).toContain('code=blocked_destination');
  });

  it('can be turned off', async () => {
    const provider = countingProvider();
    const handlers = createActionHandlers({ providers: [provider], limits: false, log: () => {} });
    const api = { cache: undefined as unknown as Auth0Cache, notification: { drop() {}, retry() {} } };
    for (let index = 0; index < 8; index += 1)
      await handlers.onExecuteCustomPhoneProvider(event(String(200_000 + index)), api);
    expect(provider.sent).toHaveLength(8);
  });
});
