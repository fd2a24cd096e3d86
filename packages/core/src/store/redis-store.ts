import * as z from 'zod/mini';
import { lazySchema, parseOptions } from '../contract/options.js';
import type { Store, StoreHit } from './store.js';

/** The part of an ioredis client the store uses (structural: core's types do not need ioredis). */
export interface RedisClientLike {
  readonly status: string;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'PX', ttlMs: number): Promise<unknown>;
  defineCommand(name: string, definition: { lua: string }): void;
  quit(): Promise<unknown>;
  disconnect(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://…` for TLS. Or give `client`. */
  url?: string;
  /** An ioredis client you built (cluster, sentinel, custom TLS); the store does not close it. */
  client?: RedisClientLike;
  /** Longest wait for one answer before the store gives up and lets the send through. Default 250 ms. */
  timeoutMs?: number;
  /** Longest wait for a connection. Default 2000 ms. */
  connectTimeoutMs?: number;
  /** Where the store reports that it is down (at most one line every 10 s). Default `console.warn`. */
  log?: (line: string) => void;
}

export interface RedisStore extends Store {
  /** Closes the connection the store opened (not a `client` you gave it). */
  close(): Promise<void>;
}

const optionsSchema = lazySchema(() =>
  z
    .strictObject({
      url: z.optional(
        z.string().check(
          z.refine((value) => /^rediss?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
            error: 'must be a redis:// or rediss:// (TLS) URL',
          }),
        ),
      ),
      client: z.optional(
        z.custom<RedisClientLike>(
          (value) =>
            typeof value === 'object' &&
            value !== null &&
            typeof (value as RedisClientLike).defineCommand === 'function',
          'must be an ioredis client',
        ),
      ),
      timeoutMs: z.optional(z.int().check(z.gte(10), z.lte(5000))),
      connectTimeoutMs: z.optional(z.int().check(z.gte(100), z.lte(30_000))),
      log: z.optional(
        z.custom<(line: string) => void>((value) => typeof value === 'function', 'must be a function'),
      ),
    })
    .check(
      z.refine((options) => (options.url === undefined) !== (options.client === undefined), {
        error: 'give url or client (one of them)',
        path: ['url'],
      }),
    ),
);

// Every counter of a send in one atomic round trip. A counter starts its window at its first
// addition; PTTL -1 (a key without expiry, written by something else) gets one too, so that no
// counter can live for ever.
const incrementScript = `
local counts = {}
for index, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 or redis.call('PTTL', key) == -1 then
    redis.call('PEXPIRE', key, ARGV[index])
  end
  counts[index] = count
end
return counts`;

const commandName = 'mfaSmsIncrement';
const logIntervalMs = 10_000;
// After a failure, sends skip Redis this long instead of each waiting out the timeout again.
const pauseAfterFailureMs = 1000;

type RedisConstructor = new (url: string, options: Record<string, unknown>) => RedisClientLike;

// ioredis is an optional peer dependency, loaded on the store's first use: an Action or an app
// that never configures Redis never pays for it. The name is held in a variable so that a bundler
// packing core into a user's app does not fail on an ioredis they never installed.
const ioredisPackage = 'ioredis';

async function loadIoredis(): Promise<RedisConstructor> {
  const module = (await import(ioredisPackage)) as { default?: unknown; Redis?: unknown };
  const candidate = module.Redis ?? module.default;
  if (typeof candidate !== 'function') throw new TypeError('ioredis exports no Redis class');
  return candidate as RedisConstructor;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // Only the kind of failure: a message may name the host, never the password, but a short
    // code is all a reader of the log needs.
    return typeof code === 'string' && /^[A-Z_]{2,32}$/.test(code) ? code : error.name;
  }
  return typeof error;
}

// What the timer rejects with: told apart from ioredis's own errors by identity.
const timedOut = Symbol('timed out');

/**
 * A Redis store (through ioredis), shared by every Auth0 container and process: atomic
 * increments with their expiry in one round trip, a short timeout, and a store that is down or
 * slow never blocks a login: counting and deduplication stop (fail open), sends skip Redis for a
 * second after each failure rather than each wait out the timeout, and the store says so in the
 * log, at most once every 10 seconds. Its keys are HMACs (`storeKey` is required with it).
 */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const settings = parseOptions(optionsSchema, options, { label: 'Redis store' });
  const timeoutMs = settings.timeoutMs ?? 250;
  const connectTimeoutMs = settings.connectTimeoutMs ?? 2000;
  const log = settings.log ?? ((line: string) => console.warn(line));
  let client: Promise<RedisClientLike> | undefined;
  let lastLog = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  let pausedUntil = 0;

  function report(what: string): void {
    const now = Date.now();
    if (now - lastLog < logIntervalMs) {
      unreported += 1;
      return;
    }
    const more = unreported > 0 ? ` (${unreported} more since the last line)` : '';
    lastLog = now;
    unreported = 0;
    try {
      log(
        `mfa-sms store=redis unavailable: ${what}${more}; sends go on without velocity limits and deduplication`,
      );
    } catch {
      // A broken logger must not break a send.
    }
  }

  function prepare(redis: RedisClientLike): RedisClientLike {
    redis.defineCommand(commandName, { lua: incrementScript });
    return redis;
  }

  function connection(): Promise<RedisClientLike> {
    client ??=
      settings.client !== undefined
        ? Promise.resolve(prepare(settings.client))
        : loadIoredis().then((Redis) => {
            const redis = new Redis(settings.url as string, {
              connectTimeout: connectTimeoutMs,
              commandTimeout: timeoutMs,
              // One try per command: a retry would only add to the login's wait.
              maxRetriesPerRequest: 0,
              // Reconnects in the background, at most every 5 s, while sends go on without it.
              retryStrategy: (times: number) => Math.min(times * 250, 5000),
              enableReadyCheck: true,
            });
            // ioredis emits 'error' for every failed connection attempt; without a listener
            // each one would be an unhandled error event.
            redis.on('error', (error) => report(describe(error)));
            return prepare(redis);
          });
    return client;
  }

  async function run<T>(operation: (redis: RedisClientLike) => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    if (Date.now() < pausedUntil) return undefined;
    try {
      const redis = await connection();
      // While ioredis reconnects, waiting for it would cost every login the timeout.
      if (redis.status === 'reconnecting' || redis.status === 'end' || redis.status === 'close') {
        report(`not connected (${redis.status})`);
        return undefined;
      }
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timedOut), timeoutMs);
        timer.unref?.();
      });
      return await Promise.race([operation(redis), timeout]);
    } catch (error) {
      pausedUntil = Date.now() + pauseAfterFailureMs;
      report(error === timedOut ? `no answer within ${timeoutMs} ms` : describe(error));
      return undefined;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  return {
    name: 'redis',
    shared: true,
    async increment(hits: readonly StoreHit[]) {
      if (hits.length === 0) return [];
      const counts = await run(async (redis) => {
        const command = (redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[
          commandName
        ] as (...args: unknown[]) => Promise<unknown>;
        return command.call(
          redis,
          hits.length,
          ...hits.map((hit) => hit.key),
          ...hits.map((hit) => String(hit.windowMs)),
        );
      });
      if (!Array.isArray(counts) || counts.length !== hits.length) return [];
      return counts.map(Number);
    },
    async get(key) {
      const value = await run((redis) => redis.get(key));
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, ttlMs) {
      await run((redis) => redis.set(key, value, 'PX', Math.max(1, Math.round(ttlMs))));
    },
    async close() {
      if (client === undefined || settings.client !== undefined) return;
      const redis = await client.catch(() => undefined);
      client = undefined;
      if (redis === undefined) return;
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}
