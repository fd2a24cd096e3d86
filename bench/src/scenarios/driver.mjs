import { createRequire } from 'node:module';
import { peakResidentBytes } from '../lib/resident.mjs';
import { benchMessage } from './messages.mjs';

const [scenarioName, mode] = process.argv.slice(2);
const root = new URL('../../../', import.meta.url);

function finish(result, exitCode = 0) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Exit at once: keep-alive sockets and timers must not add their own teardown to the wall time.
  process.exit(exitCode);
}

/** Sends for `durationMs` with `concurrency` sends in flight; latencies in ms. */
async function sendFor(scenario, client, { concurrency, durationMs, firstIndex, sampleMemory }) {
  const latencies = [];
  let index = firstIndex;
  let peakRss = process.memoryUsage.rss();
  const sampler = sampleMemory
    ? setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }, 25)
    : undefined;
  const started = performance.now();
  const deadline = started + durationMs;
  async function worker() {
    while (performance.now() < deadline) {
      const message = benchMessage(index);
      index += 1;
      const sentAt = performance.now();
      await scenario.send(client, message);
      latencies.push(performance.now() - sentAt);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  if (sampler) clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  latencies.sort((a, b) => a - b);
  const at = (percent) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((percent / 100) * latencies.length) - 1)];
  return {
    concurrency,
    sends: latencies.length,
    elapsedMs,
    perSecond: (latencies.length / elapsedMs) * 1000,
    p50Ms: at(50),
    p99Ms: at(99),
    maxMs: latencies[latencies.length - 1],
    ...(sampleMemory ? { peakRssBytes: peakRss } : {}),
  };
}

async function main() {
  if (!/^[a-z][a-z0-9-]*$/.test(scenarioName ?? '')) throw new Error(`bad scenario name ${scenarioName}`);
  const scenario = await import(`./${scenarioName}.mjs`);
  const target = JSON.parse(process.env.BENCH_TARGET ?? '{}');
  if (scenario.endpoint !== 'none') {
    // The guard against the internet, part one: the only address a client is ever given.
    if (new URL(target.url).hostname !== '127.0.0.1') throw new Error(`target ${target.url} is not loopback`);
    if (!target.endpoints?.[scenario.endpoint]) {
      finish({ skipped: `the simulator has no ${scenario.endpoint} SMS endpoint yet` });
    }
  }
  const absent = scenario.missing?.(root);
  if (absent) finish({ skipped: absent });
  const require = createRequire(import.meta.url);

  const loadStarted = performance.now();
  const modules = scenario.load(require, root);
  const loaded = performance.now();
  if (mode === 'import') finish({ loadMs: loaded - loadStarted });

  const client = scenario.create(modules, target);
  const created = performance.now();
  if (mode === 'cold') {
    const id = await scenario.send(client, benchMessage(0));
    const sent = performance.now();
    finish({
      loadMs: loaded - loadStarted,
      createMs: created - loaded,
      firstSendMs: sent - created,
      loadAndSendMs: sent - loadStarted,
      sinceProcessStartMs: sent,
      sends: 1,
      id,
    });
  }
  if (mode !== 'warm') throw new Error(`unknown mode ${mode}`);

  const settings = JSON.parse(process.env.BENCH_WARM ?? '{}');
  const warmup = settings.warmup ?? 200;
  const durationMs = settings.durationMs ?? 2000;
  const concurrencies = settings.concurrencies ?? [1, 32];
  let index = 0;
  // Warm-up: the JIT, the connection pool and the provider cache all settle before measuring.
  for (let batch = 0; batch < warmup; batch += 8) {
    const size = Math.min(8, warmup - batch);
    await Promise.all(Array.from({ length: size }, () => scenario.send(client, benchMessage(index++))));
  }
  const phases = [];
  for (const concurrency of concurrencies) {
    const phase = await sendFor(scenario, client, {
      concurrency,
      durationMs,
      firstIndex: index,
      sampleMemory: concurrency === Math.max(...concurrencies),
    });
    index += phase.sends;
    phases.push(phase);
  }
  await scenario.close?.(client);
  finish({ warmup, phases, sends: index, peakResidentBytes: peakResidentBytes() });
}

main().catch((error) => {
  finish({ error: error instanceof Error ? error.stack || error.message : String(error) }, 1);
});
