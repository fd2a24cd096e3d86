import { evaluateBudgets } from './budgets.mjs';
import { measureColdStart } from './cold-start.mjs';
import { measureHealth } from './health.mjs';
import { startTarget } from './lib/target.mjs';
import { measureLimits } from './limits.mjs';
import { measureNumbers } from './numbers.mjs';
import { describeMachine } from './report.mjs';
import { measureActionSize, measurePackageSizes } from './size.mjs';
import { measureWarmThroughput } from './warm-throughput.mjs';

export const root = new URL('../../', import.meta.url);

/** Every client scenario, in the order tables list them. */
export const allScenarios = [
  'raw-undici',
  'axios-classic',
  'twilio-sdk',
  'vonage-sdk',
  'naive-stack',
  'mfa-sms-packages',
  'action',
  'action-quiet',
  'aws-sdk-sns',
  'aws-packages',
  'action-aws',
];

async function labelsOf(scenarios) {
  const labels = {};
  for (const scenario of scenarios) labels[scenario] = (await import(`./scenarios/${scenario}.mjs`)).label;
  return labels;
}

/**
 * Runs the measurements a profile asks for against one simulator process and evaluates the
 * budgets. `profile`: `{ cold?, warm?, numbers?, limits?, health?, packageSizes? }`, each section's settings.
 */
export async function runSuite(profile, log = (line) => console.log(line)) {
  const startedAt = new Date();
  const started = performance.now();
  const machine = describeMachine();
  log(`mfa-sms bench on ${machine.cpu} ×${machine.cores}, Node ${machine.node}`);
  const results = {};
  const target = await startTarget();
  log(
    `simulator at ${target.url} (endpoints: ${Object.entries(target.endpoints)
      .map(([name, present]) => `${name} ${present ? 'yes' : 'not yet'}`)
      .join(', ')})`,
  );
  try {
    if (profile.cold) {
      log('cold start…');
      results.cold = await measureColdStart({ target, log, ...profile.cold });
    }
    if (profile.warm) {
      log('warm throughput…');
      results.warm = await measureWarmThroughput({ target, log, ...profile.warm });
    }
  } finally {
    await target.close();
  }
  if (profile.numbers) {
    log('phone numbers…');
    results.numbers = await measureNumbers(profile.numbers);
  }
  if (profile.limits) {
    log('velocity-limit check…');
    results.limits = await measureLimits(profile.limits);
  }
  if (profile.health) {
    log('provider health…');
    results.health = await measureHealth(profile.health);
  }
  log('sizes…');
  results.actionSize = measureActionSize(root);
  if (profile.packageSizes) results.packages = await measurePackageSizes(root);
  const budgets = evaluateBudgets(results);
  return {
    startedAt,
    elapsedMs: performance.now() - started,
    machine,
    results,
    budgets,
    labels: await labelsOf(allScenarios),
  };
}
