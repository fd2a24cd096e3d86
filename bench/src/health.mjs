import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { childFailure, runNode } from './lib/processes.mjs';
import { formatNumber, formatSpread, median, summarize } from './lib/statistics.mjs';

const script = fileURLToPath(new URL('./health-run.mjs', import.meta.url));

/** Provider health on and off on the warm send path, with the memory store and Redis on loopback. */
export async function measureHealth({ rounds, batchMs }) {
  const loadBefore = os.loadavg()[0];
  const result = await runNode([script], {
    env: { BENCH_HEALTH: JSON.stringify({ rounds, batchMs }) },
    timeoutMs: 600_000,
  });
  if (!result.json || result.json.error) throw childFailure('the health benchmark', result);
  const { perSendUs, cpuPerSendUs, redisSkipped, sent, journal } = result.json;
  // Every send the routers reported is one the simulator accepted, and nothing else reached it.
  if (journal.accepted?.twilio !== sent || journal.requests !== sent)
    throw new Error(`the health benchmark reported ${sent} sends, the simulator saw ${journal.requests}`);
  const rows = {};
  for (const [name, us] of Object.entries(perSendUs)) {
    const [store, path] = name.split('|');
    // Paired round by round (each round ran off and on back to back), so that the machine's
    // drift between rounds cancels out.
    const addedUs = us.on.map((on, round) => on - us.off[round]);
    const addedPercent = us.on.map((on, round) => (100 * (on - us.off[round])) / us.off[round]);
    const cpu = cpuPerSendUs[name];
    rows[name] = {
      cpuOff: summarize(cpu.off),
      cpuOn: summarize(cpu.on),
      cpuAddedUs: summarize(cpu.on.map((on, round) => on - cpu.off[round])),
      store,
      path,
      off: summarize(us.off),
      on: summarize(us.on),
      addedUs: summarize(addedUs),
      addedPercent: median(addedPercent),
    };
  }
  const load = [loadBefore, os.loadavg()[0]];
  return { rounds, batchMs, sent, rows, load, ...(redisSkipped ? { redisSkipped } : {}) };
}

const signed = (value, digits = 1) => `${value >= 0 ? '+' : ''}${formatNumber(value, digits)}`;

/** The "Provider health" section of RESULTS.md. */
export function healthSection(health) {
  if (!health) return [];
  const rows = Object.values(health.rows);
  const warm = (store) => rows.find((row) => row.store === store && row.path === 'send');
  return [
    '## Provider health',
    '',
    'What provider health adds to a warm send when nobody rests (one store read per send): ' +
      'routers with two providers (health reorders only where there is a choice), health off ' +
      'and on, one send at a time. "send" is the whole send to the simulator in its own process; ' +
      '"router alone" has providers that answer at once in process, so that the router\'s own ' +
      `work is not hidden in the HTTP round trip's noise. Median (min–max) of ${health.rounds} ` +
      `rounds of ${health.batchMs} ms; off and on alternate round by round, and "added" is the ` +
      'median of the per-round differences. "Of the warm send" is that difference over the whole ' +
      'send with health off (the budget: under 5 % with the memory store). Redis is a ' +
      'redis-server on loopback. "Fastest rounds" is the difference of the two minimums: on a ' +
      'shared machine, the least disturbed measure of each. The CPU columns are the sending ' +
      "process's CPU time per send (the simulator and Redis run in processes of their own): what " +
      'is left of the cost when other processes take turns on the cores.' +
      ` Load average (1 min) before and after: ${health.load.map((value) => formatNumber(value, 1)).join(' and ')} on ${os.availableParallelism()} CPUs.` +
      (health.redisSkipped ? ` Redis: ${health.redisSkipped}.` : ''),
    '',
    '| store | path | µs per send, off | µs per send, on | added per send | of the warm send | added, fastest rounds | CPU µs per send, off → on | CPU added (of the warm send) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.store} | ${row.path} | ${formatSpread(row.off, 1)} | ${formatSpread(row.on, 1)} | ` +
        `${signed(row.addedUs.median)} µs | ${signed((100 * row.addedUs.median) / (warm(row.store)?.off.median ?? Number.NaN))} % | ` +
        `${signed(row.on.min - row.off.min)} µs (${signed((100 * (row.on.min - row.off.min)) / (warm(row.store)?.off.min ?? Number.NaN))} %) | ` +
        `${formatNumber(row.cpuOff.median, 1)} → ${formatNumber(row.cpuOn.median, 1)} | ` +
        `${signed(row.cpuAddedUs.median)} µs (${signed((100 * row.cpuAddedUs.median) / (warm(row.store)?.cpuOff.median ?? Number.NaN))} %) |`,
    ),
  ];
}
