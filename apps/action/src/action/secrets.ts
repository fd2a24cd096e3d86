import {
  type ActionPolicy,
  type Auth0Secrets,
  type AutofillOptions,
  isMfaSmsError,
  MfaSmsError,
  parseAutofillOptions,
} from '@mfa-sms/core';
import { packageOfEntry } from './provider-entries.js';
import type { PackageLoader } from './provider-plugins.js';
import { buildProvider } from './provider-secrets.js';
import { inSecretTerms } from './secret-hints.js';
import { storePolicyFromSecrets } from './store-secrets.js';

// Plain parsers rather than zod: the Action is glue that a cold start loads before its first SMS,
// and zod would be many files from node_modules or a large part of its bundle
// (bench/BUDGET-NOTES.md, budget 4).

/** A secret's value refused: `reason` completes "Secret NAME …" and never holds the value. */
function refuse(reason: string): never {
  throw new MfaSmsError({ code: 'invalid_config', message: reason });
}

function secretError(name: string, reason: string): MfaSmsError {
  const message = `Secret ${name} ${reason.startsWith('is ') ? '' : 'is invalid: '}${reason}`;
  return new MfaSmsError({ code: 'invalid_config', message });
}

/** The items of a comma-separated secret, trimmed, each put in one case, empty ones dropped. */
function commaList(value: string, letterCase: 'upper' | 'lower'): string[] {
  return value
    .split(',')
    .map((item) => (letterCase === 'upper' ? item.trim().toUpperCase() : item.trim().toLowerCase()))
    .filter(Boolean);
}

const countryCode = /^[A-Z]{2}$/;

function countryList(value: string): string[] {
  const countries = commaList(value, 'upper');
  if (countries.length === 0 || !countries.every((country) => countryCode.test(country)))
    refuse('must be a comma-separated list of ISO 3166 alpha-2 codes');
  return countries;
}

// A Map, not an object literal: "constructor" or "__proto__" must not read as a value.
const booleans: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['1', true],
  ['yes', true],
  ['on', true],
  ['false', false],
  ['0', false],
  ['no', false],
  ['off', false],
]);

function booleanSecret(value: string): boolean {
  return booleans.get(value.trim().toLowerCase()) ?? refuse('must be true or false');
}

/** `US,CA=first;*=second,first`: countries (or `*`) to the providers they try, in order. */
function routesSecret(value: string): Record<string, string[]> {
  const routes: Record<string, string[]> = {};
  for (const rule of value.split(';')) {
    if (rule.trim() === '') continue;
    const [countries = '', names = ''] = rule.split('=');
    const keys = commaList(countries, 'upper');
    const providers = commaList(names, 'lower');
    if (
      keys.length === 0 ||
      providers.length === 0 ||
      keys.some((key) => key !== '*' && !countryCode.test(key))
    )
      refuse('must look like "US,CA=<provider>;*=<provider>,<provider>"');
    for (const key of keys) routes[key] = providers;
  }
  return routes;
}

function deadlineSecret(value: string): number {
  const ms = Number(value);
  if (!Number.isFinite(ms)) refuse('must be a number of milliseconds');
  if (!Number.isInteger(ms)) refuse('must be a whole number of milliseconds');
  if (ms < 1000) refuse('must be at least 1000');
  if (ms > 19_000) refuse("must stay under Auth0's 20 s limit (at most 19000)");
  return ms;
}

/** The entries of MFA_SMS_PROVIDERS, each a short name of ours or a package name (see provider-entries.ts). */
function providersSecret(value: string | undefined): string[] {
  if (value === undefined)
    refuse('is missing: list your providers in failover order (short names of ours or package names)');
  const entries = commaList(value, 'lower');
  if (entries.length === 0) refuse('names no provider');
  for (const entry of entries) packageOfEntry(entry);
  if (new Set(entries.map(packageOfEntry)).size !== entries.length) refuse('names a provider twice');
  return entries;
}

/**
 * MFA_SMS_ROUTES may name a provider by its name (`Provider.name`) or by its MFA_SMS_PROVIDERS
 * entry (a package name): the router knows the former.
 */
function routesByProviderName(
  routes: Readonly<Record<string, readonly string[]>>,
  entries: readonly string[],
  providers: readonly { name: string }[],
): Record<string, string[]> {
  const nameOf = new Map(entries.map((entry, index) => [entry, providers[index]?.name ?? entry]));
  return Object.fromEntries(
    Object.entries(routes).map(([country, names]) => [
      country,
      names.map((name) => nameOf.get(name) ?? name),
    ]),
  );
}

type Policy = ActionPolicy & { guard: NonNullable<ActionPolicy['guard']> };

/** The optional policy secrets, each read into its place in the policy; checked in this order. */
const policySecrets: Readonly<Record<string, (value: string, policy: Policy) => void>> = {
  MFA_SMS_ROUTES: (value, policy) => {
    policy.routes = routesSecret(value);
  },
  MFA_SMS_ALLOWED_COUNTRIES: (value, policy) => {
    policy.guard.allowedCountries = countryList(value);
  },
  MFA_SMS_BLOCKED_COUNTRIES: (value, policy) => {
    policy.guard.blockedCountries = countryList(value);
  },
  MFA_SMS_DEFAULT_COUNTRY: (value, policy) => {
    const country = value.trim();
    if (!/^[A-Za-z]{2}$/.test(country)) refuse('must be an ISO 3166 alpha-2 code such as GB');
    policy.defaultCountry = country.toUpperCase();
  },
  MFA_SMS_DEADLINE_MS: (value, policy) => {
    policy.deadlineMs = deadlineSecret(value);
  },
  MFA_SMS_TEMPLATES: (value, policy) => {
    if (value !== 'auth0' && value !== 'builtin') refuse('must be "auth0" or "builtin"');
    policy.templates = value;
  },
  MFA_SMS_DRY_RUN: (value, policy) => {
    policy.dryRun = booleanSecret(value);
  },
  MFA_SMS_USE_AUTH0_FROM: (value, policy) => {
    policy.useNotificationFrom = booleanSecret(value);
  },
};

/** Core checks the autofill options; the person reading its error edits these secrets. */
const autofillSecrets = { origin: 'MFA_SMS_ORIGIN', androidAppHash: 'MFA_SMS_ANDROID_APP_HASH' } as const;

function readAutofill(secrets: Readonly<Record<string, string | undefined>>, policy: Policy): void {
  const origin = secrets[autofillSecrets.origin];
  const androidAppHash = secrets[autofillSecrets.androidAppHash];
  // Most tenants set neither: their cold start need not build the schema that checks them.
  if (origin === undefined && androidAppHash === undefined) return;
  let autofill: AutofillOptions;
  try {
    autofill = parseAutofillOptions({ origin, androidAppHash });
  } catch (error) {
    const option = isMfaSmsError(error) ? error.option : undefined;
    if (option !== 'origin' && option !== 'androidAppHash') throw error;
    const { message } = error as MfaSmsError;
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `Secret ${autofillSecrets[option]} ${inSecretTerms(message, { origin: ['MFA_SMS_ORIGIN'], androidAppHash: ['MFA_SMS_ANDROID_APP_HASH'] })}`,
      option,
    });
  }
  if (autofill.origin) policy.origin = autofill.origin;
  if (autofill.androidAppHash) policy.androidAppHash = autofill.androidAppHash;
}

/** Reads one secret with its parser; a refusal becomes "Secret NAME is invalid: …". */
function read<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isMfaSmsError(error) && error.code === 'invalid_config') throw secretError(name, error.message);
    throw error;
  }
}

/**
 * Reads the Action's secrets into the policy `createActionHandlers` runs with. `load` requires a
 * provider package (the Action's own `require` by default; the CLI also looks where it runs).
 */
export function policyFromSecrets(input: Auth0Secrets, load?: PackageLoader): ActionPolicy {
  // No prototype: a secret named __proto__ is a name like any other, never the object's prototype.
  const secrets: Record<string, string | undefined> = Object.create(null);
  for (const [name, value] of Object.entries(input ?? {})) secrets[name] = value === '' ? undefined : value;
  const entries = read('MFA_SMS_PROVIDERS', () => providersSecret(secrets.MFA_SMS_PROVIDERS));
  const policy: Policy = { providers: [], guard: {} };
  for (const [name, set] of Object.entries(policySecrets)) {
    const value = secrets[name];
    if (value !== undefined) read(name, () => set(value, policy));
  }
  readAutofill(secrets, policy);
  const providers = entries.map((entry) => buildProvider(entry, secrets, load));
  const names = providers.map((provider) => provider.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) throw secretError('MFA_SMS_PROVIDERS', `names two providers called ${twice}`);
  policy.providers = providers;
  if (policy.routes) policy.routes = routesByProviderName(policy.routes, entries, providers);
  return { ...policy, ...storePolicyFromSecrets(secrets) };
}
