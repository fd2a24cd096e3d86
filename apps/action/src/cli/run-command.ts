import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { maskPhoneNumber } from '@mfa-sms/core';
import { startSimulator } from '@mfa-sms/simulator';
import {
  createFakeAuth0Cache,
  customPhoneProviderApi,
  customPhoneProviderEvent,
  runExecution,
  sendPhoneMessageApi,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';
import { exitCodes, runUsage } from './cli-usage.js';
import type { CommandOutput } from './deploy/deploy-command.js';
import { deployTriggers, isDeployTrigger } from './deploy/deploy-options.js';
import { loadEnvFile } from './env-file.js';
import { firstSimulated, simulatorSecrets } from './simulator-secrets.js';

type Trigger = keyof typeof deployTriggers;
type Event = Record<string, unknown> & { secrets?: Record<string, string> };

class UsageError extends Error {}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      code: { type: 'string' },
      event: { type: 'string' },
      trigger: { type: 'string' },
      to: { type: 'string', default: '+447400123456' },
      voice: { type: 'boolean', default: false },
      'env-file': { type: 'string' },
      'print-event': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.trigger !== undefined && !isDeployTrigger(values.trigger))
    throw new UsageError(
      `--trigger must be ${Object.keys(deployTriggers).join(' or ')}, not "${values.trigger}"`,
    );
  if (!values.help && !values['print-event'] && !values.code)
    throw new UsageError('--code <action.js> is required');
  return values;
}

/** The trigger an event is for: Auth0's two events differ in their top-level field. */
function triggerOf(event: Event, given: string | undefined): Trigger {
  if (given) return given as Trigger;
  if ('message_options' in event) return 'send-phone-message';
  if ('notification' in event) return 'custom-phone-provider';
  throw new UsageError(
    '--event holds neither message_options (send-phone-message) nor notification (custom-phone-provider)',
  );
}

function sampleEvent(trigger: Trigger, to: string, voice: boolean): Event {
  const input = { recipient: to, channel: voice ? ('voice' as const) : ('sms' as const), secrets: {} };
  return (trigger === 'send-phone-message'
    ? sendPhoneMessageEvent(input)
    : customPhoneProviderEvent(input)) as unknown as Event;
}

function readJsonFile(path: string): Event {
  if (!existsSync(path)) throw new UsageError(`--event ${path}: no such file`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Event;
  } catch {
    throw new UsageError(`--event ${path} is not JSON`);
  }
}

/**
 * `mfa-sms run`: a user's own Action, run as Auth0 would run it, against a simulator; what the
 * provider received is printed. The Action's own console output is printed as it comes.
 */
export async function runActionCommand(argv: readonly string[], output: CommandOutput): Promise<number> {
  let values: ReturnType<typeof parse>;
  let trigger: Trigger;
  let event: Event;
  try {
    values = parse(argv);
    if (values.help) {
      output.out(runUsage);
      return exitCodes.sent;
    }
    event = values.event
      ? readJsonFile(values.event)
      : sampleEvent((values.trigger ?? 'custom-phone-provider') as Trigger, values.to, values.voice);
    trigger = triggerOf(event, values.event ? values.trigger : (values.trigger ?? 'custom-phone-provider'));
  } catch (error) {
    output.error(`mfa-sms run: ${(error as Error).message}\n\n${runUsage}`);
    return exitCodes.usage;
  }
  if (values['print-event']) {
    output.out(JSON.stringify(event, null, 2));
    return exitCodes.sent;
  }
  const file = resolve(values.code as string);
  if (/\.(?:ts|mts|cts|tsx)$/.test(file)) {
    output.error(
      `mfa-sms run: ${values.code} is TypeScript; Auth0 runs JavaScript: compile it (tsc) and give the .js file`,
    );
    return exitCodes.usage;
  }
  if (!existsSync(file)) {
    output.error(`mfa-sms run: --code ${values.code}: no such file`);
    return exitCodes.usage;
  }
  const envFile = loadEnvFile(values['env-file']);
  const simulator = await startSimulator();
  const lines: string[] = [];
  try {
    if (!values.json) output.out(`mfa-sms run: ${envFile.note}; simulator on ${simulator.url}`);
    const own = { ...envFile.values, ...event.secrets };
    const providers = own.MFA_SMS_PROVIDERS ?? firstSimulated(simulator);
    event.secrets = { ...own, ...simulatorSecrets(simulator, providers) };
    let action: Record<string, unknown>;
    try {
      action = require(file) as Record<string, unknown>;
    } catch (error) {
      const esm = /require is not defined in ES module scope|ERR_REQUIRE_ESM/.test(
        String((error as Error)?.message),
      );
      output.error(
        `mfa-sms run: ${values.code} failed to load: ${(error as Error)?.name ?? 'Error'}: ${String((error as Error)?.message).split('\n')[0]}${esm ? ' (Auth0 runs CommonJS: the nearest package.json says "type": "module", so name the file .cjs)' : ''}`,
      );
      return exitCodes.failed;
    }
    const handler =
      trigger === 'send-phone-message'
        ? action.onExecuteSendPhoneMessage
        : action.onExecuteCustomPhoneProvider;
    const exportName =
      trigger === 'send-phone-message' ? 'onExecuteSendPhoneMessage' : 'onExecuteCustomPhoneProvider';
    if (typeof handler !== 'function') {
      output.error(
        `mfa-sms run: ${values.code} exports no ${exportName} function (exports.${exportName} = async (event, api) => …)`,
      );
      return exitCodes.failed;
    }
    const custom = customPhoneProviderApi(createFakeAuth0Cache());
    const api = trigger === 'send-phone-message' ? sendPhoneMessageApi(createFakeAuth0Cache()) : custom;
    const original = console.log;
    // Gathered, then printed: our own output goes through console.log too.
    console.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    let failure: unknown;
    try {
      // Auth0 ends an execution after 20 s: so does the fake runtime.
      await runExecution(() => handler(event, api));
    } catch (error) {
      failure = error;
    } finally {
      console.log = original;
    }
    const received = simulator.messages.map((message) => ({
      provider: message.provider,
      channel: message.channel,
      to: maskPhoneNumber(message.to),
      text: message.text,
    }));
    const { calls } = custom;
    const thrown =
      failure === undefined
        ? undefined
        : `${(failure as Error)?.name ?? 'Error'}: ${(failure as Error)?.message ?? String(failure)}`;
    const ok =
      received.length > 0 && failure === undefined && calls.drop.length === 0 && calls.retry.length === 0;
    if (values.json) {
      output.out(
        JSON.stringify({
          ok,
          trigger,
          envFile: envFile.note,
          received,
          retry: calls.retry,
          drop: calls.drop,
          ...(thrown ? { threw: thrown } : {}),
          log: lines,
        }),
      );
      return ok ? exitCodes.sent : exitCodes.failed;
    }
    for (const line of lines) output.out(`  action log: ${line}`);
    for (const message of received)
      output.out(
        `provider received: ${message.provider} ${message.channel} → ${message.to}: "${message.text}"`,
      );
    if (received.length === 0) output.out('provider received: nothing');
    for (const reason of calls.retry) output.out(`api.notification.retry("${reason}")`);
    for (const reason of calls.drop) output.out(`api.notification.drop("${reason}")`);
    if (thrown) output.error(`mfa-sms run: your Action threw ${thrown}`);
    output.out(
      ok ? `ok: ${exportName} delivered through the simulator` : `failed: ${exportName} delivered nothing`,
    );
    return ok ? exitCodes.sent : exitCodes.failed;
  } finally {
    await simulator.close();
  }
}
