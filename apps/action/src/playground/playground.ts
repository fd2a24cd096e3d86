import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { ActionHandlers, SendPhoneMessageHook } from '@mfa-sms/core';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import {
  type Auth0EventInput,
  customPhoneProviderApi,
  customPhoneProviderEvent,
  hookArguments,
  sendPhoneMessageApi,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';
import { simulatorSecrets } from '../cli/simulator-secrets.js';
import { outageName, outageText, runOutage } from './playground-outage.js';
import { describeReceived, type Row } from './playground-received.js';

// The playground runs the *built* Action, as Auth0 would load it, not the sources.
const load = createRequire(__filename);
type Action = Pick<ActionHandlers, 'onExecuteSendPhoneMessage' | 'onExecuteCustomPhoneProvider'>;

// A new Auth0 container: the Action loaded afresh, with nothing learnt by the one before.
function newContainer(): Action {
  delete load.cache[load.resolve('./action.cjs')];
  return load('./action.cjs') as Action;
}

interface Scenario {
  name: string;
  entry: 'send-phone-message' | 'custom-phone-provider' | 'hook';
  input: Omit<Auth0EventInput, 'secrets'>;
  providers: string;
  secrets?: Record<string, string>;
  prepare?: (simulator: Simulator) => void;
}

const scenarios: Scenario[] = [
  {
    name: 'SMS enrollment',
    entry: 'send-phone-message',
    providers: 'twilio,vonage',
    input: { recipient: '+447911123456', purpose: 'enrollment' },
  },
  {
    name: 'voice challenge',
    entry: 'send-phone-message',
    providers: 'vonage,twilio',
    input: { recipient: '+447911123456', channel: 'voice' },
  },
  {
    name: 'non-E.164 recipient',
    entry: 'send-phone-message',
    providers: 'esendex',
    secrets: { MFA_SMS_DEFAULT_COUNTRY: 'US' },
    input: { recipient: '1-415-555-2671', country: 'US' },
  },
  {
    name: 'failover (503)',
    entry: 'send-phone-message',
    providers: 'twilio,mitto',
    input: { recipient: '+491701234567', country: 'DE' },
    prepare: (simulator) => simulator.fail('twilio', 'unavailable'),
  },
  {
    name: 'invalid number: no failover',
    entry: 'send-phone-message',
    providers: 'twilio,vonage',
    input: { recipient: '+447911123457' },
    prepare: (simulator) => simulator.fail('twilio', 'invalid-number'),
  },
  {
    name: 'blocked country',
    entry: 'send-phone-message',
    providers: 'twilio',
    secrets: { MFA_SMS_ALLOWED_COUNTRIES: 'GB,IE' },
    input: { recipient: '+2348031234567', country: 'NG' },
  },
  {
    name: 'custom provider: retry',
    entry: 'custom-phone-provider',
    providers: 'mitto',
    input: { recipient: '+447911123458' },
    prepare: (simulator) => simulator.fail('mitto', 'transient'),
  },
  {
    name: 'custom provider: drop',
    entry: 'custom-phone-provider',
    providers: 'vonage',
    input: { recipient: '+447911123459' },
    prepare: (simulator) => simulator.fail('vonage', 'auth'),
  },
  {
    name: 'autofill: origin-bound line',
    entry: 'custom-phone-provider',
    providers: 'twilio',
    secrets: { MFA_SMS_ORIGIN: 'login.example.com' },
    input: { recipient: '+447911123461' },
  },
  { name: 'legacy hook', entry: 'hook', providers: 'esendex', input: { recipient: '+447911123460' } },
];

async function run(
  scenario: Scenario,
  simulator: Simulator,
  action: Action,
  hook: SendPhoneMessageHook,
): Promise<Row> {
  // Each scenario reads only what it caused; the simulator keeps the rest for the inbox page.
  const firstMessage = simulator.messages.length;
  const firstRequest = simulator.requests.length;
  scenario.prepare?.(simulator);
  const secrets = { ...simulatorSecrets(simulator, scenario.providers), ...scenario.secrets };
  const input = { ...scenario.input, secrets };
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(' '));
  let outcome: string;
  try {
    if (scenario.entry === 'send-phone-message') {
      outcome = await action
        .onExecuteSendPhoneMessage(sendPhoneMessageEvent(input), sendPhoneMessageApi())
        .then(
          () => 'resolved',
          (error: Error & { code?: string }) => `threw ${error.code}`,
        );
    } else if (scenario.entry === 'custom-phone-provider') {
      const api = customPhoneProviderApi();
      await action.onExecuteCustomPhoneProvider(customPhoneProviderEvent(input), api);
      outcome = api.calls.retry.length
        ? 'api.notification.retry'
        : api.calls.drop.length
          ? 'api.notification.drop'
          : 'resolved';
    } else {
      outcome = await new Promise<string>((resolve) =>
        hook(...hookArguments(input), (error) =>
          resolve(error ? `cb(${(error as Error & { code?: string }).code})` : 'cb(null)'),
        ),
      );
    }
  } finally {
    console.log = original;
  }
  // The inbox's client log shows each line beside the requests it caused.
  for (const line of lines) simulator.note(line);
  return {
    scenario: scenario.name,
    entry: scenario.entry,
    outcome,
    log: lines.join(' | '),
    received: describeReceived(
      simulator.messages.slice(firstMessage),
      simulator.requests.slice(firstRequest),
    ),
  };
}

const usage = `Usage: npm start [-- --keep]

Runs every scenario through the built Action against the simulator and prints what each
provider received. --keep leaves the simulator and its inbox page running until Ctrl-C.`;

function waitForInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const action = load('./action.cjs') as Action;
  const hook = load('./hook.cjs') as SendPhoneMessageHook;
  const simulator = await startSimulator();
  const inbox = `${simulator.url}/`;
  console.log(
    `mfa-sms playground: the built Action (dist/action.cjs, dist/hook.cjs) against the simulator at ${simulator.url}`,
  );
  console.log(
    `Inbox: ${inbox}${values.keep ? '' : ' (closes when the scenarios end; `npm start -- --keep` leaves it open)'}\n`,
  );
  const rows: Row[] = [];
  try {
    for (const scenario of scenarios) rows.push(await run(scenario, simulator, action, hook));
    rows.push(...(await runOutage(simulator, newContainer())));
  } catch (error) {
    await simulator.close();
    throw error;
  }
  for (const row of rows) {
    if (row.scenario === rows.find((each) => each.scenario.startsWith(outageName))?.scenario)
      console.log(`${outageText}\n`);
    console.log(`● ${row.scenario}  [${row.entry}]  → ${row.outcome}`);
    console.log(`    provider received: ${row.received}`);
    console.log(`    Action log line:   ${row.log}\n`);
  }
  console.log(`${rows.length} scenarios run; no request left 127.0.0.1.`);
  if (values.keep) {
    console.log(`\nThe simulator is still running. Inbox: ${inbox}  (Ctrl-C to stop)`);
    await waitForInterrupt();
  }
  await simulator.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
