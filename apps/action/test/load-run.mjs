// 10,000 messages at concurrency 64 through createRouter with two providers over the simulator,
// 10% of attempts failing in random ways, hangs included: the simulator holding a request without
// an answer, and a provider whose send never settles at all (deaf to its timeout and to the
// signal). Runs in its own process so that the parent can check that it exits by itself (no
// socket or timer left open). Prints one JSON line with the findings.
import { createRouter, isMfaSmsError } from '@mfa-sms/core';
import { startSimulator } from '@mfa-sms/simulator';
import { twilioAndVonage } from './simulated-providers.mjs';

const total = Number(process.env.LOAD_TOTAL ?? 10_000);
const concurrency = 64;
const simulator = await startSimulator();
// Stands for a provider plugin that never gives up by itself: only the router's clock ends it.
const hangProbability = 0.02;
let hangs = 0;
let hanging = true;
const sometimesDeaf = (provider) => ({
  name: provider.name,
  channels: provider.channels,
  send(message, options) {
    if (hanging && Math.random() < hangProbability) {
      hangs += 1;
      return new Promise(() => {});
    }
    return provider.send(message, options);
  },
});
const providers = twilioAndVonage(simulator).map(sometimesDeaf);
// Short budgets, so that the hangs cost this test seconds rather than minutes.
const deadlineMs = 5000;
const router = createRouter({ providers, attemptTimeoutMs: 300, deadlineMs });

// Each fault is 1.6% of requests per provider and the deaf provider 2% of attempts: 10% in all,
// permanent and transient mixed.
const faults = ['unavailable', 'rate-limit', 'reset', 'no-answer', 'invalid-number'];
const injectFaults = () => {
  for (const provider of ['twilio', 'vonage']) {
    for (const fault of faults)
      simulator.fail(provider, fault, { times: Number.POSITIVE_INFINITY, probability: 0.016 });
  }
};
injectFaults();

const message = (index) => ({
  to: `+4474001${String(index % 100_000).padStart(5, '0')}`,
  text: `Your code is ${String(index % 1_000_000).padStart(6, '0')}`,
  channel: 'sms',
  code: String(index % 1_000_000).padStart(6, '0'),
});

const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

async function run(count, record) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      try {
        const result = await router.send(message(index));
        record(result, undefined, performance.now() - started);
      } catch (error) {
        record(undefined, error, performance.now() - started);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

// Warm up before the baseline, so that lazily loaded modules and pools do not count as growth.
await run(2000, () => {});
simulator.reset();
injectFaults();
hangs = 0;
const heapBefore = heap();
const started = performance.now();
const summary = {
  sent: 0,
  failed: 0,
  foreign: 0,
  permanentFailedOver: 0,
  retryableNotFailedOver: 0,
  failedOver: 0,
  // Failed attempts that were retryable and not on the last provider, and how many of them were
  // followed by exactly one more attempt, on the next provider.
  retryableFaults: 0,
  followedByOneMore: 0,
  timeouts: 0,
  slowestMs: 0,
  codes: {},
};
let settled = 0;
await run(total, (result, error, ms) => {
  settled += 1;
  summary.slowestMs = Math.max(summary.slowestMs, Math.round(ms));
  const attempts = result ? result.attempts : error?.attempts;
  if (result) summary.sent += 1;
  else if (isMfaSmsError(error)) {
    summary.failed += 1;
    summary.codes[error.code] = (summary.codes[error.code] ?? 0) + 1;
  } else summary.foreign += 1;
  if (!attempts) return;
  if (attempts.length > 1) summary.failedOver += 1;
  attempts.forEach((attempt, index) => {
    const last = index === attempts.length - 1;
    if (!last && !attempt.retryable) summary.permanentFailedOver += 1;
    if (last && attempt.retryable && attempt.code !== 'ok' && attempts.length < providers.length)
      summary.retryableNotFailedOver += 1;
    if (attempt.code === 'timeout') summary.timeouts += 1;
    const position = providers.findIndex((provider) => provider.name === attempt.provider);
    if (attempt.retryable && attempt.code !== 'ok' && position < providers.length - 1) {
      summary.retryableFaults += 1;
      const next = providers[position + 1];
      if (attempts.length === index + 2 && attempts[index + 1].provider === next.name)
        summary.followedByOneMore += 1;
    }
  });
});
hanging = false;
const elapsedMs = performance.now() - started;
const requests = simulator.requests.length;
simulator.reset();
await simulator.close();
const heapAfter = heap();
process.stdout.write(
  `${JSON.stringify({ total, settled, ...summary, hangs, deadlineMs, requests, elapsedMs: Math.round(elapsedMs), heapBefore, heapAfter })}\n`,
);
