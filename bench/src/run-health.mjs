// `npm run bench:health`: the provider-health measurement alone (`npm run bench` runs it too).
// Prints the RESULTS.md section; `--rounds N` and `--batch-ms N` set the run's length.
import { healthSection, measureHealth } from './health.mjs';

const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};

const health = await measureHealth({ rounds: option('--rounds', 10), batchMs: option('--batch-ms', 500) });
console.log(healthSection(health).join('\n'));
console.log(`\n${JSON.stringify(health)}`);
