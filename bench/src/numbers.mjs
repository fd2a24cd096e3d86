import { fileURLToPath } from 'node:url';
import { childFailure, runNode } from './lib/processes.mjs';
import { summarize } from './lib/statistics.mjs';

const script = fileURLToPath(new URL('./numbers-run.mjs', import.meta.url));

/** Phone numbers normalised per second by `normalizePhoneNumber` and by bare libphonenumber-js. */
export async function measureNumbers({ rounds, batchMs }) {
  const result = await runNode([script], { env: { BENCH_NUMBERS: JSON.stringify({ rounds, batchMs }) } });
  if (!result.json || result.json.error) {
    if (result.json?.disagreements) {
      throw new Error(`numbers: ${result.json.error}: ${JSON.stringify(result.json.disagreements)}`);
    }
    throw childFailure('the numbers benchmark', result);
  }
  if (result.json.skipped) return { skipped: result.json.skipped };
  const { variant, inputs, repetitions, perSecond } = result.json;
  return {
    variant,
    inputs,
    repetitions,
    rounds,
    candidates: Object.fromEntries(
      Object.entries(perSecond).map(([name, values]) => [name, summarize(values)]),
    ),
  };
}
