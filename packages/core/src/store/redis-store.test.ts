import { createServer, type Server, type Socket } from 'node:net';
import { createFakeAuth0Cache, sendPhoneMessageEvent } from '@mfa-sms/simulator/auth0';
import { closedPort } from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { createActionHandlers } from '../action/action-handlers.js';
import type { PhoneMessage, Provider } from '../contract/types.js';
import { createVelocityLimiter } from '../routing/limits.js';
import { createRouter } from '../routing/router.js';
import { redisServerPath, useRedisServer } from './redis-server.test-helper.js';
import { createRedisStore } from './redis-store.js';

const binary = redisServerPath();
const storeKey = 'test-store-key-0123456789abcdef';

function countingProvider(): Provider & { sent: PhoneMessage[] } {
  const sent: PhoneMessage[] = [];
  return {
    name: 'counting',
    channels: ['sms'],
    sent,
    async send(message) {
      sent.push(message);
      return { provider: 'counting', channel: 'sms', id: `SM${sent.length}`, to: message.to };
    },
  };
}

// Auth0's api.cache (20 entries, 8 kB, evicting the oldest when full) and its events, from the
// simulator's fake Auth0 runtime.
const auth0Cache = () => createFakeAuth0Cache({ whenFull: 'evict-oldest' });
const sendEvent = (recipient: string, code: string) =>
  sendPhoneMessageEvent({ recipient, code, text: `Your code is ${code}`, secrets: {} });

describe.skipIf(binary === undefined)('Redis store (a real redis-server)', () => {
  const redis = useRedisServer(binary as string);
  const store = redis.store;

  it('enforces the limits across two processes sharing it (two stores, one server)', async () => {
    const first = createVelocityLimiter({ store: store(), storeKey, limits: { range: false } });
    const second = createVelocityLimiter({ store: store(), storeKey, limits: { range: false } });
    for (let index = 0; index < 5; index += 1) {
      await (index % 2 === 0 ? first : second)?.admit({ to: '+447400111111' });
    }
    await expect(second?.admit({ to: '+447400111111' })).rejects.toMatchObject({
      code: 'blocked_destination',
      reason: 'velocity',
    });
  });

  it('stops a pumping burst (1,000 sends to 200 numbers of one range) after the range limit, counted in Redis', async () => {
    redis.server.cli('flushall');
    const provider = countingProvider();
    // Two routers on one Redis: two Auth0 containers sharing the count.
    const routers = [0, 1].map(() =>
      createRouter({ providers: [provider], limits: true, store: store({ timeoutMs: 2000 }), storeKey }),
    );
    const numbers = Array.from(
      { length: 200 },
      (_, index) => `+4474005${String(index * 13).padStart(5, '0')}`,
    );
    const outcomes = await Promise.all(
      Array.from({ length: 1000 }, (_, index) =>
        (routers[index % 2] as ReturnType<typeof createRouter>)
          .send({
            to: numbers[index % 200] as string,
            text: 'Your code is 123456',
            channel: 'sms',
            code: '123456',
          })
          .then(
            () => 'sent',
            (error: { reason?: string }) => error.reason,
          ),
      ),
    );
    expect(provider.sent).toHaveLength(30);
    expect(outcomes.filter((outcome) => outcome === 'velocity')).toHaveLength(970);
  });

  it('deduplicates across containers where api.cache runs out of room', async () => {
    const numbers = Array.from(
      { length: 400 },
      (_, index) => `+4474002${String(index * 101).padStart(5, '0')}`,
    );
    const codes = numbers.map((_, index) => String(300_000 + index));
    // Each round in a container of its own (new handlers), the trigger's cache shared by both.
    const run = async (
      handlers: () => ReturnType<typeof createActionHandlers>,
      provider: { sent: unknown[] },
    ) => {
      const cache = auth0Cache();
      for (let round = 0; round < 2; round += 1) {
        const container = handlers();
        for (const [index, number] of numbers.entries()) {
          await container.onExecuteSendPhoneMessage(sendEvent(number, codes[index] as string), { cache });
        }
      }
      return provider.sent.length;
    };
    const withRedis = countingProvider();
    const redis = store();
    expect(
      await run(
        () =>
          createActionHandlers({
            providers: [withRedis],
            store: redis,
            storeKey,
            limits: false,
            log: () => {},
          }),
        withRedis,
      ),
    ).toBe(400);
    // The same 800 executions with api.cache alone: its 8 kB hold fewer than 400 entries.
    const withCache = countingProvider();
    const sent = await run(
      () => createActionHandlers({ providers: [withCache], limits: false, log: () => {} }),
      withCache,
    );
    expect(sent).toBeGreaterThan(400);
  });

  it('refuses to run without a store key', async () => {
    const handlers = createActionHandlers({ providers: [countingProvider()], store: store(), log: () => {} });
    await expect(
      handlers.onExecuteSendPhoneMessage(sendEvent('+447400111112', '111222'), { cache: auth0Cache() }),
    ).rejects.toMatchObject({
      code: 'invalid_config',
      message: expect.stringContaining('storeKey is required'),
    });
    expect(() => createVelocityLimiter({ store: store() })).toThrow(
      expect.objectContaining({ code: 'invalid_config', message: expect.stringContaining('storeKey') }),
    );
  });

  it('fails open, fast and logged, when Redis is down', async () => {
    const lines: string[] = [];
    const down = store({ url: `redis://127.0.0.1:${await closedPort()}`, log: (line) => lines.push(line) });
    const limiter = createVelocityLimiter({
      store: down,
      storeKey,
      limits: { recipient: { count: 1, windowMs: 60_000 } },
    });
    const started = performance.now();
    for (let index = 0; index < 5; index += 1) await limiter?.admit({ to: '+447400222222' });
    expect(await down.get('anything')).toBeUndefined();
    await down.set('anything', 'x', 1000);
    expect(performance.now() - started).toBeLessThan(5 * 250 + 1000);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toMatch(/^mfa-sms store=redis unavailable: /);
    expect(lines.join('\n')).not.toContain('7400222222');
  });

  it('fails open after its timeout when Redis is slow (accepts, never answers)', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const lines: string[] = [];
    const slow = store({ url: `redis://127.0.0.1:${port}`, timeoutMs: 100, log: (line) => lines.push(line) });
    const provider = countingProvider();
    const handlers = createActionHandlers({ providers: [provider], store: slow, storeKey, log: () => {} });
    const started = performance.now();
    await handlers.onExecuteSendPhoneMessage(sendEvent('+447400333333', '123123'), { cache: auth0Cache() });
    const elapsed = performance.now() - started;
    expect(provider.sent).toHaveLength(1);
    // get, increment and set each wait at most the timeout
    expect(elapsed).toBeLessThan(3 * 100 + 500);
    expect(lines[0]).toContain('no answer within 100 ms');
    // The next login within a second does not wait for Redis again.
    const again = performance.now();
    await handlers.onExecuteSendPhoneMessage(sendEvent('+447400333334', '123124'), { cache: auth0Cache() });
    expect(performance.now() - again).toBeLessThan(80);
    expect(provider.sent).toHaveLength(2);
    await slow.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('refuses a URL that is not redis:// or rediss:// without echoing it', () => {
    expect(() => createRedisStore({ url: 'http://user:hunter2-secret@example.com' })).toThrow(
      expect.objectContaining({ code: 'invalid_config', message: expect.not.stringContaining('hunter2') }),
    );
  });
});

describe('Redis store options', () => {
  it('takes rediss:// (TLS) and opens no connection before its first use', async () => {
    const lines: string[] = [];
    const store = createRedisStore({
      url: 'rediss://user:password@redis.example.invalid:6380/0',
      log: (line) => lines.push(line),
    });
    expect(store).toMatchObject({ name: 'redis', shared: true });
    await store.close();
    expect(lines).toEqual([]);
  });

  it('wants a url or a client, not both', () => {
    expect(() => createRedisStore({})).toThrow(expect.objectContaining({ code: 'invalid_config' }));
  });
});
