// The release budgets of issue 7. Each compares two figures measured in the same run, so that the
// machine's speed cancels out; a budget whose subject is not built is SKIP, never a guess.
import { formatNumber, formatRatio } from './lib/statistics.mjs';

export const actionSizeLimitBytes = 40 * 1024;
const memoryAllowanceBytes = 10 * 1024 * 1024;
const mebibyte = 1024 * 1024;

/** The clients the warm and memory budgets hold to raw undici's figures. */
export const warmSubjects = ['mfa-sms-packages', 'action'];

function skip(id, title, reason) {
  return { id, title, status: 'SKIP', measured: '–', limit: '–', ratio: Number.NaN, note: reason };
}

function whyMissing(section, scenario) {
  if (!section) return 'not measured in this run';
  return section.skipped?.[scenario] ?? `${scenario} not measured in this run`;
}

// What a user waits for: from the process's start to the first SMS accepted. The exit is left out
// of the ratio: Auth0 keeps the container, and the exit of an undici-based process waits about 90 ms
// for a V8 background thread, which would be charged to the Action and to nothing a user sees.
function coldBudget(cold, { id, title, subject: subjectName, reference: referenceName, limit, wall }) {
  const subject = cold?.clients[subjectName];
  const reference = cold?.clients[referenceName];
  if (!subject) return skip(id, title, whyMissing(cold, subjectName));
  if (!reference) return skip(id, title, whyMissing(cold, referenceName));
  const ratio = subject.sinceProcessStart.median / reference.sinceProcessStart.median;
  const exit = wall
    ? `; process wall time with exit: ${formatNumber(subject.coldWall.median, 1)} ms vs ${formatNumber(reference.coldWall.median, 1)} ms`
    : '';
  return {
    id,
    title,
    status: ratio <= limit ? 'PASS' : 'FAIL',
    measured: `${formatNumber(subject.sinceProcessStart.median, 1)} ms vs ${formatNumber(reference.sinceProcessStart.median, 1)} ms (process start → first SMS accepted, medians)`,
    limit: `≤ ${limit.toFixed(2)}×`,
    ratio,
    note: `require → first SMS: ${formatNumber(subject.loadAndSend.median, 1)} ms vs ${formatNumber(reference.loadAndSend.median, 1)} ms${exit}`,
  };
}

/** Budgets 1a and 1b: the Action against the classic guides' code and the official SDK. */
function actionColdBudget(cold, id, baseline, limit) {
  const against = baseline === 'axios-classic' ? 'classic axios code' : 'twilio SDK';
  const title = `Cold start: Action ≤ ${limit.toFixed(1)}× ${against}`;
  return coldBudget(cold, { id, title, subject: 'action', reference: baseline, limit, wall: true });
}

function warmBudget(warm, id, scenario, concurrency) {
  const title = `Warm sends/s at concurrency ${concurrency}: ${scenario} ≥ 0.85× raw undici`;
  const subject = warm?.clients[scenario]?.byConcurrency[concurrency];
  const reference = warm?.clients['raw-undici']?.byConcurrency[concurrency];
  if (!subject) return skip(id, title, whyMissing(warm, scenario));
  if (!reference) return skip(id, title, whyMissing(warm, 'raw-undici'));
  const ratio = subject.perSecond.median / reference.perSecond.median;
  return {
    id,
    title,
    status: ratio >= 0.85 ? 'PASS' : 'FAIL',
    measured: `${formatNumber(subject.perSecond.median)}/s vs ${formatNumber(reference.perSecond.median)}/s`,
    limit: '≥ 0.85×',
    ratio,
    note: `p99 ${formatNumber(subject.p99Ms, 2)} ms vs ${formatNumber(reference.p99Ms, 2)} ms`,
  };
}

function memoryBudget(warm, id, scenario) {
  const title = `Peak RSS at concurrency 32: ${scenario} ≤ raw undici + 10 MiB`;
  const top = warm ? Math.max(...warm.concurrencies) : 32;
  const subject = warm?.clients[scenario]?.byConcurrency[top]?.peakRssBytes;
  const reference = warm?.clients['raw-undici']?.byConcurrency[top]?.peakRssBytes;
  if (!subject) return skip(id, title, whyMissing(warm, scenario));
  if (!reference) return skip(id, title, whyMissing(warm, 'raw-undici'));
  const over = subject.median - reference.median;
  return {
    id,
    title,
    status: over <= memoryAllowanceBytes ? 'PASS' : 'FAIL',
    measured: `${formatNumber(subject.median / mebibyte, 1)} MiB vs ${formatNumber(reference.median / mebibyte, 1)} MiB`,
    limit: '≤ +10.0 MiB',
    ratio: subject.median / reference.median,
    note: `difference ${over >= 0 ? '+' : ''}${formatNumber(over / mebibyte, 1)} MiB (medians over rounds)`,
  };
}

function numbersBudget(numbers) {
  const id = '3';
  const title = 'normalizePhoneNumber ≥ 0.9× bare libphonenumber-js parse + validate + format';
  if (!numbers || numbers.skipped) return skip(id, title, numbers?.skipped ?? 'not measured in this run');
  const subject = numbers.candidates.normalizePhoneNumber;
  const reference = numbers.candidates['bare parse + validate + format'];
  const withType = numbers.candidates['bare parse + validate + format + getType'];
  const ratio = subject.median / reference.median;
  return {
    id,
    title,
    status: ratio >= 0.9 ? 'PASS' : 'FAIL',
    measured: `${formatNumber(subject.median)}/s vs ${formatNumber(reference.median)}/s (${numbers.variant})`,
    limit: '≥ 0.90×',
    ratio,
    note: withType
      ? `vs bare + getType (${formatNumber(withType.median)}/s): ${formatRatio(subject.median / withType.median)}`
      : '',
  };
}

function sizeBudget(size) {
  const id = '4';
  const title = "Size: the Action's own code ≤ 40 kB";
  if (!size || size.skipped) return skip(id, title, size?.skipped ?? 'not measured in this run');
  return {
    id,
    title,
    status: size.bytes <= actionSizeLimitBytes ? 'PASS' : 'FAIL',
    measured: `${formatNumber(size.bytes)} bytes (${formatNumber(size.gzipBytes)} gzipped)`,
    limit: `≤ ${formatNumber(actionSizeLimitBytes)} bytes`,
    ratio: size.bytes / actionSizeLimitBytes,
    note: size.file,
  };
}

/** Every budget with its figures, ratio and PASS / FAIL / SKIP. */
export function evaluateBudgets({ cold, warm, numbers, actionSize }) {
  const budgets = [
    actionColdBudget(cold, '1a', 'axios-classic', 1.0),
    actionColdBudget(cold, '1b', 'twilio-sdk', 0.6),
    // Issue 27: a tenant moving to AWS pays no more than 10 % over the Action with Twilio to start.
    coldBudget(cold, {
      id: '1c',
      title: 'Cold start: Action with MFA_SMS_PROVIDERS=aws ≤ 1.1× Action with Twilio',
      subject: 'action-aws',
      reference: 'action',
      limit: 1.1,
      wall: false,
    }),
  ];
  const top = warm ? Math.max(...warm.concurrencies) : 32;
  const bottom = warm ? Math.min(...warm.concurrencies) : 1;
  let letter = 0;
  for (const scenario of warmSubjects) {
    for (const concurrency of [bottom, top]) {
      budgets.push(warmBudget(warm, `2${String.fromCharCode(97 + letter)}`, scenario, concurrency));
      letter += 1;
    }
  }
  budgets.push(numbersBudget(numbers));
  budgets.push(sizeBudget(actionSize));
  warmSubjects.forEach((scenario, index) => {
    budgets.push(memoryBudget(warm, `5${String.fromCharCode(97 + index)}`, scenario));
  });
  return budgets;
}
