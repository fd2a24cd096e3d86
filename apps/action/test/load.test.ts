import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNode } from './run-node.js';

// The load runs on the built packages in a child process: the child must exit by itself when
// the work is done, which is the proof that no socket or timer was left open.
const script = fileURLToPath(new URL('./load-run.mjs', import.meta.url));

async function runLoad(): Promise<{
  exitCode: number | null;
  elapsed: number;
  summary: Record<string, unknown>;
  stderr: string;
}> {
  const { exitCode, elapsed, stdout, stderr } = await runNode(['--expose-gc', script]);
  const line = stdout.trim().split('\n').pop() ?? '{}';
  return { exitCode, elapsed, summary: JSON.parse(line), stderr };
}

describe('10,000 messages at concurrency 64 with 10% random faults, hangs included', () => {
  it('settles every send, fails over only on retryable errors, leaks nothing and exits by itself', async () => {
    const { exitCode, summary, stderr } = await runLoad();
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(summary.settled).toBe(10_000);
    expect((summary.sent as number) + (summary.failed as number)).toBe(10_000);
    expect(summary.foreign).toBe(0);
    expect(summary.permanentFailedOver).toBe(0);
    expect(summary.retryableNotFailedOver).toBe(0);
    expect(summary.failedOver as number).toBeGreaterThan(300);
    expect(summary.sent as number).toBeGreaterThan(9000);
    // Every retryable fault, hangs included, is followed by exactly one more attempt.
    expect(summary.retryableFaults as number).toBeGreaterThan(300);
    expect(summary.followedByOneMore).toBe(summary.retryableFaults);
    // Sends that never settle by themselves were there, and each became a timeout of the router.
    expect(summary.hangs as number).toBeGreaterThan(100);
    expect(summary.timeouts as number).toBeGreaterThanOrEqual(summary.hangs as number);
    expect(summary.slowestMs as number).toBeLessThan(summary.deadlineMs as number);
    const { heapBefore, heapAfter } = summary as { heapBefore: number; heapAfter: number };
    expect(heapAfter).toBeLessThanOrEqual(heapBefore * 1.1);
  }, 150_000);
});
