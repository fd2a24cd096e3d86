import {
  type ActionPolicy,
  type Auth0Secrets,
  autofillOptionShape,
  isMfaSmsError,
  MfaSmsError,
  type Provider,
} from '@mfa-sms/core';
import { lazySchema } from '@mfa-sms/core/provider';
import { createEsendex } from '@mfa-sms/esendex';
import { createMitto } from '@mfa-sms/mitto';
import { createTwilio } from '@mfa-sms/twilio';
import { createVonage } from '@mfa-sms/vonage';
import { z } from 'zod';
import { storePolicyFromSecrets } from './store-secrets.js';

export const providerNames = ['twilio', 'vonage', 'esendex', 'mitto'] as const;
export type ProviderName = (typeof providerNames)[number];

interface ProviderSecrets {
  /** Secrets that must be present; alternatives are checked by the provider's own options. */
  required: readonly string[];
  /** Option name → secret name, so that a provider's `invalid_config` names the secret to fix. */
  options: Readonly<Record<string, string>>;
  create(secrets: Auth0Secrets): Provider;
}

function defined(entries: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(entries))
    if (value !== undefined && value !== '') result[name] = value;
  return result;
}

// Auth0's secret editor keeps a pasted PEM on one line with literal "\n" more often than not.
function pem(value: string | undefined): string | undefined {
  return value?.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
}

export const providerSecrets: Readonly<Record<ProviderName, ProviderSecrets>> = {
  twilio: {
    required: ['TWILIO_ACCOUNT_SID'],
    options: {
      accountSid: 'TWILIO_ACCOUNT_SID',
      authToken: 'TWILIO_AUTH_TOKEN',
      apiKeySid: 'TWILIO_API_KEY_SID',
      apiKeySecret: 'TWILIO_API_KEY_SECRET',
      // The classic Auth0 guide names it TWILIO_PHONE_NUMBER: either name works, TWILIO_FROM first.
      from: 'TWILIO_FROM (or TWILIO_PHONE_NUMBER)',
      messagingServiceSid: 'TWILIO_MESSAGING_SERVICE_SID',
      verifyServiceSid: 'TWILIO_VERIFY_SERVICE_SID',
      baseUrl: 'TWILIO_BASE_URL',
    },
    create: (secrets) =>
      createTwilio(
        defined({
          accountSid: secrets.TWILIO_ACCOUNT_SID,
          authToken: secrets.TWILIO_AUTH_TOKEN,
          apiKeySid: secrets.TWILIO_API_KEY_SID,
          apiKeySecret: secrets.TWILIO_API_KEY_SECRET,
          from: secrets.TWILIO_FROM || secrets.TWILIO_PHONE_NUMBER,
          messagingServiceSid: secrets.TWILIO_MESSAGING_SERVICE_SID,
          verifyServiceSid: secrets.TWILIO_VERIFY_SERVICE_SID,
          baseUrl: secrets.TWILIO_BASE_URL,
        }) as unknown as Parameters<typeof createTwilio>[0],
      ),
  },
  vonage: {
    required: ['VONAGE_API_KEY', 'VONAGE_API_SECRET', 'VONAGE_FROM_NUMBER'],
    options: {
      apiKey: 'VONAGE_API_KEY',
      apiSecret: 'VONAGE_API_SECRET',
      from: 'VONAGE_FROM_NUMBER',
      applicationId: 'VONAGE_APPLICATION_ID',
      privateKey: 'VONAGE_PRIVATE_KEY',
      baseUrl: 'VONAGE_BASE_URL',
    },
    create: (secrets) =>
      createVonage(
        defined({
          apiKey: secrets.VONAGE_API_KEY,
          apiSecret: secrets.VONAGE_API_SECRET,
          from: secrets.VONAGE_FROM_NUMBER,
          applicationId: secrets.VONAGE_APPLICATION_ID,
          privateKey: pem(secrets.VONAGE_PRIVATE_KEY),
          baseUrl: secrets.VONAGE_BASE_URL,
        }) as unknown as Parameters<typeof createVonage>[0],
      ),
  },
  esendex: {
    // No sender in the classic guide: without ESENDEX_FROM, the account's default originator sends.
    required: ['ESENDEX_ACCOUNT', 'ESENDEX_USERNAME', 'ESENDEX_PASSWORD'],
    options: {
      accountReference: 'ESENDEX_ACCOUNT',
      username: 'ESENDEX_USERNAME',
      password: 'ESENDEX_PASSWORD',
      from: 'ESENDEX_FROM',
      baseUrl: 'ESENDEX_BASE_URL',
    },
    create: (secrets) =>
      createEsendex(
        defined({
          accountReference: secrets.ESENDEX_ACCOUNT,
          username: secrets.ESENDEX_USERNAME,
          password: secrets.ESENDEX_PASSWORD,
          from: secrets.ESENDEX_FROM,
          baseUrl: secrets.ESENDEX_BASE_URL,
        }) as unknown as Parameters<typeof createEsendex>[0],
      ),
  },
  mitto: {
    required: ['MITTO_API_KEY', 'MITTO_FROM'],
    options: { apiKey: 'MITTO_API_KEY', from: 'MITTO_FROM', baseUrl: 'MITTO_BASE_URL' },
    create: (secrets) =>
      createMitto(
        defined({
          apiKey: secrets.MITTO_API_KEY,
          from: secrets.MITTO_FROM,
          baseUrl: secrets.MITTO_BASE_URL,
        }) as unknown as Parameters<typeof createMitto>[0],
      ),
  },
};

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

function buildProvider(name: ProviderName, secrets: Auth0Secrets): Provider {
  const spec = providerSecrets[name];
  const missing = spec.required.filter((secret) => !secrets[secret]);
  if (missing.length > 0) {
    throw configError(
      `Secret ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (MFA_SMS_PROVIDERS lists ${name})`,
    );
  }
  try {
    return spec.create(secrets);
  } catch (error) {
    if (!isMfaSmsError(error) || error.code !== 'invalid_config') throw error;
    // The provider names its option; the person reading this edits a secret.
    const message = error.message.replace(/option "([A-Za-z]+)[^"]*"/g, (whole, option: string) => {
      const secret = spec.options[option];
      return secret ? `secret ${secret}` : whole;
    });
    throw configError(message);
  }
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
