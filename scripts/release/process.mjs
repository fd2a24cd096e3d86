// How npm run test:release runs its commands and reports its steps: child processes that can be
// stopped with everything they started, checks that fail with a message, timings and tables.
import { spawn } from 'node:child_process';

const started = Date.now();
const abort = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => abort.abort(new Error(`stopped by ${signal}`)));

export const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
export const step = (text) => console.log(`\n--- ${text} (${seconds()})`);
export const bytes = (count) => `${count.toLocaleString('en-US')} B`;

export function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  for (const row of rows)
    console.log(`  ${row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ')}`.trimEnd());
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Runs a command without blocking this process (the registry and simulator answer meanwhile).
 * It gets a process group of its own, so that a timeout or Ctrl-C stops what it started too
 * (npm starts turbo, which starts tsup and esbuild).
 */
export function run(command, args, { cwd, env, timeoutMs = 180_000, input } = {}) {
  return new Promise((resolve, reject) => {
    if (abort.signal.aborted) return reject(abort.signal.reason);
    const child = spawn(command, args, { cwd, env, detached: true });
    let stopped;
    const stop = (reason) => {
      stopped ??= reason;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group has already exited.
      }
    };
    const timer = setTimeout(() => stop(`took longer than ${timeoutMs} ms`), timeoutMs);
    const onAbort = () => stop(String(abort.signal.reason?.message ?? abort.signal.reason));
    abort.signal.addEventListener('abort', onAbort, { once: true });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      abort.signal.removeEventListener('abort', onAbort);
      if (code === 0 && !stopped) return resolve(stdout);
      const why = stopped ? `was stopped: ${stopped}` : `exited ${code}`;
      const tail = output.trimEnd().split('\n').slice(-40).join('\n');
      reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) ${why}:\n${tail}`));
    });
    child.stdin.end(input);
  });
}
