import { hash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { createFakeAuth0Cache, sendPhoneMessageEvent } from '@mfa-sms/simulator/auth0';
import { describe, expect, it } from 'vitest';
import { createActionHandlers } from '../action/action-handlers.js';
import type { Provider } from '../contract/types.js';
import { createVelocityLimiter } from '../routing/limits.js';
import { createRouter } from '../routing/router.js';
import { createRedisStore } from './redis-store.js';
import { createMemoryStore } from './store.js';
import { createStoreKeyer, storeKeyerFor } from './store-keys.js';

const memory = createMemoryStore();

describe('store keys', () => {
  it.each([
    ['one repeated character', 'k'.repeat(20)],
    ['two characters', 'abababababababababab'],
    ['a repeated block', 'abcdefabcdefabcdefab'],
    ['one character for half of it', 'aaaaaaaaaaaaaaaaaa0123456789'],
    ['too short', 'x7Gq2'],
  ])('refuses a guessable storeKey (%s), explaining the rule without echoing it', (_, key) => {
    let thrown: unknown;
    try {
      storeKeyerFor(memory, key, 'Secret MFA_SMS_STORE_KEY');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'invalid_config',
      message: expect.stringMatching(/^Secret MFA_SMS_STORE_KEY is .*at least 16 characters/),
    });
    expect(inspect(thrown, { depth: 5 })).not.toContain(key);
  });

  it('takes random keys of 16 characters or more (hex, base64)', () => {
    // Random bytes, but the same every run: about 1 hex key of 16 in 10,000 is refused (fewer than
    // 6 different characters, or one for half of it), and a test must not fail by chance.
    const bytes = (index: number, length: number) =>
      hash('sha512', `key ${index}`, 'buffer').subarray(0, length);
    for (let index = 0; index < 2000; index += 1) {
      expect(() => storeKeyerFor(memory, bytes(index, 8).toString('hex'))).not.toThrow();
      expect(() => storeKeyerFor(memory, bytes(index, 12).toString('base64'))).not.toThrow();
      expect(() => storeKeyerFor(memory, bytes(index, 24).toString('base64url'))).not.toThrow();
    }
  });

  it('fails closed without a store key when a store is shared (Redis), before any connection', async () => {
    const lines: string[] = [];
    const redis = createRedisStore({ url: 'redis://127.0.0.1:1', log: (line) => lines.push(line) });
    const provider: Provider = {
      name: 'never',
      channels: ['sms'],
      send: () => Promise.reject(new Error('must not send')),
    };
    expect(() => createVelocityLimiter({ store: redis })).toThrow(
      expect.objectContaining({
        code: 'invalid_config',
        message: expect.stringContaining('storeKey is required'),
      }),
    );
    expect(() => createRouter({ providers: [provider], store: redis, limits: true })).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
    const handlers = createActionHandlers({ providers: [provider], store: redis, log: () => {} });
    await expect(
      handlers.onExecuteSendPhoneMessage(sendPhoneMessageEvent({ recipient: '+447400123456' }), {
        cache: createFakeAuth0Cache(),
      }),
    ).rejects.toMatchObject({
      code: 'invalid_config',
      message: expect.stringContaining('storeKey is required'),
    });
    // Refused before Redis was asked anything.
    expect(lines).toEqual([]);
    await redis.close();
  });

  it('keys api.cache (HMAC) when a store key is given without a store of its own', async () => {
    const storeKey = randomBytes(16).toString('hex');
    const sent: string[] = [];
    const provider: Provider = {
      name: 'counting',
      channels: ['sms'],
      async send(message) {
        sent.push(message.to);
        return { provider: 'counting', channel: 'sms', id: `SM${sent.length}`, to: message.to };
      },
    };
    const contents = async (key: string | undefined) => {
      const cache = createFakeAuth0Cache();
      const handlers = createActionHandlers({ providers: [provider], storeKey: key, log: () => {} });
      await handlers.onExecuteSendPhoneMessage(
        sendPhoneMessageEvent({ recipient: '+447400123456', code: '493817' }),
        { cache },
      );
      return [...cache.entries()].flat().join(' ');
    };
    const id = (keyer: ReturnType<typeof createStoreKeyer>) =>
      keyer('r', '+447400123456').replace(/^mfa-sms:(\w):(.{10}).*$/, '$1$2');
    const unkeyed = await contents(undefined);
    expect(unkeyed).toContain(id(createStoreKeyer()));
    const keyed = await contents(storeKey);
    expect(keyed).not.toContain(id(createStoreKeyer()));
    expect(keyed).toContain(id(createStoreKeyer(storeKey)));
    expect(sent).toHaveLength(2);
  });
});
