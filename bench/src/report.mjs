import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { healthSection } from './health.mjs';
import { formatNumber, formatRatio, formatSpread } from './lib/statistics.mjs';

const mebibyte = 1024 * 1024;

/** The machine the figures belong to. */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  };
}

function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function skippedLines(section) {
  return Object.entries(section?.skipped ?? {}).map(
    ([scenario, reason]) => `- ${scenario}: skipped, ${reason}.`,
  );
}

function budgetsSection(budgets) {
  return [
    '## Budgets',
    '',
    table(
      ['#', 'budget', 'measured', 'ratio', 'limit', 'result', 'note'],
      budgets.map((budget) => [
        budget.id,
        budget.title,
        budget.measured,
        formatRatio(budget.ratio),
        budget.limit,
        budget.status === 'PASS' ? 'PASS' : `**${budget.status}**`,
        budget.note,
      ]),
    ),
  ];
}

function coldSection(cold, labels) {
  if (!cold) return [];
  const rows = [
    ['`node -e 0`', '–', '–', '–', '–', '–', formatSpread(cold.baseline, 1, 'ms')],
    ['harness entry, loads nothing', '–', '–', '–', '–', '–', formatSpread(cold.harness, 1, 'ms')],
  ];
  for (const [scenario, client] of Object.entries(cold.clients)) {
    rows.push([
      labels[scenario] ?? scenario,
      Number.isFinite(client.importOverBaselineMs)
        ? `${formatNumber(client.importOverBaselineMs, 1)} ms`
        : '–',
      formatSpread(client.inProcessLoad, 1, 'ms'),
      formatSpread(client.loadAndSend, 1, 'ms'),
      formatSpread(client.firstSend, 1, 'ms'),
      formatSpread(client.sinceProcessStart, 1, 'ms'),
      formatSpread(client.coldWall, 1, 'ms'),
    ]);
  }
  return [
    '## Cold start',
    '',
    `Fresh \`node\` processes, ${cold.rounds} of each kind, in rotating order; medians (min–max). ` +
      'Import cost: wall time of a process that only loads the client, minus that of `node -e 0`. ' +
      'The other columns come from processes that load the client, build it from the credentials and send one SMS; ' +
      "\"process start → first SMS\" (the budget's figure) includes node's own start and this harness's small ESM entry, " +
      'the same for every client. The wall time with exit included is about 90 ms longer for the undici-based clients ' +
      '(strace shows the exit waiting for a V8 background thread still at work): Auth0 keeps the container, so no user waits for it.',
    '',
    table(
      [
        'client',
        'import cost over `node -e 0`',
        'require, in process',
        'require → first SMS accepted',
        'first send alone',
        'process start → first SMS accepted',
        'process wall time, exit included',
      ],
      rows,
    ),
    ...(skippedLines(cold).length ? ['', ...skippedLines(cold)] : []),
  ];
}

function warmSection(warm, labels) {
  if (!warm) return [];
  const [low, high] = [Math.min(...warm.concurrencies), Math.max(...warm.concurrencies)];
  const rows = Object.entries(warm.clients).map(([scenario, client]) => {
    const slow = client.byConcurrency[low];
    const fast = client.byConcurrency[high];
    return [
      labels[scenario] ?? scenario,
      formatSpread(slow.perSecond),
      `${formatNumber(slow.p50Ms, 2)} / ${formatNumber(slow.p99Ms, 2)}`,
      formatSpread(fast.perSecond),
      `${formatNumber(fast.p50Ms, 2)} / ${formatNumber(fast.p99Ms, 2)}`,
      fast.peakRssBytes ? `${formatNumber(fast.peakRssBytes.median / mebibyte, 1)} MiB` : '–',
      `${formatNumber(client.serverBusy * 100)} %`,
    ];
  });
  return [
    '## Warm throughput',
    '',
    `One process per client and round (${warm.rounds} rounds, rotating order): ${warm.warmup} warm-up sends, then ` +
      `${formatNumber(warm.durationMs / 1000, 1)} s of sends at each concurrency. Sends/s: median (min–max) over rounds; ` +
      'latencies: medians over rounds. "Server busy" is the simulator process\'s CPU time over the run, as a share of one core: ' +
      'near 100 % the server, not the client, sets the pace.',
    '',
    table(
      [
        'client',
        `sends/s, ${low} at a time`,
        `p50 / p99 ms (${low})`,
        `sends/s, ${high} concurrent`,
        `p50 / p99 ms (${high})`,
        `peak RSS (${high})`,
        'server busy',
      ],
      rows,
    ),
    ...(skippedLines(warm).length ? ['', ...skippedLines(warm)] : []),
  ];
}

function numbersSection(numbers) {
  if (!numbers) return [];
  if (numbers.skipped) return ['## Phone numbers', '', `Skipped: ${numbers.skipped}.`];
  return [
    '## Phone numbers',
    '',
    `${numbers.inputs} realistic inputs (several countries, typed formats, national numbers with a default country), ` +
      `${numbers.rounds} alternating batches of ${numbers.repetitions} passes each, metadata \`${numbers.variant}\` for all. ` +
      'Numbers per second: median (min–max).',
    '',
    table(
      ['function', 'numbers/s'],
      Object.entries(numbers.candidates).map(([name, summary]) => [name, formatSpread(summary)]),
    ),
  ];
}

function limitsSection(limits) {
  if (!limits) return [];
  if (limits.skipped) return ['## Velocity-limit check', '', `Skipped: ${limits.skipped}.`];
  return [
    '## Velocity-limit check',
    '',
    'What the default limits (recipient and number range) add to a send, with each store: ' +
      `microseconds per check one at a time, checks per second ${limits.concurrency} at a time; ` +
      `median (min–max) of ${limits.rounds} rounds. Redis is a redis-server on loopback.` +
      (limits.redisSkipped ? ` Redis: ${limits.redisSkipped}.` : ''),
    '',
    table(
      ['store', 'µs per check', `checks/s (${limits.concurrency} concurrent)`],
      Object.entries(limits.stores).map(([name, figures]) => [
        name,
        formatSpread(figures.perCheckUs, 1),
        formatSpread(figures.perSecond),
      ]),
    ),
  ];
}

function sizeSection(actionSize, packages) {
  const lines = ['## Size', ''];
  if (actionSize) {
    lines.push(
      actionSize.skipped
        ? `- \`${actionSize.file}\`: ${actionSize.skipped}.`
        : `- \`${actionSize.file}\`: ${formatNumber(actionSize.bytes)} bytes, ${formatNumber(actionSize.gzipBytes)} gzipped.`,
    );
  }
  if (packages) {
    lines.push(
      '',
      table(
        ['package', 'packed', 'unpacked', 'files', 'note'],
        packages.map((entry) => [
          `${entry.name}@${entry.version}`,
          `${formatNumber(entry.packedBytes)} B`,
          `${formatNumber(entry.unpackedBytes)} B`,
          String(entry.files),
          entry.built ? '' : 'dist/ not built: figure meaningless',
        ]),
      ),
    );
  }
  return lines;
}

// What was tried for budgets that are not met, and why they are not: written by people, kept
// beside the figures so that a failing row always comes with its explanation.
const notesFile = new URL('../BUDGET-NOTES.md', import.meta.url);

function notesSection(budgets) {
  if (budgets.every((budget) => budget.status === 'PASS') || !existsSync(notesFile)) return [];
  return ['', readFileSync(notesFile, 'utf8').trim()];
}

/** The whole report as Markdown (also what the console shows). */
export function renderReport({ title, command, startedAt, elapsedMs, machine, results, budgets, labels }) {
  const lines = [
    `# ${title}`,
    '',
    `- Date: ${startedAt.toISOString()}`,
    `- Command: \`${command}\` (took ${formatNumber(elapsedMs / 1000)} s)`,
    `- Machine: ${machine.cpu}, ${machine.cores} logical CPUs (${machine.availableParallelism} available), ` +
      `${formatNumber(machine.memoryBytes / 1024 ** 3, 1)} GiB RAM, ${machine.os}`,
    `- Node: ${machine.node}`,
    '- Target: the mfa-sms simulator (`@mfa-sms/simulator`) in its own process on 127.0.0.1; every client is pointed at it, ' +
      'and every run is checked against its journal (as many accepted requests as reported sends, no others).',
    '',
    ...budgetsSection(budgets),
    ...notesSection(budgets),
    '',
    ...coldSection(results.cold, labels),
    '',
    ...warmSection(results.warm, labels),
    '',
    ...numbersSection(results.numbers),
    '',
    ...limitsSection(results.limits),
    '',
    ...healthSection(results.health),
    '',
    ...sizeSection(results.actionSize, results.packages),
    '',
  ];
  return lines.join('\n');
}
