import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { policyFromSecrets } from './secrets.js';

const twilio = {
  MFA_SMS_PROVIDERS: 'twilio',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'a'.repeat(32),
  TWILIO_FROM: '+14155550100',
};

function refusal(secrets: Record<string, string>): Error {
  try {
    policyFromSecrets(secrets);
  } catch (error) {
    return error as Error;
  }
  throw new Error('policyFromSecrets accepted the secrets');
}

describe('policyFromSecrets', () => {
  it('reads every policy secret into the policy, trimmed and in one case', () => {
    const policy = policyFromSecrets({
      ...twilio,
      MFA_SMS_PROVIDERS: ' Twilio ',
      MFA_SMS_ROUTES: 'us, ca = Twilio; *=twilio;',
      MFA_SMS_ALLOWED_COUNTRIES: 'gb, ie,',
      MFA_SMS_BLOCKED_COUNTRIES: 'ng',
      MFA_SMS_DEFAULT_COUNTRY: ' gb ',
      MFA_SMS_DEADLINE_MS: '12000',
      MFA_SMS_TEMPLATES: 'builtin',
      MFA_SMS_DRY_RUN: ' Yes ',
      MFA_SMS_USE_AUTH0_FROM: 'off',
      MFA_SMS_ORIGIN: ' login.example.com ',
      MFA_SMS_ANDROID_APP_HASH: 'FA+9qCX9VSu',
    });
    expect(policy).toEqual({
      providers: [expect.objectContaining({ name: 'twilio' })],
      routes: { US: ['twilio'], CA: ['twilio'], '*': ['twilio'] },
      guard: { allowedCountries: ['GB', 'IE'], blockedCountries: ['NG'] },
      defaultCountry: 'GB',
      deadlineMs: 12_000,
      templates: 'builtin',
      dryRun: true,
      useNotificationFrom: false,
      origin: 'login.example.com',
      androidAppHash: 'FA+9qCX9VSu',
    });
  });

  it('takes a blank secret as unset', () => {
    expect(policyFromSecrets({ ...twilio, MFA_SMS_DEADLINE_MS: '', MFA_SMS_ORIGIN: '' })).toEqual({
      providers: [expect.objectContaining({ name: 'twilio' })],
      guard: {},
    });
  });

  it.each([
    [{ MFA_SMS_PROVIDERS: '' }, 'Secret MFA_SMS_PROVIDERS is missing: list your providers'],
    [{ MFA_SMS_PROVIDERS: ' , ' }, 'Secret MFA_SMS_PROVIDERS is invalid: names no provider'],
    [
      { MFA_SMS_PROVIDERS: 'twilio,sinch-secret-name' },
      "MFA_SMS_PROVIDERS names a provider whose package is not installed: add @mfa-sms/sinch-secret-name to the Action's dependencies",
    ],
    [
      { MFA_SMS_PROVIDERS: 'twilio,../sinch-secret' },
      'Secret MFA_SMS_PROVIDERS is invalid: "../sinch-secret" is neither a provider of ours',
    ],
    [
      { MFA_SMS_PROVIDERS: 'twilio,@mfa-sms/twilio' },
      'Secret MFA_SMS_PROVIDERS is invalid: names a provider twice',
    ],
    [{ MFA_SMS_PROVIDERS: 'twilio,Twilio' }, 'Secret MFA_SMS_PROVIDERS is invalid: names a provider twice'],
    [
      { MFA_SMS_ROUTES: 'US=twilio;GBR=twilio' },
      'Secret MFA_SMS_ROUTES is invalid: must look like "US,CA=<provider>;*=<provider>,<provider>"',
    ],
    [{ MFA_SMS_ROUTES: 'US=' }, 'Secret MFA_SMS_ROUTES is invalid: must look like'],
    [
      { MFA_SMS_ALLOWED_COUNTRIES: 'GB,England' },
      'Secret MFA_SMS_ALLOWED_COUNTRIES is invalid: must be a comma-separated list of ISO 3166 alpha-2 codes',
    ],
    [
      { MFA_SMS_BLOCKED_COUNTRIES: ',,' },
      'Secret MFA_SMS_BLOCKED_COUNTRIES is invalid: must be a comma-separated',
    ],
    [
      { MFA_SMS_DEFAULT_COUNTRY: 'Britain' },
      'Secret MFA_SMS_DEFAULT_COUNTRY is invalid: must be an ISO 3166 alpha-2 code such as GB',
    ],
    [
      { MFA_SMS_DEADLINE_MS: '15 seconds' },
      'Secret MFA_SMS_DEADLINE_MS is invalid: must be a number of milliseconds',
    ],
    [{ MFA_SMS_DEADLINE_MS: '1500.5' }, 'Secret MFA_SMS_DEADLINE_MS is invalid: must be a whole number'],
    [{ MFA_SMS_DEADLINE_MS: '999' }, 'Secret MFA_SMS_DEADLINE_MS is invalid: must be at least 1000'],
    [
      { MFA_SMS_DEADLINE_MS: '30000' },
      "Secret MFA_SMS_DEADLINE_MS is invalid: must stay under Auth0's 20 s limit",
    ],
    [
      { MFA_SMS_TEMPLATES: 'Builtin-secret' },
      'Secret MFA_SMS_TEMPLATES is invalid: must be "auth0" or "builtin"',
    ],
    [{ MFA_SMS_DRY_RUN: 'maybe-secret' }, 'Secret MFA_SMS_DRY_RUN is invalid: must be true or false'],
    [{ MFA_SMS_DRY_RUN: 'constructor' }, 'Secret MFA_SMS_DRY_RUN is invalid: must be true or false'],
    [
      { MFA_SMS_USE_AUTH0_FROM: '__proto__' },
      'Secret MFA_SMS_USE_AUTH0_FROM is invalid: must be true or false',
    ],
    [
      { MFA_SMS_USE_AUTH0_FROM: 'never-secret' },
      'Secret MFA_SMS_USE_AUTH0_FROM is invalid: must be true or false',
    ],
    [{ MFA_SMS_ORIGIN: 'https://login.example.com/' }, 'Secret MFA_SMS_ORIGIN is invalid: '],
    [{ MFA_SMS_ANDROID_APP_HASH: 'not-a-hash-secret' }, 'Secret MFA_SMS_ANDROID_APP_HASH is invalid: '],
    [{ MFA_SMS_LIMITS: 'recipient=5 per hour' }, 'Secret MFA_SMS_LIMITS is invalid'],
    [{ MFA_SMS_REDIS_URL: 'redis://:hunter2-secret@127.0.0.1:1' }, 'Secret MFA_SMS_STORE_KEY is missing'],
    [
      { MFA_SMS_REDIS_URL: 'http://:hunter2-secret@127.0.0.1:1', MFA_SMS_STORE_KEY: 'k'.repeat(20) },
      'Secret MFA_SMS_REDIS_URL is invalid',
    ],
    [{ TWILIO_ACCOUNT_SID: 'XX-not-a-sid-secret' }, 'Secret TWILIO_ACCOUNT_SID is invalid: must be'],
    [
      { MFA_SMS_REDIS_URL: 'redis://127.0.0.1:1', MFA_SMS_STORE_KEY: 'k'.repeat(24) },
      'Secret MFA_SMS_STORE_KEY is guessable',
    ],
    [{ MFA_SMS_STORE_KEY: 'abababababababababab' }, 'Secret MFA_SMS_STORE_KEY is guessable'],
  ])('names the secret, never its value: %j', (extra, message) => {
    const error = refusal({ ...twilio, ...extra });
    expect(error).toMatchObject({ code: 'invalid_config' });
    expect(error.message.slice(0, message.length)).toBe(message);
    for (const value of Object.values(extra))
      if (value.trim().length > 6) expect(inspect(error, { depth: 5 })).not.toContain(value.trim());
  });

  it('keys api.cache with MFA_SMS_STORE_KEY when there is no Redis', () => {
    const key = 'e3f1c0a9b87d6524f1e0d9c8';
    expect(policyFromSecrets({ ...twilio, MFA_SMS_STORE_KEY: key })).toMatchObject({ storeKey: key });
    expect(policyFromSecrets({ ...twilio, MFA_SMS_STORE_KEY: key }).store).toBeUndefined();
  });

  it('reports the first problem in the order the secrets are read', () => {
    const error = refusal({
      ...twilio,
      MFA_SMS_ANDROID_APP_HASH: 'bad',
      MFA_SMS_DEADLINE_MS: '5',
      MFA_SMS_ROUTES: 'US=',
      TWILIO_ACCOUNT_SID: 'bad',
    });
    expect(error.message).toMatch(/^Secret MFA_SMS_ROUTES /);
    expect(refusal({ ...twilio, MFA_SMS_PROVIDERS: 'no such', MFA_SMS_ROUTES: 'US=' }).message).toMatch(
      /^Secret MFA_SMS_PROVIDERS /,
    );
    expect(refusal({ ...twilio, MFA_SMS_ORIGIN: 'bad', TWILIO_ACCOUNT_SID: 'bad' }).message).toMatch(
      /^Secret MFA_SMS_ORIGIN/,
    );
  });

  it('names secrets, never options, and suggests the secret a near-miss name meant', () => {
    const { TWILIO_AUTH_TOKEN, ...withoutToken } = twilio;
    const token = refusal({ ...withoutToken, TWILIO_TOKEN: 'near-miss-token-secret' });
    expect(token.message).toMatch(
      /^Secret TWILIO_AUTH_TOKEN .*is missing: it is required unless TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET/,
    );
    expect(token.message).toContain('TWILIO_TOKEN is set: did you mean TWILIO_AUTH_TOKEN?');
    expect(token.message).not.toMatch(/authToken|apiKeySid/);
    expect(inspect(token, { depth: 5 })).not.toContain('near-miss-token-secret');
    const { TWILIO_ACCOUNT_SID, ...withoutSid } = twilio;
    expect(refusal({ ...withoutSid, TWILIO_SID: TWILIO_ACCOUNT_SID ?? '' }).message).toContain(
      'TWILIO_SID is set: did you mean TWILIO_ACCOUNT_SID?',
    );
  });
});

describe('policyFromSecrets and hostile secret names', () => {
  it('reads nothing through the prototype and writes nothing to it', () => {
    // JSON.parse makes "__proto__" an own property, as a tenant's secrets object could hold it.
    const secrets = JSON.parse(
      `{"MFA_SMS_PROVIDERS":"twilio","TWILIO_ACCOUNT_SID":"AC${'0'.repeat(32)}","TWILIO_AUTH_TOKEN":"${'a'.repeat(32)}","TWILIO_FROM":"+14155550100","__proto__":{"MFA_SMS_DRY_RUN":"true","MFA_SMS_PROVIDERS":"vonage","polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}`,
    );
    const policy = policyFromSecrets(secrets);
    expect(policy.dryRun).toBeFalsy();
    expect(policy.providers).toEqual([expect.objectContaining({ name: 'twilio' })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('MFA_SMS_DRY_RUN');
  });

  it('does not take a policy secret inherited from the prototype', () => {
    const inherited = Object.assign(Object.create({ MFA_SMS_DRY_RUN: 'true' }), twilio);
    expect(policyFromSecrets(inherited).dryRun).toBeFalsy();
  });
});
