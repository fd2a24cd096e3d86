import { sendPhoneMessageEvent } from '@mfa-sms/simulator/auth0';
import { describe, expect, it } from 'vitest';
import { simulatorSecrets } from '../src/cli/simulator-secrets.js';
import { type ActionResult, useBuiltAction } from './built-action.js';

// Provider health in the built, packed Action: one child process is one warm Auth0 container, its
// executions one after another, api.cache (the runner's) the store health counts in.
type Execution = { entry: 'send-phone-message'; event: unknown } | { entry: 'pause'; ms: number };

type Result = ActionResult;

// The ready-made Action's attempt budget for one provider; a wait for a hanging Twilio costs it.
const attemptBudgetMs = 5_000;
const waited = (result: Result) => result.ms >= attemptBudgetMs - 500;
// Far below the budget, far above a loaded 2-core machine's slowest healthy send.
const straight = (result: Result) => result.ms < 1_500;

const action = useBuiltAction();

function sends(count: number, from: number, secrets: Record<string, string>): Execution[] {
  // A number and a code of its own for each login: nothing is taken for a duplicate.
  return Array.from({ length: count }, (_, index) => ({
    entry: 'send-phone-message' as const,
    event: sendPhoneMessageEvent({
      recipient: `+4479111234${String(from + index).padStart(2, '0')}`,
      code: String(600_000 + from + index),
      secrets,
    }),
  }));
}

async function container(executions: Execution[], whileRunning?: () => Promise<void>): Promise<Result[]> {
  return (await action.run(executions, { killAfterMs: 170_000, whileRunning })).results;
}

const requestsTo = (provider: string) =>
  action.simulator.requests.filter((request) => request.provider === provider).length;
const deliveredBy = (provider: string) =>
  action.simulator.messages.filter((message) => message.provider === provider).length;

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting for the simulator');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the built Action with provider health', () => {
  it('waits for a hanging Twilio in the first 3 executions only, then sends through Vonage at once, and goes back to Twilio within a cooldown of its recovery', async () => {
    const secrets = simulatorSecrets(action.simulator, 'twilio,vonage');
    secrets.MFA_SMS_HEALTH = '3/30s,cooldown:2s';
    action.simulator.fail('twilio', 'no-answer', { times: Number.POSITIVE_INFINITY });
    const results = await container(
      [...sends(20, 0, secrets), { entry: 'pause', ms: 2_500 }, ...sends(5, 20, secrets)],
      async () => {
        // Twilio recovers once the outage's 20 logins are through, while the container idles.
        await until(() => deliveredBy('vonage') >= 20, 150_000);
        const response = await fetch(`${action.simulator.url}/api/faults`, { method: 'DELETE' });
        expect(response.status).toBe(200);
      },
    );
    const outage = results.slice(0, 20);
    const after = results.slice(21);
    for (const result of [...outage, ...after]) expect(result.resolved).toBe(true);
    for (const result of outage) expect(result.logs.join('\n')).toContain('provider=vonage');

    // The first three learn the outage, each at the cost of Twilio's attempt budget.
    for (const result of outage.slice(0, 3)) {
      expect(waited(result)).toBe(true);
      expect(result.logs.join('\n')).toMatch(/attempts=twilio:timeout,vonage:ok/);
    }
    // The rest go straight to Vonage and say why, but for one probe of Twilio per 2 s cooldown.
    const later = outage.slice(3);
    const probes = later.filter(waited);
    const outageMs = later.reduce((sum, result) => sum + result.ms, 0);
    expect(probes.length).toBeLessThanOrEqual(Math.floor(outageMs / 2_000));
    for (const result of later.filter((result) => !waited(result))) {
      expect(straight(result)).toBe(true);
      expect(result.logs.join('\n')).toMatch(
        /attempts=twilio:resting\((3 timeouts in 30 s|probe failed \(timeout\) after a rest)\),vonage:ok/,
      );
    }
    expect(later.filter(straight).length).toBeGreaterThanOrEqual(17 - probes.length);
    expect(requestsTo('twilio')).toBe(3 + probes.length + 5);

    // Recovered: the first send after the cooldown probes Twilio, and Twilio carries them all.
    expect(results[20]?.paused).toBe(2_500);
    for (const result of after) {
      expect(straight(result)).toBe(true);
      expect(result.logs.join('\n')).toMatch(/provider=twilio id=\S+ attempts=twilio:ok ms=/);
    }
    expect(deliveredBy('twilio')).toBe(5);
  }, 170_000);

  it('MFA_SMS_HEALTH=off: every execution tries the failing Twilio first, as before health', async () => {
    const twilioDown = () =>
      action.simulator.fail('twilio', 'unavailable', { times: Number.POSITIVE_INFINITY });
    const base = simulatorSecrets(action.simulator, 'twilio,vonage');
    twilioDown();
    const off = await container(sends(6, 0, { ...base, MFA_SMS_HEALTH: 'off' }));
    for (const result of off) {
      expect(result.resolved).toBe(true);
      expect(result.logs.join('\n')).toMatch(/attempts=twilio:provider_unavailable,vonage:ok/);
    }
    expect(requestsTo('twilio')).toBe(6);

    // The same outage with health on (the default) costs Twilio three requests, not six.
    action.simulator.reset();
    twilioDown();
    const on = await container(sends(6, 0, base));
    for (const result of on) expect(result.resolved).toBe(true);
    expect(requestsTo('twilio')).toBe(3);
    expect(on[5]?.logs.join('\n')).toMatch(
      /attempts=twilio:resting\(3 unavailable answers in 30 s\),vonage:ok/,
    );
  }, 60_000);

  it.each(['3 per 30s', '0/30s', '3/30s,cooldown:0s', 'cooldown:30x', '3/30s,3/30s'])(
    'a bad MFA_SMS_HEALTH (%s) is an invalid_config naming the secret, before any request',
    async (value) => {
      const secrets = { ...simulatorSecrets(action.simulator, 'twilio,vonage'), MFA_SMS_HEALTH: value };
      const [result] = await container(sends(1, 0, secrets));
      expect(result?.threw).toMatchObject({ code: 'invalid_config' });
      expect(result?.threw?.message).toContain('MFA_SMS_HEALTH');
      expect(action.simulator.requests).toHaveLength(0);
    },
    30_000,
  );
});
