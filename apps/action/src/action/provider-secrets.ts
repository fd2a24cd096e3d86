import { type Auth0Secrets, isMfaSmsError, MfaSmsError, type Provider } from '@mfa-sms/core';
import { packageOfEntry } from './provider-entries.js';
import { type LoadedPlugin, loadPlugin, type PackageLoader, pluginSecretNames } from './provider-plugins.js';
import { inSecretTerms, nearMissHints } from './secret-hints.js';
import { parseSenderSecret } from './sender-secret.js';

/**
 * A plugin's options from the secrets: per option, the first of its secrets that is set. The
 * provider validates what it is given, so a value is passed on as the secret holds it.
 */
function optionsFromSecrets(plugin: LoadedPlugin, secrets: Auth0Secrets): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [option, names] of Object.entries(plugin.secrets)) {
    const value = names?.map((name) => secrets[name]).find((candidate) => candidate);
    // Every provider's sender secret takes one syntax for per-country senders (Acme;US=+1…).
    if (value) options[option] = option === 'from' ? parseSenderSecret(value) : value;
  }
  return options;
}

/**
 * Builds the provider an MFA_SMS_PROVIDERS entry names, through its package's plugin; a
 * configuration error names the secret to fix, never its value.
 */
export function buildProvider(entry: string, secrets: Auth0Secrets, load?: PackageLoader): Provider {
  const plugin = loadPlugin(packageOfEntry(entry), load);
  const known = new Set(pluginSecretNames(plugin));
  const hints = (wanted: readonly string[]) =>
    nearMissHints(secrets, wanted, known)
      .map((hint) => `; ${hint}`)
      .join('');
  const missing = (plugin.required ?? []).filter((secret) => !secrets[secret]);
  if (missing.length > 0) {
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `Secret ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (MFA_SMS_PROVIDERS lists ${entry})${hints(missing)}`,
      provider: plugin.name,
    });
  }
  try {
    return plugin.create(optionsFromSecrets(plugin, secrets));
  } catch (error) {
    if (!isMfaSmsError(error) || error.code !== 'invalid_config') throw error;
    // The provider names its option; the person reading this edits a secret.
    // A nested option (`from.US`) is set by the secret of its top-level option.
    const option = error.option?.match(/^[A-Za-z]+/)?.[0];
    const names = option === undefined ? undefined : plugin.secrets[option];
    if (names === undefined) throw error;
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `Secret ${names.join(' (or ')}${names.length > 1 ? ')' : ''} ${inSecretTerms(error.message, plugin.secrets)}${hints(names)}`,
      provider: error.provider,
      option: error.option,
    });
  }
}
