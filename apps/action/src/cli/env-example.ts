import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ourScope, packageOfEntry } from '../action/provider-entries.js';
import { type LoadedPlugin, loadPlugin, type PackageLoader } from '../action/provider-plugins.js';
import { cliPackageLoader } from './cli-packages.js';
import { exitCodes } from './cli-usage.js';
import { builtActionDirectory } from './deploy/action-source.js';
import type { CommandOutput } from './deploy/deploy-command.js';

export const envExampleUsage = `Usage: mfa-sms env-example [--providers <name,name>] [--all]

Prints a .env template: the deploy credentials, MFA_SMS_PROVIDERS and every secret each provider's
plugin reads. The providers named are active (in MFA_SMS_PROVIDERS, in that order); --all adds
our other providers, commented out. Without --providers: all of ours, the first active.
\`mfa-sms env-example --providers <name> > .env\` starts a one-provider file.`;

/** Our provider packages, from the Action's dependency list (the build writes it from package.json). */
export function ourProviderNames(): string[] {
  const dependencies = JSON.parse(
    readFileSync(join(builtActionDirectory(), 'dependencies.json'), 'utf8'),
  ) as Record<string, string>;
  return Object.keys(dependencies)
    .filter((name) => name.startsWith(ourScope) && name !== `${ourScope}core`)
    .map((name) => name.slice(ourScope.length))
    .sort();
}

function providerBlock(entry: string, plugin: LoadedPlugin, active: boolean): string[] {
  const line = (text: string) => (active ? text : `# ${text}`);
  const required = plugin.required ?? [];
  const lines = [
    `# ${plugin.name} (${packageOfEntry(entry)})${active ? '' : ': add it to MFA_SMS_PROVIDERS and uncomment'}; required: ${required.join(', ') || 'see its README'}; an empty line is unset`,
  ];
  for (const [option, names] of Object.entries(plugin.secrets)) {
    const [first, ...others] = names ?? [];
    if (first === undefined) continue;
    lines.push(line(`${first}=`));
    if (others.length > 0) lines.push(`#   (${option}: or ${others.join(', or ')})`);
  }
  return lines;
}

/**
 * The template itself: one rule for `.env.example` and for `mfa-sms env-example`. `active` are in
 * MFA_SMS_PROVIDERS with their secrets; `others` follow, commented out.
 */
export function envExample(
  active: readonly string[],
  others: readonly string[] = [],
  load: PackageLoader = cliPackageLoader,
): string {
  const lines = [
    "# Secrets for `mfa-sms send`, `mfa-sms run` and `mfa-sms deploy`: the Action's secret names. Copy to .env.",
    "# Written by `mfa-sms env-example` from the providers' plugins (`--providers <name>` for others).",
    '# `mfa-sms deploy` only: a machine-to-machine application authorized for the Auth0 Management API.',
    'AUTH0_DOMAIN=',
    'AUTH0_CLIENT_ID=',
    'AUTH0_CLIENT_SECRET=',
    '',
    `MFA_SMS_PROVIDERS=${active.join(',')}`,
    '# National numbers (07400 123456) need the country they are in:',
    '# MFA_SMS_DEFAULT_COUNTRY=GB',
    '# MFA_SMS_ALLOWED_COUNTRIES=GB,IE',
  ];
  for (const entry of [...active, ...others.filter((other) => !active.includes(other))])
    lines.push('', ...providerBlock(entry, loadPlugin(packageOfEntry(entry), load), active.includes(entry)));
  return `${lines.join('\n')}\n`;
}

export function runEnvExampleCommand(argv: readonly string[], output: CommandOutput): number {
  let values: { providers?: string | undefined; all: boolean; help: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        providers: { type: 'string' },
        all: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    output.error(`mfa-sms env-example: ${(error as Error).message}\n\n${envExampleUsage}`);
    return exitCodes.usage;
  }
  if (values.help) {
    output.out(envExampleUsage);
    return exitCodes.sent;
  }
  try {
    const ours = ourProviderNames();
    const active = values.providers
      ? values.providers
          .split(',')
          .map((entry) => entry.trim().toLowerCase())
          .filter(Boolean)
      : ours.slice(0, 1);
    output.out(envExample(active, values.all || !values.providers ? ours : []).trimEnd());
    return exitCodes.sent;
  } catch (error) {
    output.error(`mfa-sms env-example: ${(error as Error).message}`);
    return exitCodes.config;
  }
}
