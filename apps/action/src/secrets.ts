import { type ActionPolicy, type Auth0Secrets, autofillOptionShape, MfaSmsError } from '@mfa-sms/core';
import { lazySchema } from '@mfa-sms/core/provider';
import { z } from 'zod';
import { buildProvider, providerNames } from './provider-secrets.js';
import { storePolicyFromSecrets } from './store-secrets.js';

function configError(message: string): MfaSmsError {
  return new MfaSmsError({ code: 'invalid_config', message });
}

// Policy secrets: all optional, validated by name so that an error can say which secret to fix.
const policySecrets = lazySchema(() => {
  const countryList = z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(/^[A-Z]{2}$/, 'must be a comma-separated list of ISO 3166 alpha-2 codes'))
        .min(1),
    );

  const booleanSecret = z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], 'must be true or false'))
    .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

  const routesSecret = z.string().transform((value, context) => {
    const routes: Record<string, string[]> = {};
    for (const rule of value
      .split(';')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const [countries, names] = rule.split('=');
      const providers = (names ?? '')
        .split(',')
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean);
      const keys = (countries ?? '')
        .split(',')
        .map((item) => item.trim().toUpperCase())
        .filter(Boolean);
      if (
        keys.length === 0 ||
        providers.length === 0 ||
        keys.some((key) => key !== '*' && !/^[A-Z]{2}$/.test(key))
      ) {
        context.addIssue({ code: 'custom', message: 'must look like "US,CA=twilio;*=vonage,twilio"' });
        return z.NEVER;
      }
      for (const key of keys) routes[key] = providers;
    }
    return routes;
  });

  return z.object({
    MFA_SMS_PROVIDERS: z
      .string('is missing: list your providers in failover order, e.g. "twilio,vonage"')
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.enum(providerNames, `names an unknown provider; known: ${providerNames.join(', ')}`))
          .min(1, 'names no provider')
          .refine((names) => new Set(names).size === names.length, 'names a provider twice'),
      ),
    MFA_SMS_ROUTES: routesSecret.optional(),
    MFA_SMS_ALLOWED_COUNTRIES: countryList.optional(),
    MFA_SMS_BLOCKED_COUNTRIES: countryList.optional(),
    MFA_SMS_DEFAULT_COUNTRY: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code such as GB')
      .transform((value) => value.toUpperCase())
      .optional(),
    MFA_SMS_DEADLINE_MS: z.coerce
      .number('must be a number of milliseconds')
      .int('must be a whole number of milliseconds')
      .min(1000, 'must be at least 1000')
      .max(19_000, "must stay under Auth0's 20 s limit (at most 19000)")
      .optional(),
    MFA_SMS_TEMPLATES: z.enum(['auth0', 'builtin'], 'must be "auth0" or "builtin"').optional(),
    MFA_SMS_DRY_RUN: booleanSecret.optional(),
    MFA_SMS_USE_AUTH0_FROM: booleanSecret.optional(),
    MFA_SMS_ORIGIN: autofillOptionShape().origin,
    MFA_SMS_ANDROID_APP_HASH: autofillOptionShape().androidAppHash,
  });
});

function blankToUndefined(secrets: Auth0Secrets): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(secrets)) result[name] = value === '' ? undefined : value;
  return result;
}

/** Reads the Action's secrets into the policy `createActionHandlers` runs with. */
export function policyFromSecrets(input: Auth0Secrets): ActionPolicy {
  const secrets = blankToUndefined(input ?? {});
  const parsed = policySecrets().safeParse(secrets);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'MFA_SMS_PROVIDERS');
    throw configError(
      `Secret ${name} ${issue?.message.startsWith('is ') ? '' : 'is invalid: '}${issue?.message ?? 'is invalid'}`,
    );
  }
  const policy = parsed.data;
  const providers = policy.MFA_SMS_PROVIDERS.map((name) => buildProvider(name, secrets));
  return {
    providers,
    ...(policy.MFA_SMS_ROUTES ? { routes: policy.MFA_SMS_ROUTES } : {}),
    guard: {
      ...(policy.MFA_SMS_ALLOWED_COUNTRIES ? { allowedCountries: policy.MFA_SMS_ALLOWED_COUNTRIES } : {}),
      ...(policy.MFA_SMS_BLOCKED_COUNTRIES ? { blockedCountries: policy.MFA_SMS_BLOCKED_COUNTRIES } : {}),
    },
    ...(policy.MFA_SMS_DEFAULT_COUNTRY ? { defaultCountry: policy.MFA_SMS_DEFAULT_COUNTRY } : {}),
    ...(policy.MFA_SMS_DEADLINE_MS ? { deadlineMs: policy.MFA_SMS_DEADLINE_MS } : {}),
    ...(policy.MFA_SMS_TEMPLATES ? { templates: policy.MFA_SMS_TEMPLATES } : {}),
    ...(policy.MFA_SMS_DRY_RUN !== undefined ? { dryRun: policy.MFA_SMS_DRY_RUN } : {}),
    ...(policy.MFA_SMS_USE_AUTH0_FROM !== undefined
      ? { useNotificationFrom: policy.MFA_SMS_USE_AUTH0_FROM }
      : {}),
    ...storePolicyFromSecrets(secrets),
    ...(policy.MFA_SMS_ORIGIN ? { origin: policy.MFA_SMS_ORIGIN } : {}),
    ...(policy.MFA_SMS_ANDROID_APP_HASH ? { androidAppHash: policy.MFA_SMS_ANDROID_APP_HASH } : {}),
  };
}
