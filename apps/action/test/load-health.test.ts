import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNode } from './run-node.js';

// The run is in a child process on the built packages, as load.test.ts's: it must exit by itself.
const script = fileURLToPath(new URL('./load-health-run.mjs', import.meta.url));

interface Phase {
  sends: number;
  waitedForTwilio: number;
}

interface Summary {
  concurrency: number;
  runMs: number;
  outageMs: number;
  attemptTimeoutMs: number;
  deadlineMs: number;
  cooldownMs: number;
  settled: number;
  sent: number;
  failed: number;
  slowestMs: number;
  outage: Phase & { waitedAfterFirstWave: number; movedBack: number; viaVonage: number };
  recovered: Phase & { viaTwilio: number; sendsOnceBack: number; viaTwilioOnceBack: number };
  twilioBackAfterMs: number | null;
  reasons: Record<string, number>;
  twilioRequests: number;
}

describe('concurrency 64, the first provider hanging for the first half of the run, health on', () => {
  it('waits for it in the first wave and one probe per cooldown only, settles every send in time, and sends through it again after it recovers', async () => {
    const { exitCode, stdout, stderr } = await runNode([script], { killAfterMs: 60_000 });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const summary = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Summary;
    const { outage, recovered, concurrency, cooldownMs, outageMs, attemptTimeoutMs } = summary;

    // Nothing lost: every send settled, delivered, within the deadline.
    expect(summary.failed).toBe(0);
    expect(summary.sent).toBe(summary.settled);
    expect(summary.slowestMs).toBeLessThan(summary.deadlineMs);

    // During the outage: the sends in flight when it began waited (nobody knew yet); after them,
    // one probe per cooldown at most. Most others (thousands on a quiet machine) went straight to
    // Vonage, saying why.
    const probesAtMost = Math.ceil(outageMs / cooldownMs) + 1;
    expect(outage.waitedAfterFirstWave).toBeLessThanOrEqual(probesAtMost);
    expect(outage.waitedForTwilio).toBeLessThanOrEqual(concurrency + probesAtMost);
    expect(outage.sends).toBeGreaterThan(5 * outage.waitedForTwilio);
    // (A probe that started just before the recovery may have reached Twilio just after it.)
    expect(outage.sends - outage.viaVonage).toBeLessThanOrEqual(1);
    expect(outage.movedBack).toBeGreaterThan(outage.sends - outage.waitedForTwilio - concurrency);
    // The count in the reason is the one the rest began at: the whole first wave, at c=64.
    expect(Object.keys(summary.reasons).some((reason) => /^\d+ timeouts in 30 s$/.test(reason))).toBe(true);

    // After it recovers: within one cooldown (plus what was left of a probe already hanging, and
    // a second for a busy machine's timers) a probe delivers, and from then on Twilio carries
    // every send alone.
    expect(summary.twilioBackAfterMs).not.toBeNull();
    expect(summary.twilioBackAfterMs as number).toBeLessThanOrEqual(cooldownMs + attemptTimeoutMs + 1_000);
    expect(recovered.waitedForTwilio).toBeLessThanOrEqual(2);
    expect(recovered.sendsOnceBack).toBeGreaterThan(100);
    // Twilio carries the traffic again: all of it on a quiet machine. Under CI's own load a
    // handful of tens of thousands of sends outlived their 3 s attempt and went to Vonage
    // (8 of 42,970 in one run), which is failover working, not health failing.
    expect(recovered.sendsOnceBack - recovered.viaTwilioOnceBack).toBeLessThanOrEqual(
      Math.ceil(recovered.sendsOnceBack / 1000),
    );
  }, 60_000);
});
