import type { AwsOptions } from '@mfa-sms/aws';
import { type Auth0Secrets, isMfaSmsError, MfaSmsError, type Provider } from '@mfa-sms/core';
import type { EsendexOptions } from '@mfa-sms/esendex';
import type { MittoOptions } from '@mfa-sms/mitto';
import type { TwilioOptions } from '@mfa-sms/twilio';
import type { VonageOptions } from '@mfa-sms/vonage';
import { parseSenderSecret } from './sender-secret.js';

export const providerNames = ['twilio', 'vonage', 'esendex', 'mitto', 'aws'] as const;
export type ProviderName = (typeof providerNames)[number];

export function isProviderName(name: string): name is ProviderName {
  return (providerNames as readonly string[]).includes(name);
}

/** The secrets one option is read from: the first that is set wins. */
type SecretNames = readonly [string, ...string[]];

interface ProviderSecrets {
  /** Secrets that must be present; alternatives are checked by the provider's own options. */
  required: readonly string[];
  /** Each option the Action sets, and the secrets it comes from: written once, read both ways. */
  options: Readonly<Record<string, SecretNames>>;
  create(secrets: Auth0Secrets): Provider;
}

/**
 * A provider's factory, from its package. A tenant may leave out of the Action's dependencies the
 * providers it does not use; one that MFA_SMS_PROVIDERS names must be there, and saying which
 * package to add beats Node's "Cannot find module".
 */
function loadFactory<F>(packageName: string, load: () => F): F {
  try {
    return load();
  } catch (error) {
    const missing =
      (error as { code?: unknown })?.code === 'MODULE_NOT_FOUND' &&
      String((error as Error).message).includes(`'${packageName}'`);
    if (!missing) throw error;
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `MFA_SMS_PROVIDERS names a provider whose package is not installed: add ${packageName} to the Action's dependencies (at the version dist/dependencies.json lists)`,
    });
  }
}

/**
 * One provider's row: how to load its factory and, per option, the secrets it is read from. The
 * provider validates what it is given, so a value is passed on as the secret holds it (missing =
 * unset). The package is required when a configuration names it, not when the Action loads: a
 * cold start loads only the providers MFA_SMS_PROVIDERS lists.
 */
function secretsFor<O extends object>(
  packageName: string,
  load: () => (options: O) => Provider,
  required: readonly string[],
  options: { readonly [K in keyof O]?: SecretNames },
): ProviderSecrets {
  return {
    required,
    options: options as Readonly<Record<string, SecretNames>>,
    create(secrets) {
      const given: Partial<Record<keyof O, unknown>> = {};
      for (const [option, names] of Object.entries(options) as [keyof O, SecretNames][]) {
        const value = names.map((name) => secrets[name]).find((candidate) => candidate);
        // Every provider's sender secret takes one syntax for per-country senders (Acme;US=+1…).
        if (value) given[option] = option === 'from' ? parseSenderSecret(value) : value;
      }
      return loadFactory(packageName, load)(given as O);
    },
  };
}

export const providerSecrets: Readonly<Record<ProviderName, ProviderSecrets>> = {
  twilio: secretsFor<TwilioOptions>(
    '@mfa-sms/twilio',
    () => (require('@mfa-sms/twilio') as typeof import('@mfa-sms/twilio')).createTwilio,
    ['TWILIO_ACCOUNT_SID'],
    {
      accountSid: ['TWILIO_ACCOUNT_SID'],
      authToken: ['TWILIO_AUTH_TOKEN'],
      apiKeySid: ['TWILIO_API_KEY_SID'],
      apiKeySecret: ['TWILIO_API_KEY_SECRET'],
      // The classic Auth0 guide names it TWILIO_PHONE_NUMBER: either name works, TWILIO_FROM first.
      from: ['TWILIO_FROM', 'TWILIO_PHONE_NUMBER'],
      messagingServiceSid: ['TWILIO_MESSAGING_SERVICE_SID'],
      verifyServiceSid: ['TWILIO_VERIFY_SERVICE_SID'],
      baseUrl: ['TWILIO_BASE_URL'],
    },
  ),
  // A pasted PEM with literal "\n" is Vonage's own schema's to unescape.
  vonage: secretsFor<VonageOptions>(
    '@mfa-sms/vonage',
    () => (require('@mfa-sms/vonage') as typeof import('@mfa-sms/vonage')).createVonage,
    ['VONAGE_API_KEY', 'VONAGE_API_SECRET', 'VONAGE_FROM_NUMBER'],
    {
      apiKey: ['VONAGE_API_KEY'],
      apiSecret: ['VONAGE_API_SECRET'],
      from: ['VONAGE_FROM_NUMBER'],
      applicationId: ['VONAGE_APPLICATION_ID'],
      privateKey: ['VONAGE_PRIVATE_KEY'],
      baseUrl: ['VONAGE_BASE_URL'],
    },
  ),
  // No sender in the classic guide: without ESENDEX_FROM, the account's default originator sends.
  esendex: secretsFor<EsendexOptions>(
    '@mfa-sms/esendex',
    () => (require('@mfa-sms/esendex') as typeof import('@mfa-sms/esendex')).createEsendex,
    ['ESENDEX_ACCOUNT', 'ESENDEX_USERNAME', 'ESENDEX_PASSWORD'],
    {
      accountReference: ['ESENDEX_ACCOUNT'],
      username: ['ESENDEX_USERNAME'],
      password: ['ESENDEX_PASSWORD'],
      from: ['ESENDEX_FROM'],
      baseUrl: ['ESENDEX_BASE_URL'],
    },
  ),
  mitto: secretsFor<MittoOptions>(
    '@mfa-sms/mitto',
    () => (require('@mfa-sms/mitto') as typeof import('@mfa-sms/mitto')).createMitto,
    ['MITTO_API_KEY', 'MITTO_FROM'],
    {
      apiKey: ['MITTO_API_KEY'],
      from: ['MITTO_FROM'],
      baseUrl: ['MITTO_BASE_URL'],
    },
  ),
  // Until the Action reads every provider's `plugin`, its secrets are repeated here; the
  // plugin builds the nested voice option from AWS_VOICE_FROM.
  aws: secretsFor<AwsOptions & { voiceFrom?: string }>(
    '@mfa-sms/aws',
    () => (require('@mfa-sms/aws') as typeof import('@mfa-sms/aws')).plugin.create,
    ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'],
    {
      accessKeyId: ['AWS_ACCESS_KEY_ID'],
      secretAccessKey: ['AWS_SECRET_ACCESS_KEY'],
      sessionToken: ['AWS_SESSION_TOKEN'],
      region: ['AWS_REGION'],
      from: ['AWS_FROM'],
      voiceFrom: ['AWS_VOICE_FROM'],
      api: ['AWS_API'],
      baseUrl: ['AWS_BASE_URL'],
    },
  ),
};

/** Builds one provider from the secrets; a configuration error names the secret to fix. */
export function buildProvider(name: ProviderName, secrets: Auth0Secrets): Provider {
  const spec = providerSecrets[name];
  const missing = spec.required.filter((secret) => !secrets[secret]);
  if (missing.length > 0) {
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `Secret ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (MFA_SMS_PROVIDERS lists ${name})`,
    });
  }
  try {
    return spec.create(secrets);
  } catch (error) {
    if (!isMfaSmsError(error) || error.code !== 'invalid_config') throw error;
    // The provider names its option; the person reading this edits a secret.
    // A nested option (`from.US`) is set by the secret of its top-level option.
    const option = error.option?.match(/^[A-Za-z]+/)?.[0];
    const names = option === undefined ? undefined : spec.options[option];
    if (names === undefined) throw error;
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `Secret ${names.join(' (or ')}${names.length > 1 ? ')' : ''}: ${error.message}`,
      provider: error.provider,
      option: error.option,
    });
  }
}
