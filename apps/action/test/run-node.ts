import { spawn } from 'node:child_process';

/**
 * Runs a Node script in a child process, as Auth0 or a user's shell would, and collects what it
 * prints. `input` goes to its stdin; past `killAfterMs` it is killed (a hang fails the test).
 */
export function runNode(
  args: readonly string[],
  options: { input?: string; killAfterMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ exitCode: number | null; stdout: string; stderr: string; elapsed: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(killer);
      resolve({ exitCode, stdout, stderr, elapsed: Date.now() - started });
    });
    child.stdin.end(options.input ?? '');
  });
}
