// The velocity-limit check alone (`createVelocityLimiter().admit`, the default limits), per send,
// with each store: memory, Auth0's api.cache (a 20-entry stand-in) and Redis on loopback (a
// redis-server started here on a free port, stopped at the end; skipped when none is installed).
// Prints one JSON line: microseconds per check one at a time, checks per second 32 at a time.
import { startRedis } from './lib/redis.mjs';

const settings = JSON.parse(process.env.BENCH_LIMITS ?? '{}');
const rounds = settings.rounds ?? 5;
const batchMs = settings.batchMs ?? 200;
const concurrency = 32;

function print(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// The default limits (recipient and range; country is off by default and would add a number
// parse the router's guard has already cached), with counts high enough never to block: what is
// measured is the counting, not the refusal.
const limits = {
  recipient: { count: 1_000_000, windowMs: 3_600_000 },
  range: { count: 1_000_000, windowMs: 600_000 },
};

/** Auth0's api.cache: 20 entries, the oldest dropped first. */
function actionCache() {
  const entries = new Map();
  return {
    get: (key) => (entries.has(key) ? { value: entries.get(key) } : undefined),
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > 20) entries.delete(entries.keys().next().value);
      return { type: 'success' };
    },
    delete(key) {
      entries.delete(key);
      return { type: 'success' };
    },
  };
}

const numberOf = (index) => `+336${String(10_000_000 + (index % 80_000_000)).padStart(8, '0')}`;

async function oneAtATime(admit) {
  let index = 0;
  const started = performance.now();
  const deadline = started + batchMs;
  while (performance.now() < deadline) {
    for (let step = 0; step < 50; step += 1) await admit(numberOf(index++));
  }
  return ((performance.now() - started) * 1000) / index;
}

async function concurrent(admit) {
  let index = 0;
  const started = performance.now();
  const deadline = started + batchMs;
  const worker = async () => {
    while (performance.now() < deadline) await admit(numberOf(index++));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return index / ((performance.now() - started) / 1000);
}

async function main() {
  const core = await import('@mfa-sms/core');
  if (typeof core.createVelocityLimiter !== 'function') {
    print({ skipped: '@mfa-sms/core is not built with createVelocityLimiter yet (npm run build)' });
    return;
  }
  const redis = await startRedis();
  const redisStore = redis ? core.createRedisStore({ url: redis.url }) : undefined;
  const storeKey = 'bench-store-key-0123456789abcdef';
  const memory = core.createVelocityLimiter({ limits, store: core.createMemoryStore() });
  const cacheStore = core.createAuth0CacheStore(actionCache());
  const cache = core.createVelocityLimiter({ limits, store: core.createMemoryStore() });
  const candidates = {
    memory: (to) => memory.admit({ to }),
    'api.cache': (to) => cache.admit({ to }, cacheStore),
  };
  if (redisStore) {
    const limiter = core.createVelocityLimiter({ limits, store: redisStore, storeKey });
    candidates['Redis (loopback)'] = (to) => limiter.admit({ to });
  }
  const perCheckUs = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
  const perSecond = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
  try {
    // One warm-up round, then alternating rounds so that no store gets a quieter machine.
    for (const admit of Object.values(candidates)) {
      await oneAtATime(admit);
      await concurrent(admit);
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const [name, admit] of Object.entries(candidates)) {
        perCheckUs[name].push(await oneAtATime(admit));
        perSecond[name].push(await concurrent(admit));
      }
    }
  } finally {
    await redisStore?.close();
    redis?.stop();
  }
  print({
    perCheckUs,
    perSecond,
    concurrency,
    ...(redis ? {} : { redisSkipped: 'redis-server is not installed' }),
  });
}

main().catch((error) => {
  print({ error: String(error?.stack ?? error) });
  process.exitCode = 1;
});
