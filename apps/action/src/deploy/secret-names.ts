import { packageOfEntry } from '../provider-entries.js';
import { loadPlugin, type PackageLoader, pluginSecretNames } from '../provider-plugins.js';

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
