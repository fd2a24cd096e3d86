// Provider health under load: createRouter (the built packages) with Twilio then Vonage over the
// simulator, health on, concurrency 64, for a fixed time. Twilio hangs (the simulator holds its
// requests without an answer) for the first half and is healthy for the second. Prints one JSON
// line: how many sends waited for the hanging Twilio and when, the slowest send, and when Twilio
// carried the traffic again after it recovered.
import { createRouter, isMfaSmsError } from '@mfa-sms/core';
import { startSimulator } from '@mfa-sms/simulator';
import { twilioAndVonage } from './simulated-providers.mjs';

const concurrency = 64;
const runMs = Number(process.env.LOAD_RUN_MS ?? 14_000);
const outageMs = runMs / 2;
// Short budgets and a short rest, so that the outage and the recovery take this test seconds. Not
// shorter: on a 2-core machine shared with other work a burst of 64 sends can take seconds, and a
// healthy provider that times out rests too.
const attemptTimeoutMs = 3_000;
const deadlineMs = 8_000;
const health = { failures: 3, windowMs: 30_000, cooldownMs: 2_000 };

const simulator = await startSimulator();
const providers = twilioAndVonage(simulator);

const message = (index) => ({
  to: `+4474001${String(index % 100_000).padStart(5, '0')}`,
  text: `Your code is ${String(index % 1_000_000).padStart(6, '0')}`,
  channel: 'sms',
  code: String(index % 1_000_000).padStart(6, '0'),
});

const summary = {
  concurrency,
  runMs,
  outageMs,
  attemptTimeoutMs,
  deadlineMs,
  cooldownMs: health.cooldownMs,
  settled: 0,
  sent: 0,
  failed: 0,
  codes: {},
  slowestMs: 0,
  outage: { sends: 0, waitedForTwilio: 0, waitedAfterFirstWave: 0, movedBack: 0, viaVonage: 0 },
  recovered: { sends: 0, waitedForTwilio: 0, viaTwilio: 0, sendsOnceBack: 0, viaTwilioOnceBack: 0 },
  // Milliseconds from Twilio's recovery to the end of the first send it delivered (the probe).
  twilioBackAfterMs: null,
  reasons: {},
};

// Warm up first (connections, lazily loaded code), so that only the outage makes a send slow.
// Through a router of its own: on a busy machine a warm-up send can time out, and what its
// health learnt would start the run with a rest.
const warmUp = createRouter({ providers, attemptTimeoutMs, deadlineMs });
await Promise.all(
  Array.from({ length: concurrency }, async (_, worker) => {
    for (let index = worker; index < 8 * concurrency; index += concurrency)
      await warmUp.send(message(900_000 + index)).catch(() => {});
  }),
);
simulator.reset();
const router = createRouter({ providers, attemptTimeoutMs, deadlineMs, health });

simulator.fail('twilio', 'no-answer', { times: Number.POSITIVE_INFINITY });
const started = performance.now();
const recovery = setTimeout(async () => {
  // The inbox's own control: the journal of what Twilio was asked stays.
  await fetch(`${simulator.url}/api/faults`, { method: 'DELETE' });
}, outageMs);

function record(startedAt, result, error) {
  const ms = performance.now() - started - startedAt;
  summary.settled += 1;
  summary.slowestMs = Math.max(summary.slowestMs, Math.round(ms));
  const attempts = result ? result.attempts : (error?.attempts ?? []);
  if (result) summary.sent += 1;
  else {
    summary.failed += 1;
    const code = isMfaSmsError(error) ? error.code : 'foreign';
    summary.codes[code] = (summary.codes[code] ?? 0) + 1;
  }
  const waited = attempts.some((attempt) => attempt.provider === 'twilio' && attempt.code === 'timeout');
  const resting = attempts.find((attempt) => attempt.code === 'resting');
  if (resting) summary.reasons[resting.reason] = (summary.reasons[resting.reason] ?? 0) + 1;
  if (startedAt < outageMs) {
    const phase = summary.outage;
    phase.sends += 1;
    if (waited) phase.waitedForTwilio += 1;
    // The first wave: the 64 sends in flight before any of them had failed on Twilio.
    if (waited && startedAt > attemptTimeoutMs * 1.5) phase.waitedAfterFirstWave += 1;
    if (resting) phase.movedBack += 1;
    if (result?.provider === 'vonage') phase.viaVonage += 1;
  } else {
    const phase = summary.recovered;
    phase.sends += 1;
    if (waited) phase.waitedForTwilio += 1;
    if (result?.provider === 'twilio') {
      phase.viaTwilio += 1;
      const after = Math.round(startedAt + ms - outageMs);
      if (summary.twilioBackAfterMs === null || after < summary.twilioBackAfterMs)
        summary.twilioBackAfterMs = after;
    }
    recoveredSends.push([startedAt, result?.provider === 'twilio' && attempts.length === 1]);
  }
}

const recoveredSends = [];
let next = 0;
async function worker() {
  while (performance.now() - started < runMs) {
    const index = next++;
    const startedAt = performance.now() - started;
    try {
      record(startedAt, await router.send(message(index)));
    } catch (error) {
      record(startedAt, undefined, error);
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
clearTimeout(recovery);
// Once the probe has delivered, every send that starts afterwards goes to Twilio alone.
if (summary.twilioBackAfterMs !== null) {
  for (const [startedAt, twilioAlone] of recoveredSends) {
    if (startedAt <= outageMs + summary.twilioBackAfterMs) continue;
    summary.recovered.sendsOnceBack += 1;
    if (twilioAlone) summary.recovered.viaTwilioOnceBack += 1;
  }
}
summary.twilioRequests = simulator.requests.filter((request) => request.provider === 'twilio').length;
await simulator.close();
process.stdout.write(`${JSON.stringify(summary)}\n`);
