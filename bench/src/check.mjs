// `npm run bench:check`: the budgets only, with fewer rounds (well under two minutes), before a
// release. Exits 1 when a budget is broken, and also when one could not be measured because its
// subject is not built (--allow-missing or BENCH_ALLOW_MISSING=1 accepts that while developing).

import { warmSubjects } from './budgets.mjs';
import { formatRatio } from './lib/statistics.mjs';
import { runSuite } from './suite.mjs';

const allowMissing = process.argv.includes('--allow-missing') || process.env.BENCH_ALLOW_MISSING === '1';

const profile = {
  cold: { scenarios: ['axios-classic', 'twilio-sdk', 'action', 'action-aws'], rounds: 9, modes: ['cold'] },
  warm: {
    scenarios: ['raw-undici', ...warmSubjects],
    rounds: 5,
    durationMs: 1500,
    warmup: 200,
    concurrencies: [1, 32],
  },
  numbers: { rounds: 6, batchMs: 120 },
  packageSizes: false,
};

const run = await runSuite(profile);
console.log(`\nbudgets (${(run.elapsedMs / 1000).toFixed(0)} s, ${run.machine.node}):`);
for (const budget of run.budgets) {
  const figures =
    budget.status === 'SKIP'
      ? budget.note
      : `${budget.measured}, ${formatRatio(budget.ratio)} (limit ${budget.limit})`;
  console.log(`  ${budget.status.padEnd(4)} ${budget.id.padEnd(3)} ${budget.title}: ${figures}`);
}
const failed = run.budgets.filter((budget) => budget.status === 'FAIL');
const missing = run.budgets.filter((budget) => budget.status === 'SKIP');
if (failed.length)
  console.error(`\n${failed.length} budget(s) broken: ${failed.map((budget) => budget.id).join(', ')}`);
if (missing.length) {
  console.error(
    `${missing.length} budget(s) not measured: ${missing.map((budget) => budget.id).join(', ')}${allowMissing ? ' (allowed by --allow-missing)' : ' (build everything first, or pass --allow-missing or BENCH_ALLOW_MISSING=1)'}`,
  );
}
process.exitCode = failed.length || (missing.length && !allowMissing) ? 1 : 0;
