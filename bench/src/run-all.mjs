// `npm run bench`: every comparison, several rounds each, then bench/RESULTS.md.
// `--quick` runs a few rounds only and writes bench/.tmp/RESULTS.quick.md instead (for working on
// the harness; its figures are too noisy to commit).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderReport } from './report.mjs';
import { allScenarios, runSuite } from './suite.mjs';

const quick = process.argv.includes('--quick');

const profile = {
  cold: { scenarios: allScenarios, rounds: quick ? 3 : 15 },
  warm: {
    scenarios: allScenarios,
    rounds: quick ? 1 : 5,
    durationMs: quick ? 500 : 2000,
    warmup: 200,
    concurrencies: [1, 32],
  },
  numbers: { rounds: quick ? 4 : 12, batchMs: quick ? 100 : 250 },
  limits: { rounds: quick ? 2 : 8, batchMs: quick ? 100 : 250 },
  health: { rounds: quick ? 2 : 10, batchMs: quick ? 200 : 500 },
  packageSizes: true,
};

const run = await runSuite(profile);
const report = renderReport({
  title: quick ? 'mfa-sms benchmark (quick run, not for committing)' : 'mfa-sms benchmark results',
  command: quick ? 'node bench/src/run-all.mjs --quick' : 'npm run bench',
  ...run,
});
const output = new URL(quick ? '../.tmp/RESULTS.quick.md' : '../RESULTS.md', import.meta.url);
mkdirSync(new URL('.', output), { recursive: true });
writeFileSync(output, report);
console.log(`\n${report}`);
console.log(`written to ${fileURLToPath(output)}`);
