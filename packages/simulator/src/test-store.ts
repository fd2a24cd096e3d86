import { randomBytes } from 'node:crypto';
import {
  createActionHandlers,
  createStoreKeyer,
  createVelocityLimiter,
  type PhoneMessage,
  type Provider,
  type SendPhoneMessageEvent,
  type Store,
  type StoreHit,
} from '@mfa-sms/core';
import { afterEach, describe, expect, it } from 'vitest';

export interface TestStoreOptions {
  /** Names the store in the suite's title. */
  name: string;
  /**
   * Builds a fresh store for each test. `now` is the suite's clock: give it to a store that takes
   * one (`createMemoryStore({ now })`, `createAuth0CacheStore(cache, { now })`); a store that keeps
   * a server's time ignores it and sets `realTime`.
   */
  create(context: { now: () => number }): Store | Promise<Store>;
  /**
   * The store keeps time by a clock of its own (Redis's): the suite then waits for its windows,
   * of under a second, to pass instead of moving its clock, and leaves out the checks to the
   * millisecond.
   */
  realTime?: boolean;
  /** The same store over a backend that fails (down, refusing, throwing), for the fail-open checks. */
  failing?(): Store | Promise<Store>;
  /** Every key and value the store's backend holds, to check that no number or code reached it. */
  contents?(store: Store): readonly string[] | Promise<readonly string[]>;
  /** Releases a store after its test (a connection to close). */
  close?(store: Store): void | Promise<void>;
}

// A keyer of its own a run, so that a store on a server kept between runs starts each at zero.
const storeKey = randomBytes(16).toString('hex');
const keyer = createStoreKeyer(storeKey);
const recipient = '+447400123456';
const code = '493817';
// Every spelling of the recipient a store could be handed, and the code.
const neverStored = [recipient, recipient.slice(1), '07400123456', '7400123456', '74001', code];

function sendEvent(): SendPhoneMessageEvent {
  return {
    message_options: {
      recipient,
      text: `Your code is ${code}`,
      code,
      action: 'second-factor-authentication',
      message_type: 'sms',
    },
    request: { ip: '203.0.113.1' },
    user: { user_id: 'auth0|store-conformance' },
    tenant: { id: 'store-conformance' },
    secrets: {},
  };
}

/** The store's calls, as core makes them, kept for the checks of what a store is handed. */
function recording(store: Store): { store: Store; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    store: {
      name: store.name,
      shared: store.shared,
      increment(hits) {
        seen.push(...hits.map((hit) => hit.key));
        return store.increment(hits);
      },
      get(key) {
        seen.push(key);
        return store.get(key);
      },
      set(key, value, ttlMs) {
        seen.push(key, value);
        return store.set(key, value, ttlMs);
      },
    },
  };
}

/** Calls `operation`, failing the test if it throws rather than answering; awaits the answer. */
async function answerOf<T>(operation: () => T | Promise<T>): Promise<T> {
  let answer: T | Promise<T> | undefined;
  expect(() => {
    answer = operation();
  }).not.toThrow();
  return await (answer as T | Promise<T>);
}

/**
 * The conformance suite for a `Store` (the memory, `api.cache` and Redis stores run it; run it on
 * your own): a count per hit, in order, in fixed windows that later additions do not extend;
 * values kept for their time to live; concurrent additions all counted; what core hands a store
 * (hashed keys, never a number or a code) and that its counts drive the limits and its values the
 * deduplication; and, with `failing`, a store that never throws: `[]` for "could not count",
 * `undefined` for a read.
 */
export function testStore(options: TestStoreOptions): void {
  const realTime = options.realTime === true;
  // Real windows are long enough for a loaded machine's pauses between two calls (hundreds of ms).
  const windowMs = realTime ? 800 : 60_000;
  const start = 1_700_000_000_000;
  // The limits' shortest window is a second; the suite's windows are shorter on a real clock.
  const limitMs = 60_000;

  describe(`${options.name}: store conformance`, () => {
    let clock = start;
    const now = () => clock;
    const opened: Store[] = [];
    const pass = async (ms: number) => {
      if (realTime) await new Promise((resolve) => setTimeout(resolve, ms));
      else clock += ms;
    };
    const fresh = async () => {
      clock = start;
      const store = await options.create({ now });
      opened.push(store);
      return store;
    };
    let sequence = 0;
    const key = (what: string) => {
      sequence += 1;
      return keyer('t', `${what}:${sequence}`);
    };

    afterEach(async () => {
      for (const store of opened.splice(0)) await options.close?.(store);
    });

    it('says what it is: a name, and whether its keys leave the process', async () => {
      const store = await fresh();
      expect(store.name).toMatch(/^\S+$/);
      expect(typeof store.shared).toBe('boolean');
    });

    it('answers one count per hit, in order, each key counted apart', async () => {
      const store = await fresh();
      const [a, b, c] = [key('a'), key('b'), key('c')];
      const hit = (name: string): StoreHit => ({ key: name, windowMs });
      expect(await answerOf(() => store.increment([hit(a), hit(b)]))).toEqual([1, 1]);
      expect(await answerOf(() => store.increment([hit(a)]))).toEqual([2]);
      expect(await answerOf(() => store.increment([hit(b), hit(a), hit(c)]))).toEqual([2, 3, 1]);
      expect(await answerOf(() => store.increment([]))).toEqual([]);
    });

    it('counts in a fixed window from the first addition, which later additions do not extend', async () => {
      const store = await fresh();
      const hits = [{ key: key('window'), windowMs }];
      expect(await store.increment(hits)).toEqual([1]);
      await pass(windowMs / 2);
      expect(await store.increment(hits)).toEqual([2]);
      // Past the first window's end, well before the end a second addition would have moved it to.
      await pass((windowMs * 5) / 8);
      expect(await store.increment(hits)).toEqual([1]);
      expect(await store.increment(hits)).toEqual([2]);
    });

    it.skipIf(realTime)('ends a window exactly windowMs after its first addition', async () => {
      const store = await fresh();
      const hits = [{ key: key('edge'), windowMs }];
      expect(await store.increment(hits)).toEqual([1]);
      await pass(windowMs - 1);
      expect(await store.increment(hits)).toEqual([2]);
      await pass(1);
      expect(await store.increment(hits)).toEqual([1]);
    });

    it('gives each key a window of its own', async () => {
      const store = await fresh();
      const [early, late] = [key('early'), key('late')];
      await store.increment([{ key: early, windowMs }]);
      await pass(windowMs / 2);
      expect(await store.increment([{ key: late, windowMs }])).toEqual([1]);
      await pass((windowMs * 5) / 8);
      expect(
        await store.increment([
          { key: early, windowMs },
          { key: late, windowMs },
        ]),
      ).toEqual([1, 2]);
    });

    it('keeps a value for its time to live, then forgets it', async () => {
      const store = await fresh();
      const ttlMs = windowMs;
      // Keys as core writes them (45 bytes) and values as long as it stores (64 characters).
      const [kept, replaced] = [key('kept'), key('replaced')];
      const long = 'x'.repeat(64);
      expect(await answerOf(() => store.get(kept))).toBeUndefined();
      await answerOf(() => store.set(kept, long, ttlMs));
      await store.set(replaced, 'first', ttlMs);
      await store.set(replaced, 'second', ttlMs);
      expect(await store.get(kept)).toBe(long);
      expect(await store.get(replaced)).toBe('second');
      await pass(ttlMs / 2);
      expect(await store.get(kept)).toBe(long);
      await pass((ttlMs * 5) / 8);
      expect(await store.get(kept)).toBeUndefined();
    });

    it('counts additions made at the same time without losing one', async () => {
      const store = await fresh();
      const hits = [{ key: key('concurrent'), windowMs }];
      const counts = await Promise.all(Array.from({ length: 10 }, () => store.increment(hits)));
      expect(counts.flat().sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('limits and deduplicates for core, handed hashed keys only, never a number or a code', async () => {
      const store = await fresh();
      const recorded = recording(store);
      const limiter = createVelocityLimiter({
        store: recorded.store,
        storeKey,
        limits: {
          recipient: { count: 2, windowMs: limitMs },
          range: false,
          country: { count: 100, windowMs: limitMs },
        },
      });
      await limiter?.admit({ to: recipient });
      await limiter?.admit({ to: recipient });
      await expect(limiter?.admit({ to: recipient })).rejects.toMatchObject({
        code: 'blocked_destination',
        reason: 'velocity',
      });

      const sent: PhoneMessage[] = [];
      const provider: Provider = {
        name: 'counting',
        channels: ['sms'],
        async send(message) {
          sent.push(message);
          return { provider: 'counting', channel: 'sms', id: `SM${sent.length}`, to: message.to };
        },
      };
      const handlers = createActionHandlers({
        providers: [provider],
        store: recorded.store,
        storeKey,
        limits: false,
        log: () => {},
      });
      const unusedCache = {
        get: () => undefined,
        set: () => ({ type: 'success' as const }),
        delete: () => ({ type: 'success' as const }),
      };
      await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: unusedCache });
      await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: unusedCache });
      expect(sent).toHaveLength(1);

      const keys = recorded.seen.filter((entry) => entry.startsWith('mfa-sms:'));
      expect(keys.length).toBeGreaterThanOrEqual(6);
      for (const entry of keys) expect(entry).toMatch(/^mfa-sms:[a-z]:[\w-]{32}$/);
      const held = [...recorded.seen, ...((await options.contents?.(store)) ?? [])].join('\n');
      for (const secret of neverStored) expect(held).not.toContain(secret);
    });

    it.skipIf(options.failing === undefined)(
      'never throws when its backend fails: [] for the counts, undefined for a read',
      async () => {
        const store = await (options.failing as () => Store | Promise<Store>)();
        opened.push(store);
        const hits = [
          { key: key('down-a'), windowMs },
          { key: key('down-b'), windowMs },
        ];
        for (let attempt = 0; attempt < 3; attempt += 1) {
          expect(await answerOf(() => store.increment(hits))).toEqual([]);
          expect(await answerOf(() => store.get(hits[0]?.key as string))).toBeUndefined();
          expect(await answerOf(() => store.set(hits[0]?.key as string, 'value', windowMs))).toBeUndefined();
        }
        // So a login goes on: the limits let a send through a store that cannot count.
        const limiter = createVelocityLimiter({
          store,
          storeKey,
          limits: { recipient: { count: 1, windowMs: limitMs } },
        });
        for (let attempt = 0; attempt < 3; attempt += 1) await limiter?.admit({ to: recipient });
      },
    );
  });
}
