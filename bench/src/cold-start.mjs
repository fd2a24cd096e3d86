// Cold start: fresh node processes, one per measurement, in rotating order round after round.
// `import` processes only load the client; `cold` processes load it, build it and send one SMS.
import { fileURLToPath } from 'node:url';
import { childFailure, runNode } from './lib/processes.mjs';
import { rotated, summarize } from './lib/statistics.mjs';
import { checkJournal } from './lib/target.mjs';

const driver = fileURLToPath(new URL('./scenarios/driver.mjs', import.meta.url));

async function runScenario(target, scenario, mode) {
  await target.reset();
  const result = await runNode([driver, scenario, mode], {
    env: { BENCH_TARGET: JSON.stringify(target.description) },
  });
  if (result.code !== 0 || !result.json) {
    throw childFailure(`${scenario} (${mode})`, result);
  }
  if (result.json.skipped) return result;
  await checkJournal(target, `${scenario} (${mode})`, result.json.sends ?? 0);
  return result;
}

/**
 * Measures `node -e 0`, then each scenario's import-only and load-and-send processes, `rounds`
 * times each. A scenario whose subject is missing is reported as skipped, with the reason.
 */
export async function measureColdStart({ target, scenarios, rounds, modes = ['import', 'cold'], log }) {
  const skipped = {};
  const available = [];
  for (const scenario of scenarios) {
    // One unmeasured run first: it tells whether the subject exists and warms the file cache.
    const probe = await runScenario(target, scenario, 'cold');
    if (probe.json.skipped) {
      skipped[scenario] = probe.json.skipped;
      log(`  ${scenario}: skipped, ${probe.json.skipped}`);
    } else {
      available.push(scenario);
    }
  }

  // Two floors: node itself, and node running this harness's entry with nothing to load.
  const runs = [{ key: 'node -e 0' }, { key: 'harness', scenario: 'empty', mode: 'import' }];
  for (const scenario of available)
    for (const mode of modes) runs.push({ key: `${scenario}:${mode}`, scenario, mode });
  const samples = Object.fromEntries(runs.map((run) => [run.key, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const run of rotated(runs, round)) {
      if (!run.scenario) {
        const result = await runNode(['-e', '0']);
        if (result.code !== 0) throw childFailure('node -e 0', result);
        samples[run.key].push({ wallMs: result.wallMs });
        continue;
      }
      const result = await runScenario(target, run.scenario, run.mode);
      samples[run.key].push({ wallMs: result.wallMs, ...result.json });
    }
    log(`  cold start round ${round + 1}/${rounds} done`);
  }

  const baseline = summarize(samples['node -e 0'].map((sample) => sample.wallMs));
  const harness = summarize(samples.harness.map((sample) => sample.wallMs));
  const clients = {};
  for (const scenario of available) {
    const imports = samples[`${scenario}:import`] ?? [];
    const colds = samples[`${scenario}:cold`] ?? [];
    const importWall = summarize(imports.map((sample) => sample.wallMs));
    clients[scenario] = {
      importWall,
      importOverBaselineMs: imports.length ? importWall.median - baseline.median : Number.NaN,
      inProcessLoad: summarize(imports.map((sample) => sample.loadMs)),
      coldWall: summarize(colds.map((sample) => sample.wallMs)),
      loadAndSend: summarize(colds.map((sample) => sample.loadAndSendMs)),
      firstSend: summarize(colds.map((sample) => sample.firstSendMs)),
      sinceProcessStart: summarize(colds.map((sample) => sample.sinceProcessStartMs)),
    };
  }
  return { rounds, baseline, harness, clients, skipped };
}
