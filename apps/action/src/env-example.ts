import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cliPackageLoader } from './cli-packages.js';
import { exitCodes } from './cli-usage.js';
import { builtActionDirectory } from './deploy/action-source.js';
import type { CommandOutput } from './deploy/deploy-command.js';
import { ourScope, packageOfEntry } from './provider-entries.js';
import { type LoadedPlugin, loadPlugin, type PackageLoader } from './provider-plugins.js';

export const envExampleUsage = `Usage: mfa-sms env-example [--providers <name,name>]

Prints a .env template: the deploy credentials, MFA_SMS_PROVIDERS and every secret each provider's
plugin reads. The first provider is active, the others commented out. Default: all of ours,
Twilio first. \`mfa-sms env-example --providers vonage > .env\` starts a Vonage-only file.`;

/** Our provider packages, from the Action's dependency list (the build writes it from package.json). */
export function ourProviderNames(): string[] {
  const dependencies = JSON.parse(
    readFileSync(join(builtActionDirectory(), 'dependencies.json'), 'utf8'),
  ) as Record<string, string>;
  const names = Object.keys(dependencies)
    .filter((name) => name.startsWith(ourScope) && name !== `${ourScope}core`)
    .map((name) => name.slice(ourScope.length))
    .sort();
  // The quickstart's provider first.
  return ['twilio', ...names.filter((name) => name !== 'twilio')];
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

/** The template itself: one rule for `.env.example` and for `mfa-sms env-example`. */
export function envExample(entries: readonly string[], load: PackageLoader = cliPackageLoader): string {
  const lines = [
    "# Secrets for `mfa-sms send`, `mfa-sms run` and `mfa-sms deploy`: the Action's secret names. Copy to .env.",
    "# Written by `mfa-sms env-example` from the providers' plugins (`--providers vonage` for another provider).",
    '# `mfa-sms deploy` only: a machine-to-machine application authorized for the Auth0 Management API.',
    'AUTH0_DOMAIN=',
    'AUTH0_CLIENT_ID=',
    'AUTH0_CLIENT_SECRET=',
    '',
    `MFA_SMS_PROVIDERS=${entries[0] ?? ''}`,
    '# National numbers (07400 123456) need the country they are in:',
    '# MFA_SMS_DEFAULT_COUNTRY=GB',
    '# MFA_SMS_ALLOWED_COUNTRIES=GB,IE',
  ];
  entries.forEach((entry, index) => {
    lines.push('', ...providerBlock(entry, loadPlugin(packageOfEntry(entry), load), index === 0));
  });
  return `${lines.join('\n')}\n`;
}

export function runEnvExampleCommand(argv: readonly string[], output: CommandOutput): number {
  let values: { providers?: string | undefined; help: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { providers: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (error) {
    output.error(`mfa-sms env-example: ${(error as Error).message}\n\n${envExampleUsage}`);
    return exitCodes.usage;
  }
  if (values.help) {
    output.out(envExampleUsage);
    return exitCodes.sent;
  }
  const entries = values.providers
    ? values.providers
        .split(',')
        .map((entry) => entry.trim().toLowerCase())
        .filter(Boolean)
    : ourProviderNames();
  try {
    output.out(envExample(entries).trimEnd());
    return exitCodes.sent;
  } catch (error) {
    output.error(`mfa-sms env-example: ${(error as Error).message}`);
    return exitCodes.config;
  }
}
