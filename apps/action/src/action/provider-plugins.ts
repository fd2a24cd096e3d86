import { MfaSmsError } from '@mfa-sms/core';
import type { ProviderPlugin } from '@mfa-sms/core/provider';
import { ourScope } from './provider-entries.js';

/** Loads a package by name, as `require` does: the Action's own `require`, or the CLI's. */
export type PackageLoader = (packageName: string) => unknown;

/** The plugin as the Action uses it: options are whatever the secrets give. */
export type LoadedPlugin = ProviderPlugin<Record<string, unknown>>;

// The Action's own require: in Auth0, node_modules beside the Action's code.
export const requirePackage: PackageLoader = (packageName) => require(packageName);

function configError(message: string, cause?: unknown): MfaSmsError {
  return new MfaSmsError({ code: 'invalid_config', message, ...(cause === undefined ? {} : { cause }) });
}

function isMissing(error: unknown, packageName: string): boolean {
  // Only the package itself: one of its own dependencies missing is its install's fault.
  return (
    (error as { code?: unknown })?.code === 'MODULE_NOT_FOUND' &&
    String((error as Error).message).includes(`'${packageName}'`)
  );
}

const secretName = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isNameList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((name) => typeof name === 'string' && secretName.test(name));
}

/** What keeps `value` from being a plugin, or `undefined` when it is one. */
function pluginProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'it exports no `plugin`';
  if (typeof value !== 'object') return '`plugin` is not an object';
  const plugin = value as Record<string, unknown>;
  if (typeof plugin.name !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/.test(plugin.name))
    return '`plugin.name` is not a lower-case name';
  if (typeof plugin.create !== 'function') return '`plugin.create` is not a function';
  if (typeof plugin.secrets !== 'object' || plugin.secrets === null || Array.isArray(plugin.secrets))
    return '`plugin.secrets` is not an object of option → secret names';
  for (const [option, names] of Object.entries(plugin.secrets)) {
    // An option typed optional may be present as undefined: it reads no secret.
    if (names !== undefined && (!isNameList(names) || names.length === 0))
      return `\`plugin.secrets.${option}\` is not a list of secret names`;
  }
  if (plugin.required !== undefined && !isNameList(plugin.required))
    return '`plugin.required` is not a list of secret names';
  return undefined;
}

/**
 * The `plugin` export of a provider package, checked. The package is required when an entry
 * first needs it, never when the Action loads: a cold start loads only the providers named.
 */
export function loadPlugin(packageName: string, load: PackageLoader = requirePackage): LoadedPlugin {
  let exports: unknown;
  try {
    exports = load(packageName);
  } catch (error) {
    // A tenant may leave out of the Action's dependencies the providers it does not use; saying
    // which package to add beats Node's "Cannot find module".
    if (isMissing(error, packageName))
      throw configError(
        `MFA_SMS_PROVIDERS names a provider whose package is not installed: add ${packageName} to the Action's dependencies (${packageName.startsWith(ourScope) ? 'at the version dist/dependencies.json lists' : 'at the version you tested'})`,
      );
    throw configError(
      `Package ${packageName} (named in MFA_SMS_PROVIDERS) failed to load: ${(error as Error)?.name ?? 'error'}`,
      error,
    );
  }
  const plugin = (exports as { plugin?: unknown } | null)?.plugin;
  const problem = pluginProblem(plugin);
  if (problem !== undefined)
    throw configError(
      `Package ${packageName} (named in MFA_SMS_PROVIDERS) is not a provider plugin: ${problem} (see ProviderPlugin in @mfa-sms/core/provider)`,
    );
  return plugin as LoadedPlugin;
}

/** Every secret a plugin reads. */
export function pluginSecretNames(plugin: LoadedPlugin): string[] {
  return [
    ...new Set([
      ...(plugin.required ?? []),
      ...Object.values(plugin.secrets).flatMap((names) => names ?? []),
    ]),
  ];
}
