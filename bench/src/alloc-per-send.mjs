// `npm run bench:alloc`: what one warm send costs in memory, a figure a busy machine does not blur.
// Each client sends a fixed number of messages after a warm-up, in a fresh process, against the
// simulator; V8's GC trace gives the bytes allocated and promoted per send, the process its CPU time
// and peak RSS. `--compare <dir>` measures a second checkout (built, with its node_modules: a
// `git worktree` of an older commit) in the same rounds, alternating, so that a regression between
// two commits is told by bytes rather than by timings taken under someone else's load.
//
//   node src/alloc-per-send.mjs [--scenarios action,mfa-sms-packages] [--rounds 3] [--sends 10000]
//     [--warmup 12000] [--concurrency 32] [--compare <dir>] [--warm] [--profile cpu|heap|promoted]
//
// `--warm` adds, per round and checkout, one run of the bench's own warm driver (as `npm run bench`
// runs it: sends/s at concurrency 1 and 32, peak RSS at 32). `--profile cpu` samples the measured
// sends' stacks and prints the functions and files with the most self time; `--profile heap` the
// ones that allocate the most, `--profile promoted` what they allocate that outlives the young
// generation (the profiles change the figures: profile in runs of their own).
import { fileURLToPath } from 'node:url';
import { gcTotals } from './lib/fixed-run.mjs';
import { childFailure, runNode } from './lib/processes.mjs';
import { formatNumber, formatSpread, rotated, summarize } from './lib/statistics.mjs';
import { checkJournal, startTarget } from './lib/target.mjs';

const fixedRun = fileURLToPath(new URL('./lib/fixed-run.mjs', import.meta.url));
const ownRoot = fileURLToPath(new URL('../../', import.meta.url));

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
}

const scenarios = option('--scenarios', 'action,mfa-sms-packages').split(',');
const rounds = Number(option('--rounds', 3));
const settings = {
  sends: Number(option('--sends', 10_000)),
  warmup: Number(option('--warmup', 12_000)),
  concurrency: Number(option('--concurrency', 32)),
  profile: option('--profile', false),
};
const warm = process.argv.includes('--warm');
const compare = option('--compare', undefined);
const checkouts = compare
  ? [
      { label: 'compared', root: compare },
      { label: 'this', root: ownRoot },
    ]
  : [{ label: 'this', root: ownRoot }];

async function fixed(target, checkout, scenario) {
  await target.reset();
  const result = await runNode(['--expose-gc', '--trace-gc-nvp', fixedRun, checkout.root, scenario], {
    env: { BENCH_TARGET: JSON.stringify(target.description), BENCH_FIXED: JSON.stringify(settings) },
    timeoutMs: 600_000,
  });
  if (result.code !== 0 || !result.json || result.json.error) {
    throw childFailure(`${scenario} (${checkout.label}, fixed run)`, result);
  }
  await checkJournal(target, `${scenario} (${checkout.label})`, result.json.sends);
  const gc = gcTotals(result.stdout);
  return {
    ...result.json,
    allocatedPerSend: gc.allocated / result.json.measured,
    promotedPerSend: gc.promoted / result.json.measured,
    markCompacts: gc.markCompacts,
  };
}

async function warmRun(target, checkout, scenario, retries = 1) {
  await target.reset();
  const driver = `${checkout.root.replace(/\/$/, '')}/bench/src/scenarios/driver.mjs`;
  const result = await runNode([driver, scenario, 'warm'], {
    env: {
      BENCH_TARGET: JSON.stringify(target.description),
      BENCH_WARM: JSON.stringify({ durationMs: 2000, warmup: 200, concurrencies: [1, 32] }),
    },
    timeoutMs: 120_000,
  });
  if (result.code !== 0 || !result.json || result.json.error) {
    const failure = childFailure(`${scenario} (${checkout.label}, warm)`, result);
    // Under heavy load the driver's last line is now and then lost: one more run, said.
    if (retries === 0) throw failure;
    console.error(`${failure.message.split('\n')[0]}; running it again`);
    return warmRun(target, checkout, scenario, retries - 1);
  }
  await checkJournal(target, `${scenario} (${checkout.label}, warm)`, result.json.sends);
  const [one, many] = result.json.phases;
  return { c1: one.perSecond, c32: many.perSecond, peakRss32: many.peakRssBytes };
}

const mib = (bytes) => bytes / 1024 / 1024;

function printProfile(label, profile) {
  const what = { cpu: 'self time', heap: 'bytes allocated', promoted: 'bytes promoted' }[settings.profile];
  console.log(`\n${label}: ${what}, shares of ${formatNumber(profile.total)}`);
  for (const { name, share } of profile.files)
    console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
  console.log('  functions:');
  for (const { name, share } of profile.functions)
    console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
}

const target = await startTarget();
const samples = {};
try {
  const runs = scenarios.flatMap((scenario) => checkouts.map((checkout) => ({ scenario, checkout })));
  for (let round = 0; round < rounds; round += 1) {
    for (const { scenario, checkout } of rotated(runs, round)) {
      const key = `${scenario} ${checkout.label}`;
      samples[key] ??= { fixed: [], warm: [] };
      const run = await fixed(target, checkout, scenario);
      samples[key].fixed.push(run);
      if (run.profile) printProfile(`${key}, round ${round + 1}`, run.profile);
      if (warm) samples[key].warm.push(await warmRun(target, checkout, scenario));
    }
    console.error(`round ${round + 1}/${rounds} done`);
  }
} finally {
  await target.close();
}

const { sends, warmup, concurrency } = settings;
console.log(
  `\n${rounds} rounds; fixed runs of ${formatNumber(sends)} sends at concurrency ${concurrency} after ${formatNumber(warmup)}; median (min–max)`,
);
const rows = [
  ['bytes allocated / send', (run) => run.allocatedPerSend, 0, 'fixed'],
  ['bytes promoted / send', (run) => run.promotedPerSend, 0, 'fixed'],
  ['heap kept after the run (MiB)', (run) => mib(run.retainedBytes), 2, 'fixed'],
  ['heap used after GC (MiB)', (run) => mib(run.heapUsedBytes), 2, 'fixed'],
  ['peak RSS, fixed run (MiB)', (run) => mib(run.peakResidentBytes), 1, 'fixed'],
  ['mark-compacts during the run', (run) => run.markCompacts, 0, 'fixed'],
  ['CPU µs / send', (run) => run.cpuMicrosPerSend, 1, 'fixed'],
  ['warm sends/s, 1 at a time', (run) => run.c1, 0, 'warm'],
  ['warm sends/s, 32 concurrent', (run) => run.c32, 0, 'warm'],
  ['warm peak RSS at 32 (MiB)', (run) => mib(run.peakRss32), 1, 'warm'],
];
for (const scenario of scenarios) {
  console.log(`\n${scenario}`);
  for (const [label, pick, digits, kind] of rows) {
    if (kind === 'warm' && !warm) continue;
    const cells = checkouts.map(
      ({ label: name }) =>
        `${name} ${formatSpread(summarize(samples[`${scenario} ${name}`][kind].map(pick)), digits)}`,
    );
    console.log(`  ${label.padEnd(32)} ${cells.join('   ')}`);
  }
}
