import { parseArgs } from 'node:util';
import { isMfaSmsError, maskPhoneNumber, normalizePhoneNumber } from '@mfa-sms/core';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import {
  createFakeAuth0Cache,
  oneTimeCode,
  sendPhoneMessageApi,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';
import { createHandlers } from '../action/handlers.js';
import { nearMissNames } from '../action/secret-hints.js';
import { cliPackageLoader } from './cli-packages.js';
import { cliVersion, exitCodes, overview, sendUsage } from './cli-usage.js';
import { runDeployCommand } from './deploy/deploy-command.js';
import { pickActionSecrets, providerSecretNames } from './deploy/secret-names.js';
import { runEnvExampleCommand } from './env-example.js';
import { loadEnvFile } from './env-file.js';
import { runActionCommand } from './run-command.js';
import { describeDryRun, dryRunHandlers } from './send-dry-run.js';
import { runSimulatorCommand } from './simulator-command.js';
import { firstSimulated, simulatorSecrets } from './simulator-secrets.js';

export { exitCodes } from './cli-usage.js';

interface Output {
  out(line: string): void;
  error(line: string): void;
  live?: ((line: string) => void) | undefined;
}

// On a terminal, a progress line is rewritten in place and cleared before the next real line.
function terminalOutput(): Output {
  let pending = false;
  const clear = () => {
    if (pending) process.stdout.write('\r\x1b[2K');
    pending = false;
  };
  return {
    out: (line) => {
      clear();
      console.log(line);
    },
    error: (line) => {
      clear();
      console.error(line);
    },
    live: process.stdout.isTTY
      ? (line) => {
          process.stdout.write(`\r\x1b[2K${line}`);
          pending = true;
        }
      : undefined,
  };
}

/** Runs the CLI with arguments and environment given, so that tests call it in-process too. */
export async function runCli(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  output: Output = terminalOutput(),
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    output.out(cliVersion());
    return exitCodes.sent;
  }
  if (command === 'deploy') return runDeployCommand(rest, environment, output);
  if (command === 'send') return runSend(rest, environment, output);
  if (command === 'run') return runActionCommand(rest, output);
  if (command === 'simulator') return runSimulatorCommand(rest, output);
  if (command === 'env-example') return runEnvExampleCommand(rest, output);
  if (command === '--help' || command === '-h' || command === 'help') {
    output.out(overview);
    return exitCodes.sent;
  }
  output.error(
    `mfa-sms: ${command === undefined ? 'a command is needed' : `unknown command "${command}"`}\n\n${overview}`,
  );
  return exitCodes.usage;
}

function parseSend(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      to: { type: 'string' },
      voice: { type: 'boolean', default: false },
      provider: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      simulate: { type: 'boolean', default: false },
      'env-file': { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
}

/** A recipient written without a country code, which only MFA_SMS_DEFAULT_COUNTRY can place. */
function isNational(recipient: string): boolean {
  return !/^\s*(?:\+|00)/.test(recipient);
}

async function runSend(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  output: Output,
): Promise<number> {
  let values: ReturnType<typeof parseSend>;
  try {
    values = parseSend(argv);
  } catch (error) {
    output.error(`mfa-sms send: ${(error as Error).message}\n\n${sendUsage}`);
    return exitCodes.usage;
  }
  if (values.help) {
    output.out(sendUsage);
    return exitCodes.sent;
  }
  if (!values.to) {
    output.error(`mfa-sms send: --to <number> is required\n\n${sendUsage}`);
    return exitCodes.usage;
  }
  const json = values.json;
  const report: Record<string, unknown> = { command: 'send', dryRun: values['dry-run'] };
  const lines: string[] = [];
  const say = (line: string) => (json ? undefined : output.out(line));
  const fail = (code: number, errorCode: string, message: string): number => {
    if (json)
      output.out(JSON.stringify({ ...report, ok: false, error: { code: errorCode, message }, log: lines }));
    else output.error(`mfa-sms send: ${errorCode}: ${message}`);
    return code;
  };
  let envFile: ReturnType<typeof loadEnvFile>;
  try {
    envFile = loadEnvFile(values['env-file']);
  } catch (error) {
    return fail(exitCodes.config, 'invalid_config', (error as Error).message);
  }
  report.envFile = envFile.note;
  say(`mfa-sms send: ${envFile.note}`);
  const fileSecrets = envFile.values;
  const providerSecrets = providerSecretNames(
    values.provider ?? environment.MFA_SMS_PROVIDERS ?? fileSecrets.MFA_SMS_PROVIDERS,
    cliPackageLoader,
  );
  let secrets: Record<string, string | undefined> = {
    ...fileSecrets,
    ...pickActionSecrets(environment, providerSecrets),
  };
  // The Action would guess from the request's country; here there is no request to guess from.
  if (isNational(values.to) && !secrets.MFA_SMS_DEFAULT_COUNTRY)
    return fail(
      exitCodes.config,
      'invalid_config',
      'the number has no country code: write it as +<country code> (+44 7400 123456), or set MFA_SMS_DEFAULT_COUNTRY (e.g. MFA_SMS_DEFAULT_COUNTRY=GB in .env)',
    );
  let simulator: Simulator | undefined;
  try {
    if (values.simulate) {
      simulator = await startSimulator();
      secrets = {
        ...simulatorSecrets(
          simulator,
          values.provider ?? secrets.MFA_SMS_PROVIDERS ?? firstSimulated(simulator),
        ),
        ...pickSimulatorPolicy(secrets),
      };
    }
    if (values.provider) secrets.MFA_SMS_PROVIDERS = values.provider;
    if (values.verbose) {
      say(`  providers: ${secrets.MFA_SMS_PROVIDERS ?? '(MFA_SMS_PROVIDERS is not set)'}`);
      say(`  secrets:   ${Object.keys(secrets).sort().join(', ')} (values never printed)`);
    }
    const channel = values.voice ? 'voice' : 'sms';
    const dryRun = values['dry-run'] ? dryRunHandlers(cliPackageLoader) : undefined;
    const handlers = dryRun?.handlers ?? createHandlers(cliPackageLoader);
    const providerNames = providerSecretNames(secrets.MFA_SMS_PROVIDERS, cliPackageLoader);
    const event = sendPhoneMessageEvent({
      recipient: values.to,
      channel,
      code: oneTimeCode(),
      // What the Action reads, as Auth0 holds it (strings): a .env's other names stay out.
      // Near-miss names too (ACME_SID for ACME_ACCOUNT_SID), so that the error can say which secret was meant.
      secrets: {
        ...nearMissNames(secrets, providerNames),
        ...pickActionSecrets(
          Object.fromEntries(Object.entries(secrets).filter(([, value]) => typeof value === 'string')),
          providerNames,
        ),
      } as Record<string, string>,
      ...(secrets.MFA_SMS_DEFAULT_COUNTRY ? { country: secrets.MFA_SMS_DEFAULT_COUNTRY } : {}),
    });
    const original = console.log;
    console.log = (...args: unknown[]) => void lines.push(args.join(' '));
    let failure: unknown;
    try {
      await handlers.onExecuteSendPhoneMessage(event, sendPhoneMessageApi(createFakeAuth0Cache()));
    } catch (error) {
      failure = error;
    } finally {
      console.log = original;
    }
    if (dryRun && dryRun.recorded.length > 0) {
      const described = describeDryRun(dryRun.recorded, secrets, cliPackageLoader);
      if (json) output.out(JSON.stringify({ ...report, ok: true, ...described.json }));
      else for (const line of described.lines) output.out(line);
      return exitCodes.sent;
    }
    if (!json) for (const line of lines) output.out(line);
    if (failure === undefined) {
      const shown = maskedRecipient(values.to, secrets.MFA_SMS_DEFAULT_COUNTRY);
      const sent = /provider=(\S+) id=(\S+)/.exec(lines.at(-1) ?? '');
      if (json)
        output.out(
          JSON.stringify({
            ...report,
            ok: true,
            channel,
            to: shown,
            ...(sent ? { provider: sent[1], id: sent[2] } : {}),
            simulator: simulator !== undefined,
            log: lines,
          }),
        );
      else output.out(`sent ${channel} to ${shown}${simulator ? ' (simulator)' : ''}`);
      return exitCodes.sent;
    }
    if (isMfaSmsError(failure))
      return fail(
        failure.code === 'invalid_config' ? exitCodes.config : exitCodes.failed,
        failure.code,
        failure.message,
      );
    return fail(exitCodes.failed, 'unexpected', `unexpected ${(failure as Error)?.name ?? 'error'}`);
  } finally {
    await simulator?.close();
  }
}

function pickSimulatorPolicy(
  secrets: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const policy: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(secrets))
    if (name.startsWith('MFA_SMS_') && name !== 'MFA_SMS_PROVIDERS') policy[name] = value;
  return policy;
}

function maskedRecipient(recipient: string, defaultCountry: string | undefined): string {
  try {
    return maskPhoneNumber(normalizePhoneNumber(recipient, defaultCountry ? { defaultCountry } : {}).e164);
  } catch {
    return maskPhoneNumber(recipient);
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    // A bug of ours: its name and message, never a stack of values.
    (error: unknown) => {
      console.error(
        `mfa-sms: unexpected ${(error as Error)?.name ?? 'error'}: ${(error as Error)?.message ?? ''}`,
      );
      process.exitCode = 1;
    },
  );
}
