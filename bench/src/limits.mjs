import { fileURLToPath } from 'node:url';
import { childFailure, runNode } from './lib/processes.mjs';
import { summarize } from './lib/statistics.mjs';

const script = fileURLToPath(new URL('./limits-run.mjs', import.meta.url));

/** The velocity-limit check per send with each store (memory, api.cache, Redis on loopback). */
export async function measureLimits({ rounds, batchMs }) {
  const result = await runNode([script], { env: { BENCH_LIMITS: JSON.stringify({ rounds, batchMs }) } });
  if (!result.json || result.json.error) throw childFailure('the limits benchmark', result);
  if (result.json.skipped) return { skipped: result.json.skipped };
  const { perCheckUs, perSecond, concurrency, redisSkipped } = result.json;
  return {
    rounds,
    concurrency,
    ...(redisSkipped ? { redisSkipped } : {}),
    stores: Object.fromEntries(
      Object.keys(perCheckUs).map((name) => [
        name,
        { perCheckUs: summarize(perCheckUs[name]), perSecond: summarize(perSecond[name]) },
      ]),
    ),
  };
}
