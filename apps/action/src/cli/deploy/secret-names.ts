import { packageOfEntry } from '../../action/provider-entries.js';
import { loadPlugin, type PackageLoader, pluginSecretNames } from '../../action/provider-plugins.js';

/** The credentials `mfa-sms deploy` itself uses; they never become Action secrets. */
export const deployCredentialNames = ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET'] as const;

/**
 * The secrets the providers that MFA_SMS_PROVIDERS lists read, from their plugins. An entry
 * whose package does not load reads none here: configuring the Action reports it, by name.
 */
export function providerSecretNames(providers: string | undefined, load?: PackageLoader): Set<string> {
  const names = new Set<string>();
  for (const entry of (providers ?? '').split(',')) {
    const trimmed = entry.trim().toLowerCase();
    if (trimmed === '') continue;
    try {
      for (const name of pluginSecretNames(loadPlugin(packageOfEntry(trimmed), load))) names.add(name);
    } catch {
      // Reported with its reason when the Action's secrets are read.
    }
  }
  return names;
}

/**
 * Names the ready-made Action reads: its own (`MFA_SMS_…`) and those of the providers listed.
 * Everything else in an environment stays out of it.
 */
export function pickActionSecrets(
  source: Readonly<Record<string, string | undefined>>,
  providerSecrets: ReadonlySet<string>,
): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(source))
    if (name.startsWith('MFA_SMS_') || providerSecrets.has(name)) picked[name] = value;
  return picked;
}

// Auth0's rule for an Action secret's name.
const validSecretName = /^[A-Za-z0-9_]{1,128}$/;
// A name shown in a message: a longer or odder one may be a line of a mis-quoted value.
const showableName = /^[A-Za-z0-9_.-]{1,48}$/;

/** The problem with a secret name Auth0 would refuse, or `undefined`; the message shows the name only when it cannot be part of a value. */
export function secretNameProblem(name: string): string | undefined {
  if (validSecretName.test(name)) return undefined;
  const shown = showableName.test(name) ? `"${name}"` : `of ${name.length} characters`;
  return `The secret name ${shown} is not one Auth0 accepts: letters, digits and underscores, at most 128 characters. A value over several lines needs quotes around all of it.`;
}
