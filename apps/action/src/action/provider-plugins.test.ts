import { inspect } from 'node:util';
import { MfaSmsError } from '@mfa-sms/core';
import { describe, expect, it } from 'vitest';
import { packageOfEntry } from './provider-entries.js';
import type { PackageLoader } from './provider-plugins.js';
import { policyFromSecrets } from './secrets.js';

// A third party's plugin, as a plain object: no helper from core, options it checks itself.
function acmeModule(created: Record<string, unknown>[]) {
  return {
    plugin: {
      name: 'acme',
      required: ['ACME_API_KEY'],
      secrets: { apiKey: ['ACME_API_KEY'], from: ['ACME_FROM', 'ACME_SENDER'], region: ['ACME_REGION'] },
      create(options: Record<string, unknown>) {
        if (options.region !== undefined && options.region !== 'eu')
          throw new MfaSmsError({
            code: 'invalid_config',
            message: 'Acme option "region" must be eu',
            provider: 'acme',
            option: 'region',
          });
        created.push(options);
        return { name: 'acme', channels: ['sms'], send: async () => ({}) };
      },
    },
  };
}

function loader(modules: Record<string, unknown>): PackageLoader {
  return (name) => {
    if (name in modules) return modules[name];
    throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
  };
}

function refusal(secrets: Record<string, string>, load: PackageLoader): MfaSmsError {
  try {
    policyFromSecrets(secrets, load);
  } catch (error) {
    return error as MfaSmsError;
  }
  throw new Error('policyFromSecrets accepted the secrets');
}

describe('MFA_SMS_PROVIDERS entries', () => {
  it('maps a short name to our scope and keeps a package name as written', () => {
    expect(packageOfEntry('acme')).toBe('@mfa-sms/acme');
    expect(packageOfEntry('aws-sns')).toBe('@mfa-sms/aws-sns');
    expect(packageOfEntry('mfa-sms-provider-acme')).toBe('mfa-sms-provider-acme');
    expect(packageOfEntry('@acme/mfa-sms')).toBe('@acme/mfa-sms');
  });

  it.each(['./acme', '../acme', '/acme', 'acme/sms', '@acme', 'acme.sms', '-acme', 'mfa-sms-provider-'])(
    'refuses %s: neither a short name nor a package name',
    (entry) => {
      expect(() => packageOfEntry(entry)).toThrow(/is neither a provider of ours/);
    },
  );
});

describe('a third-party plugin in the ready-made Action', () => {
  const secrets = { MFA_SMS_PROVIDERS: 'mfa-sms-provider-acme', ACME_API_KEY: 'acme-key-secret-1234' };

  it('builds the provider from its secrets, the first set of a list winning, senders per country parsed', () => {
    const created: Record<string, unknown>[] = [];
    const policy = policyFromSecrets(
      { ...secrets, ACME_SENDER: 'Acme;US,CA=+14155550100', MFA_SMS_ROUTES: 'US=mfa-sms-provider-acme' },
      loader({ 'mfa-sms-provider-acme': acmeModule(created) }),
    );
    expect(policy.providers).toEqual([expect.objectContaining({ name: 'acme' })]);
    expect(created).toEqual([
      { apiKey: 'acme-key-secret-1234', from: { '*': 'Acme', US: '+14155550100', CA: '+14155550100' } },
    ]);
    // Routes may name the package; the router knows the provider's name.
    expect(policy.routes).toEqual({ US: ['acme'] });
  });

  it('takes an option listed as undefined as one that reads no secret', () => {
    const created: Record<string, unknown>[] = [];
    const module = acmeModule(created);
    const plugin = { ...module.plugin, secrets: { ...module.plugin.secrets, region: undefined } };
    policyFromSecrets(
      { ...secrets, ACME_FROM: 'Acme', ACME_REGION: 'mars' },
      loader({ 'mfa-sms-provider-acme': { plugin } }),
    );
    expect(created).toEqual([{ apiKey: 'acme-key-secret-1234', from: 'Acme' }]);
  });

  it('loads a scoped package the same way', () => {
    const created: Record<string, unknown>[] = [];
    policyFromSecrets(
      { ...secrets, MFA_SMS_PROVIDERS: '@acme/mfa-sms', ACME_FROM: 'Acme' },
      loader({ '@acme/mfa-sms': acmeModule(created) }),
    );
    expect(created[0]).toMatchObject({ from: 'Acme' });
  });

  it('names a missing required secret, and the secret of an option the plugin refuses', () => {
    const load = loader({ 'mfa-sms-provider-acme': acmeModule([]) });
    expect(refusal({ MFA_SMS_PROVIDERS: 'mfa-sms-provider-acme' }, load)).toMatchObject({
      code: 'invalid_config',
      message: 'Secret ACME_API_KEY is missing (MFA_SMS_PROVIDERS lists mfa-sms-provider-acme)',
    });
    const refused = refusal({ ...secrets, ACME_REGION: 'mars-secret' }, load);
    expect(refused).toMatchObject({ code: 'invalid_config', option: 'region' });
    expect(refused.message).toBe('Secret ACME_REGION is invalid: must be eu');
    expect(inspect(refused, { depth: 5 })).not.toContain('acme-key-secret-1234');
  });

  it('says which package to add when it is not installed', () => {
    expect(refusal(secrets, loader({})).message).toBe(
      "MFA_SMS_PROVIDERS names a provider whose package is not installed: add mfa-sms-provider-acme to the Action's dependencies (at the version you tested)",
    );
  });

  it.each([
    [{}, 'it exports no `plugin`'],
    [{ plugin: 'acme' }, '`plugin` is not an object'],
    [
      { plugin: { name: 'Acme Ltd', secrets: {}, create: () => ({}) } },
      '`plugin.name` is not a lower-case name',
    ],
    [{ plugin: { name: 'acme', secrets: {} } }, '`plugin.create` is not a function'],
    [
      { plugin: { name: 'acme', create: () => ({}) } },
      '`plugin.secrets` is not an object of option → secret names',
    ],
    [
      { plugin: { name: 'acme', secrets: { apiKey: 'ACME_API_KEY' }, create: () => ({}) } },
      '`plugin.secrets.apiKey` is not a list of secret names',
    ],
    [
      { plugin: { name: 'acme', secrets: {}, required: ['acme key'], create: () => ({}) } },
      '`plugin.required` is not a list of secret names',
    ],
  ])('refuses a package that is no plugin: %j', (exports, problem) => {
    const error = refusal(secrets, loader({ 'mfa-sms-provider-acme': exports }));
    expect(error).toMatchObject({ code: 'invalid_config' });
    expect(error.message).toBe(
      `Package mfa-sms-provider-acme (named in MFA_SMS_PROVIDERS) is not a provider plugin: ${problem} (see ProviderPlugin in @mfa-sms/core/provider)`,
    );
  });

  it('reports a package that fails to load, without its message', () => {
    const load: PackageLoader = () => {
      throw new SyntaxError('Unexpected token in acme-key-secret-1234');
    };
    const error = refusal(secrets, load);
    expect(error.message).toBe(
      'Package mfa-sms-provider-acme (named in MFA_SMS_PROVIDERS) failed to load: SyntaxError',
    );
  });

  it('refuses two entries whose providers share a name', () => {
    const load = loader({
      'mfa-sms-provider-acme': acmeModule([]),
      '@acme/mfa-sms': acmeModule([]),
    });
    expect(
      refusal({ ...secrets, MFA_SMS_PROVIDERS: 'mfa-sms-provider-acme,@acme/mfa-sms' }, load).message,
    ).toBe('Secret MFA_SMS_PROVIDERS is invalid: names two providers called acme');
  });
});
