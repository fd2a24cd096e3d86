import { parseArgs } from 'node:util';
import { isMfaSmsError, maskPhoneNumber, normalizePhoneNumber } from '@mfa-sms/core';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import {
  createFakeAuth0Cache,
  oneTimeCode,
  sendPhoneMessageApi,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';
import { cliPackageLoader } from './cli-packages.js';
import { deployUsage, runDeployCommand } from './deploy/deploy-command.js';
import { pickActionSecrets, providerSecretNames } from './deploy/secret-names.js';
import { readDotenv } from './dotenv.js';
import { createHandlers } from './handlers.js';
import { simulatorSecrets } from './simulator-secrets.js';

/** Exit codes a script can rely on. */
export const exitCodes = { sent: 0, failed: 1, usage: 2, config: 3 } as const;

const sendUsage = `Usage: mfa-sms send --to <number> [--voice] [--provider <name>] [--dry-run] [--simulate] [--env-file <path>]

Sends one real one-time code the way the Auth0 Action would, to check credentials before deploying.
Secrets are read from the environment and from .env (the same names as the Action's secrets:
MFA_SMS_PROVIDERS, the other MFA_SMS_… secrets and those the listed providers read).

  --to <number>       recipient, in any usual format ("+44 7911 123456"; national numbers need MFA_SMS_DEFAULT_COUNTRY)
  --voice             a voice call instead of an SMS
  --provider <name>   only this provider (an MFA_SMS_PROVIDERS entry), overriding MFA_SMS_PROVIDERS
  --dry-run           check everything and show what would be sent, send nothing
  --simulate          send to a simulator started on 127.0.0.1 (no credentials needed)
  --env-file <path>   read secrets from this file instead of ./.env

Exit codes: 0 sent, 1 the send failed, 2 usage error, 3 configuration error.`;

const usage = `${deployUsage}

${sendUsage}`;

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
  if (argv[0] === 'deploy') return runDeployCommand(argv.slice(1), environment, output);
  let parsed: ReturnType<typeof parseCommand>;
  try {
    parsed = parseCommand(argv);
  } catch (error) {
    output.error(`mfa-sms: ${(error as Error).message}\n\n${usage}`);
    return exitCodes.usage;
  }
  if (parsed.help) {
    output.out(usage);
    return exitCodes.sent;
  }
  const { values } = parsed;
  if (!values.to) {
    output.error(`mfa-sms: --to is required\n\n${usage}`);
    return exitCodes.usage;
  }
  const fileSecrets = readDotenv(values['env-file'] ?? '.env');
  const providerSecrets = providerSecretNames(
    values.provider ?? environment.MFA_SMS_PROVIDERS ?? fileSecrets.MFA_SMS_PROVIDERS,
    cliPackageLoader,
  );
  let secrets: Record<string, string | undefined> = {
    ...fileSecrets,
    ...pickActionSecrets(environment, providerSecrets),
  };
  let simulator: Simulator | undefined;
  try {
    if (values.simulate) {
      simulator = await startSimulator();
      secrets = {
        ...simulatorSecrets(
          simulator,
          // Without a list, the simulator's first two providers: one to send, one to fail over to
          // (every provider's secrets together are more than the 30 Auth0 takes).
          secrets.MFA_SMS_PROVIDERS ??
            [...new Set(simulator.providers.map(({ name }) => name))].slice(0, 2).join(','),
        ),
        ...pickSimulatorPolicy(secrets),
      };
    }
    if (values.provider) secrets.MFA_SMS_PROVIDERS = values.provider;
    if (values['dry-run']) secrets.MFA_SMS_DRY_RUN = 'true';
    const channel = values.voice ? 'voice' : 'sms';
    const lines: string[] = [];
    const handlers = createHandlers(cliPackageLoader);
    const event = sendPhoneMessageEvent({
      recipient: values.to,
      channel,
      code: oneTimeCode(),
      // What the Action reads, as Auth0 holds it (strings): a .env's other names stay out.
      secrets: pickActionSecrets(
        Object.fromEntries(Object.entries(secrets).filter(([, value]) => typeof value === 'string')),
        providerSecretNames(secrets.MFA_SMS_PROVIDERS, cliPackageLoader),
      ) as Record<string, string>,
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
    for (const line of lines) output.out(line);
    if (failure === undefined) {
      const shown = maskedRecipient(values.to, secrets.MFA_SMS_DEFAULT_COUNTRY);
      output.out(
        values['dry-run']
          ? `dry run: nothing sent to ${shown}`
          : `sent ${channel} to ${shown}${simulator ? ' (simulator)' : ''}`,
      );
      return exitCodes.sent;
    }
    if (isMfaSmsError(failure)) {
      output.error(`mfa-sms: ${failure.code}: ${failure.message}`);
      return failure.code === 'invalid_config' ? exitCodes.config : exitCodes.failed;
    }
    output.error(`mfa-sms: unexpected ${(failure as Error)?.name ?? 'error'}`);
    return exitCodes.failed;
  } finally {
    await simulator?.close();
  }
}

function parseCommand(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      voice: { type: 'boolean', default: false },
      provider: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      simulate: { type: 'boolean', default: false },
      'env-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { values, help: true };
  if (positionals[0] !== 'send' || positionals.length > 1)
    throw new Error('the commands are "deploy" and "send"');
  return { values, help: false };
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
  runCli(process.argv.slice(2), process.env).then((code) => {
    process.exitCode = code;
  });
}
