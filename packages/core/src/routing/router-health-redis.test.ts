import { describe, expect, it } from 'vitest';
import type { PhoneMessage, Provider } from '../contract/types.js';
import { MfaSmsError } from '../errors/errors.js';
import { redisServerPath, useRedisServer } from '../store/redis-server.test-helper.js';
import { createRouter } from './router.js';

const binary = redisServerPath();
const storeKey = 'health-test-store-key-7f3a9c1e';
const message: PhoneMessage = {
  to: '+447911123456',
  text: 'Your code is 123456',
  channel: 'sms',
  code: '123456',
};

function provider(name: string, outcome: () => 'ok' | 'down') {
  let calls = 0;
  const value: Provider = {
    name,
    channels: ['sms'],
    async send(sent) {
      calls += 1;
      if (outcome() === 'down')
        throw new MfaSmsError({ code: 'provider_unavailable', provider: name, message: `${name} is down` });
      return { provider: name, channel: 'sms', id: `${name}-${calls}`, to: sent.to };
    },
  };
  return { value, calls: () => calls };
}

describe.skipIf(binary === undefined)('provider health shared through a real redis-server', () => {
  const redis = useRedisServer(binary as string, { timeoutMs: 2000 });
  const store = redis.store;

  it("sends a second container's first message straight to the healthy provider after the first saw the outage", async () => {
    let twilioState: 'ok' | 'down' = 'down';
    const twilio = provider('twilio', () => twilioState);
    const vonage = provider('vonage', () => 'ok');
    const first = createRouter({
      providers: [twilio.value, vonage.value],
      health: true,
      store: store(),
      storeKey,
    });
    for (let index = 0; index < 3; index += 1) expect((await first.send(message)).provider).toBe('vonage');
    expect(twilio.calls()).toBe(3);

    // Another container: a router of its own, its own connection, the same Redis.
    const second = createRouter({
      providers: [twilio.value, vonage.value],
      health: true,
      store: store(),
      storeKey,
    });
    const result = await second.send(message);
    expect(result.provider).toBe('vonage');
    expect(result.attempts[0]).toMatchObject({
      provider: 'twilio',
      code: 'resting',
      reason: '3 unavailable answers in 30 s',
    });
    expect(twilio.calls()).toBe(3);

    // Redis holds the health entry and the counters under keyed names only.
    const keys = redis.server.cli('--scan').trim().split('\n').sort();
    expect(keys.some((key) => key.startsWith('mfa-sms:health:'))).toBe(true);
    for (const key of keys) expect(key).toMatch(/^mfa-sms:health(-fail|-probe)?:[A-Za-z0-9_-]{32}$/);
    twilioState = 'ok';
  });

  it('keeps the configured order when Redis is down, without failing a login', async () => {
    const down = store({ url: 'redis://127.0.0.1:1', timeoutMs: 100 });
    const twilio = provider('twilio', () => 'ok');
    const vonage = provider('vonage', () => 'ok');
    const router = createRouter({
      providers: [twilio.value, vonage.value],
      health: true,
      store: down,
      storeKey,
    });
    const started = performance.now();
    expect((await router.send(message)).provider).toBe('twilio');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
