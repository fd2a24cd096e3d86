import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { peakResidentBytes } from './resident.mjs';

const markers = { start: '#fixed-run:start', end: '#fixed-run:end', collected: '#fixed-run:collected' };

/**
 * Bytes V8 allocated and promoted while the measured sends ran: its `--trace-gc-nvp` lines from the
 * start marker to the collection after the end marker (which counts what the last sends allocated).
 * Allocated is the heap's growth from the end of one collection to the start of the next (V8's own
 * `allocated=` field now and then wraps around below zero).
 */
export function gcTotals(stdout) {
  const totals = { allocated: 0, promoted: 0, scavenges: 0, markCompacts: 0 };
  let inside = false;
  let lastAfter;
  for (const line of stdout.split('\n')) {
    if (line === markers.start) inside = true;
    else if (line === markers.collected) return totals;
    else if (line.includes(' gc=')) {
      const before = Number(/ total_size_before=(\d+)/.exec(line)?.[1]);
      if (inside && lastAfter !== undefined) {
        totals.allocated += before - lastAfter;
        totals.promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
        if (/ gc=s /.test(line)) totals.scavenges += 1;
        else totals.markCompacts += 1;
      }
      lastAfter = Number(/ total_size_after=(\d+)/.exec(line)?.[1]);
    }
  }
  throw new Error('the fixed run printed no end marker');
}

function mark(line) {
  // A write to a pipe is synchronous here, so the line lands between V8's own GC lines in order.
  process.stdout.write(`\n${line}\n`);
}

async function sendMany(scenario, client, benchMessage, first, count, concurrency) {
  let next = first;
  const end = first + count;
  async function worker() {
    while (next < end) {
      const index = next;
      next += 1;
      await scenario.send(client, benchMessage(index));
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

function post(session, method, params) {
  return new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

/** Weights (samples, bytes) by function and by file, as shares of their total. */
function summarize(entries) {
  const byFunction = new Map();
  const byFile = new Map();
  const add = (map, key, weight) => map.set(key, (map.get(key) ?? 0) + weight);
  let total = 0;
  for (const { callFrame, weight } of entries) {
    if (weight === 0) continue;
    total += weight;
    const { functionName, url, lineNumber } = callFrame;
    const file = url ? url.replace(/^.*\/(node_modules|packages|apps)\//, '$1/') : '(native)';
    add(byFunction, `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`, weight);
    add(byFile, file, weight);
  }
  const top = (map, size) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, size)
      .map(([name, weight]) => ({ name, share: weight / total }));
  return { total, functions: top(byFunction, 25), files: top(byFile, 15) };
}

/** A CPU profile's self time (idle and GC included). */
function cpuEntries(profile) {
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  return profile.nodes.map((node) => ({ callFrame: node.callFrame, weight: hits.get(node.id) ?? 0 }));
}

/** A sampling heap profile's bytes allocated by each function itself (what is still live or not). */
function heapEntries(profile) {
  const entries = [];
  const bySample = new Map();
  for (const sample of profile.samples)
    bySample.set(sample.nodeId, (bySample.get(sample.nodeId) ?? 0) + sample.size);
  const visit = (node) => {
    entries.push({ callFrame: node.callFrame, weight: bySample.get(node.id) ?? 0 });
    for (const child of node.children) visit(child);
  };
  visit(profile.head);
  return entries;
}

async function main(root, scenarioName) {
  const settings = JSON.parse(process.env.BENCH_FIXED ?? '{}');
  const scenario = await import(new URL(`bench/src/scenarios/${scenarioName}.mjs`, root).href);
  const { benchMessage } = await import(new URL('bench/src/scenarios/messages.mjs', root).href);
  const target = JSON.parse(process.env.BENCH_TARGET ?? '{}');
  if (new URL(target.url).hostname !== '127.0.0.1') throw new Error(`target ${target.url} is not loopback`);
  const require = createRequire(new URL('bench/src/scenarios/driver.mjs', root));
  const client = scenario.create(scenario.load(require, root), target);
  const { warmup = 12_000, sends = 10_000, concurrency = 32, profile = false } = settings;

  await sendMany(scenario, client, benchMessage, 0, warmup, concurrency);
  // `profile`: 'cpu' samples the measured sends' stacks, 'heap' their allocations (every ~1 kB),
  // 'promoted' the allocations that outlived the scavenges (promoted, or still young at the end).
  const session = profile ? new Session() : undefined;
  if (session) {
    session.connect();
    if (profile === 'cpu') {
      await post(session, 'Profiler.enable');
      await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
    }
  }
  globalThis.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  if (profile === 'cpu') await post(session, 'Profiler.start');
  if (profile === 'heap' || profile === 'promoted') {
    await post(session, 'HeapProfiler.startSampling', {
      samplingInterval: 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: profile === 'heap',
    });
  }
  mark(markers.start);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await sendMany(scenario, client, benchMessage, warmup, sends, concurrency);
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  mark(markers.end);
  let profiled;
  if (profile === 'cpu') profiled = summarize(cpuEntries((await post(session, 'Profiler.stop')).profile));
  if (profile === 'heap' || profile === 'promoted') {
    profiled = summarize(heapEntries((await post(session, 'HeapProfiler.stopSampling')).profile));
  }
  globalThis.gc();
  mark(markers.collected);
  const heapAfter = process.memoryUsage().heapUsed;
  await scenario.close?.(client);
  process.stdout.write(
    `${JSON.stringify({
      sends: warmup + sends,
      measured: sends,
      cpuMicrosPerSend: (cpu.user + cpu.system) / sends,
      perSecond: (sends / elapsedMs) * 1000,
      retainedBytes: heapAfter - heapBefore,
      heapUsedBytes: heapAfter,
      peakResidentBytes: peakResidentBytes(),
      ...(profiled ? { profile: profiled } : {}),
    })}\n`,
  );
  process.exit(0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rootPath, scenarioName] = process.argv.slice(2);
  main(pathToFileURL(`${rootPath.replace(/\/$/, '')}/`), scenarioName).catch((error) => {
    process.stdout.write(
      `${JSON.stringify({ error: error instanceof Error ? error.stack : String(error) })}\n`,
    );
    process.exit(1);
  });
}
