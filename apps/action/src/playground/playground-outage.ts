import type { ActionHandlers } from '@mfa-sms/core';
import type { Simulator } from '@mfa-sms/simulator';
import { createFakeAuth0Cache, sendPhoneMessageApi, sendPhoneMessageEvent } from '@mfa-sms/simulator/auth0';
import { simulatorSecrets } from '../cli/simulator-secrets.js';
import { describeReceived, type Row } from './playground-received.js';

export const outageName = 'Twilio down for a minute';

// The Action's defaults are 3 failures in 30 s and 30 s of rest; this scenario shortens them so
// that it runs in seconds. Each wait is the Action's 5 s attempt budget for a provider that hangs.
const health = '2/60s,cooldown:3s';
const restMs = 3_000;

export const outageText =
  `${outageName}: Twilio hangs (the simulator holds its requests), Vonage is healthy, one warm ` +
  `container. MFA_SMS_HEALTH=${health} here, so that it runs in seconds (the default is 3 failures ` +
  'in 30 s and 30 s of rest): the first logins wait 5 s for Twilio, the next go straight to ' +
  'Vonage and say why, and after Twilio recovers the first login past the rest finds it back.';

type Step =
  | { logins: number; label: string }
  | { act: (simulator: Simulator) => Promise<void>; label: string };

const steps: Step[] = [
  { logins: 2, label: 'Twilio hanging: waits for its attempt budget' },
  { logins: 2, label: 'Twilio resting: straight to Vonage' },
  {
    label: 'Twilio recovers; the rest runs out',
    act: async (simulator) => {
      // The inbox's own control, as a person would press "Disarm all".
      await fetch(`${simulator.url}/api/faults`, { method: 'DELETE' });
      await new Promise((resolve) => setTimeout(resolve, restMs + 100));
    },
  },
  { logins: 2, label: 'Twilio back' },
];

/**
 * One container's logins through an outage of the first provider, with provider health: returns
 * a row per login. Each Action log line also goes to the inbox's client log, beside the requests.
 */
export async function runOutage(
  simulator: Simulator,
  action: Pick<ActionHandlers, 'onExecuteSendPhoneMessage'>,
): Promise<Row[]> {
  const secrets = { ...simulatorSecrets(simulator, 'twilio,vonage'), MFA_SMS_HEALTH: health };
  // One api.cache for every login: what a warm Auth0 container keeps between executions.
  const cache = createFakeAuth0Cache();
  const rows: Row[] = [];
  simulator.note(`playground: ${outageText}`);
  simulator.fail('twilio', 'no-answer', { times: Number.POSITIVE_INFINITY });
  let login = 0;
  for (const step of steps) {
    if ('act' in step) {
      simulator.note(`playground: ${step.label}`);
      await step.act(simulator);
      continue;
    }
    for (let index = 0; index < step.logins; index += 1) {
      login += 1;
      const firstMessage = simulator.messages.length;
      const firstRequest = simulator.requests.length;
      const lines: string[] = [];
      const original = console.log;
      console.log = (...args: unknown[]) => void lines.push(args.join(' '));
      const started = Date.now();
      let outcome: string;
      try {
        const event = sendPhoneMessageEvent({
          recipient: `+4479111234${String(70 + login)}`,
          secrets,
        });
        outcome = await action.onExecuteSendPhoneMessage(event, sendPhoneMessageApi(cache)).then(
          () => 'resolved',
          (error: Error & { code?: string }) => `threw ${error.code}`,
        );
      } finally {
        console.log = original;
      }
      for (const line of lines) simulator.note(line);
      rows.push({
        scenario: `${outageName} · login ${login}, ${step.label} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        entry: 'send-phone-message',
        outcome,
        log: lines.join(' | '),
        received: describeReceived(
          simulator.messages.slice(firstMessage),
          simulator.requests.slice(firstRequest),
        ),
      });
    }
  }
  return rows;
}
