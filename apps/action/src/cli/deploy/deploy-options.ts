import { parseArgs } from 'node:util';

/** The triggers the CLI deploys to, with the trigger version Auth0 expects. */
export const deployTriggers = { 'custom-phone-provider': 'v1', 'send-phone-message': 'v2' } as const;
export type DeployTrigger = keyof typeof deployTriggers;

/** One of the triggers; an own key only, so that `__proto__` or `toString` is no trigger. */
export function isDeployTrigger(value: unknown): value is DeployTrigger {
  return typeof value === 'string' && Object.hasOwn(deployTriggers, value);
}

export interface DeployOptions {
  trigger: DeployTrigger;
  name: string;
  envFile: string;
  /** A file named with --env-file must exist; the default .env may be absent. */
  envFileRequired: boolean;
  codeFile?: string;
  dependencies: readonly string[];
  dryRun: boolean;
  rollback: boolean;
  verbose: boolean;
  /** Deploy secrets that point at a loopback or private address to a real tenant. */
  allowLocal: boolean;
  /** One JSON object at the end instead of lines. */
  json: boolean;
  /** How often the build status is read while waiting; tests shorten it. */
  pollMs: number;
  buildTimeoutMs: number;
}

export const deployUsage = `Usage: mfa-sms deploy [--trigger custom-phone-provider|send-phone-message] [--name <name>]
                      [--env-file <path>] [--code <file>] [--dependency name@version]…
                      [--dry-run] [--rollback] [--verbose] [--allow-local] [--json]

Creates or updates the Action in your Auth0 tenant, waits for its build, deploys it and connects
it: the custom phone provider, or the send-phone-message trigger. Running it again with nothing
changed changes nothing.
Credentials (environment or env file): AUTH0_DOMAIN (a tenant domain; http:// only on loopback),
AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET of a machine-to-machine application granted
read:actions, create:actions, update:actions and, for custom-phone-provider,
read:phone_providers, create:phone_providers, update:phone_providers.
The Action's secrets are read from the env file: MFA_SMS_PROVIDERS, the other MFA_SMS_…
secrets, and the secrets the listed providers read. A provider package that MFA_SMS_PROVIDERS
names by package name joins the Action's dependencies at the version installed here.

  --trigger <id>            custom-phone-provider (default) or send-phone-message
  --name <name>             the Action's name (default mfa-sms, or mfa-sms-send-phone-message)
  --env-file <path>         where credentials and secrets are read from (default .env)
  --code <file>             deploy your own CommonJS Action instead of the ready-made one; its
                            dependencies are read from the package.json beside it
  --dependency name@version add or override one dependency of the Action (repeatable)
  --dry-run                 print what would be done, change nothing
  --rollback                deploy the version before the one deployed now
  --verbose                 also print secret names, dependencies and each request (never a secret value)
  --allow-local             deploy even though a secret (a *_BASE_URL) points at a loopback or private
                            address, which Auth0 cannot reach
  --json                    print one JSON object at the end (for scripts and CI)
  --poll-ms <ms>            how often to check the build (default 1000)
  --build-timeout-ms <ms>   how long to wait for the build (default 120000)`;

function positiveInteger(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${flag} must be a positive whole number`);
  return parsed;
}

export function defaultActionName(trigger: DeployTrigger): string {
  return trigger === 'custom-phone-provider' ? 'mfa-sms' : 'mfa-sms-send-phone-message';
}

/** Reads `mfa-sms deploy`'s arguments; a usage mistake throws an Error whose message says which. */
export function parseDeployArgs(argv: readonly string[]): DeployOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      trigger: { type: 'string', default: 'custom-phone-provider' },
      name: { type: 'string' },
      'env-file': { type: 'string' },
      code: { type: 'string' },
      dependency: { type: 'string', multiple: true, default: [] },
      'dry-run': { type: 'boolean', default: false },
      rollback: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'allow-local': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'poll-ms': { type: 'string' },
      'build-timeout-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 1) throw new Error(`unexpected argument "${positionals[1]}"`);
  const trigger = values.trigger;
  if (!isDeployTrigger(trigger))
    throw new Error(`--trigger must be ${Object.keys(deployTriggers).join(' or ')}, not "${trigger}"`);
  if (values.rollback && values.code)
    throw new Error('--rollback deploys a version already in the tenant: leave out --code');
  return {
    trigger: trigger as DeployTrigger,
    name: values.name ?? defaultActionName(trigger as DeployTrigger),
    envFile: values['env-file'] ?? '.env',
    envFileRequired: values['env-file'] !== undefined,
    ...(values.code ? { codeFile: values.code } : {}),
    dependencies: values.dependency,
    dryRun: values['dry-run'],
    rollback: values.rollback,
    verbose: values.verbose,
    allowLocal: values['allow-local'],
    json: values.json,
    pollMs: positiveInteger(values['poll-ms'], 1000, '--poll-ms'),
    buildTimeoutMs: positiveInteger(values['build-timeout-ms'], 120_000, '--build-timeout-ms'),
  };
}
