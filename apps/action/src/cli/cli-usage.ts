import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Exit codes a script can rely on. */
export const exitCodes = { sent: 0, failed: 1, usage: 2, config: 3 } as const;

declare const __PACKAGE_VERSION__: string | undefined;

/** The CLI's version: set by the build; read from package.json when run from the sources. */
export function cliVersion(): string {
  if (typeof __PACKAGE_VERSION__ === 'string') return __PACKAGE_VERSION__;
  return (
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
}

export const overview = `Usage: mfa-sms <command> [options]      (mfa-sms <command> --help for one command)

  send        send one code with your secrets (or --simulate), as the Action would
  run         run your own Action file against a simulator, with a sample or your event
  deploy      create or update the Action in your Auth0 tenant
  simulator   start the providers' simulator (--management: the Management API too), print .env lines
  env-example print a .env template for your providers (--providers <name,…>)

  --version   print the version
Secrets are read from ./.env (or --env-file <path>) and the environment.`;

export const sendUsage = `Usage: mfa-sms send --to <number> [--voice] [--provider <name>] [--dry-run] [--simulate]
                    [--env-file <path>] [--json] [--verbose]

Sends one real one-time code the way the Auth0 Action would, to check credentials before deploying.
Secrets are read from the environment and from .env (the same names as the Action's secrets:
MFA_SMS_PROVIDERS, the other MFA_SMS_… secrets and those the listed providers read).

  --to <number>       recipient: international (+44 7400 123456), or national with MFA_SMS_DEFAULT_COUNTRY set
  --voice             a voice call instead of an SMS
  --provider <name>   only this provider (an MFA_SMS_PROVIDERS entry), overriding MFA_SMS_PROVIDERS
  --dry-run           check everything and show what would be sent (text, sender, providers, segments)
  --simulate          send to a simulator started on 127.0.0.1 (no credentials needed)
  --env-file <path>   read secrets from this file instead of ./.env
  --json              print one JSON object (for scripts and CI) instead of lines
  --verbose           also print the env file read, the providers and the Action's log line

Exit codes: 0 sent, 1 the send failed, 2 usage error, 3 configuration error.`;

export const runUsage = `Usage: mfa-sms run --code <action.js> [--event <event.json>] [--trigger custom-phone-provider|send-phone-message]
                   [--to <number>] [--voice] [--env-file <path>] [--json]

Runs your own Action file (CommonJS, as Auth0 runs it; compile TypeScript first) against a
simulator started on 127.0.0.1, and prints what the provider received. The event is your JSON
file, or a realistic sample for the trigger. Its secrets are those of the event, then of the env
file, with every simulated provider's credentials and *_BASE_URL put over them: nothing leaves
the machine.

  --code <file>       your Action: exports onExecuteSendPhoneMessage and/or onExecuteCustomPhoneProvider
  --event <file>      an event as Auth0 passes it (JSON); without it, a sample event
  --trigger <id>      custom-phone-provider (default) or send-phone-message; read from --event when given
  --to <number>       the sample event's recipient (default +447400123456)
  --voice             the sample event asks for a voice call
  --env-file <path>   secrets for the Action (default ./.env when there is one)
  --json              print one JSON object

Exit codes: 0 the provider received the message, 1 it did not (or the Action failed), 2 usage error.`;

export const simulatorUsage = `Usage: mfa-sms simulator [--management] [--port N]

Starts the providers' simulator on 127.0.0.1 until Ctrl-C and prints the .env lines that point
the providers at it, with the fake credentials it accepts: paste them into .env.
--management also starts a fake of Auth0's Management API and prints AUTH0_DOMAIN,
AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET for it, so that \`mfa-sms deploy --allow-local\` can be tried
locally.`;
