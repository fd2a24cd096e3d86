// Warm throughput: one process per client and round, warmed up, then sending for a fixed time at
// each concurrency. Clients take turns round after round, in rotating order.
import { fileURLToPath } from 'node:url';
import { childFailure, runNode } from './lib/processes.mjs';
import { median, rotated, summarize } from './lib/statistics.mjs';
import { checkJournal } from './lib/target.mjs';

const driver = fileURLToPath(new URL('./scenarios/driver.mjs', import.meta.url));

async function runWarm(target, scenario, settings) {
  await target.reset();
  const cpuBefore = await target.cpu();
  const result = await runNode([driver, scenario, 'warm'], {
    env: { BENCH_TARGET: JSON.stringify(target.description), BENCH_WARM: JSON.stringify(settings) },
    timeoutMs: 60_000 + settings.durationMs * settings.concurrencies.length * 3,
  });
  const cpuAfter = await target.cpu();
  if (result.code !== 0 || !result.json) throw childFailure(`${scenario} (warm)`, result);
  if (result.json.skipped) return result.json;
  await checkJournal(target, `${scenario} (warm)`, result.json.sends);
  // How busy the server was: near 100 % of a core means the server, not the client, set the pace.
  const serverBusy = (cpuAfter.seconds - cpuBefore.seconds) / ((cpuAfter.at - cpuBefore.at) / 1000);
  return { ...result.json, serverBusy };
}

/** Throughput, latency and peak memory of each scenario at each concurrency, `rounds` times. */
export async function measureWarmThroughput({
  target,
  scenarios,
  rounds,
  durationMs,
  warmup,
  concurrencies,
  log,
}) {
  const settings = { durationMs, warmup, concurrencies };
  const skipped = {};
  const available = [];
  for (const scenario of scenarios) {
    // A short unmeasured run: does the subject exist, and does it send correctly under load?
    const probe = await runWarm(target, scenario, { durationMs: 100, warmup: 16, concurrencies });
    if (probe.skipped) {
      skipped[scenario] = probe.skipped;
      log(`  ${scenario}: skipped, ${probe.skipped}`);
    } else {
      available.push(scenario);
    }
  }
  const samples = Object.fromEntries(available.map((scenario) => [scenario, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const scenario of rotated(available, round))
      samples[scenario].push(await runWarm(target, scenario, settings));
    log(`  warm round ${round + 1}/${rounds} done`);
  }

  const clients = {};
  for (const scenario of available) {
    const byConcurrency = {};
    for (const concurrency of concurrencies) {
      const phases = samples[scenario].map((run) =>
        run.phases.find((phase) => phase.concurrency === concurrency),
      );
      byConcurrency[concurrency] = {
        perSecond: summarize(phases.map((phase) => phase.perSecond)),
        p50Ms: median(phases.map((phase) => phase.p50Ms)),
        p99Ms: median(phases.map((phase) => phase.p99Ms)),
        p99Spread: summarize(phases.map((phase) => phase.p99Ms)),
        peakRssBytes:
          phases[0].peakRssBytes === undefined
            ? undefined
            : summarize(phases.map((phase) => phase.peakRssBytes)),
      };
    }
    clients[scenario] = {
      byConcurrency,
      serverBusy: median(samples[scenario].map((run) => run.serverBusy)),
      peakResidentBytes: summarize(samples[scenario].map((run) => run.peakResidentBytes)),
    };
  }
  return { rounds, durationMs, warmup, concurrencies, clients, skipped };
}
