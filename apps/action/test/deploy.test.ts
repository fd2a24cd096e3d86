import { managementScopes } from '@mfa-sms/simulator';
import { describe, expect, it } from 'vitest';
import { deployFixture, runCli, writeEnvFile, writes } from './deploy-helpers.js';

// The CLI runs as a child process against the Management API simulator; each test starts from a
// fresh tenant and checks its state afterwards.
const t = deployFixture();
const { deploy, dependencies } = t;

describe('mfa-sms deploy, custom-phone-provider', () => {
  it('creates, builds, deploys the Action and creates the custom phone provider on a fresh tenant', async () => {
    const result = await deploy();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Done: "mfa-sms" version 1 is live on custom-phone-provider.');
    t.expectNoSecretIn(result.stdout);
    const [action] = t.management.tenant.actions;
    expect(action).toMatchObject({
      name: 'mfa-sms',
      runtime: 'node22',
      supported_triggers: [{ id: 'custom-phone-provider', version: 'v1' }],
      all_changes_deployed: true,
    });
    // MFA_SMS_PROVIDERS=twilio and no Redis: only what that configuration loads is deployed.
    expect(action?.dependencies).toEqual(
      ['@mfa-sms/core', '@mfa-sms/twilio', 'libphonenumber-js', 'undici'].map((name) => ({
        name,
        version: dependencies[name],
      })),
    );
    expect(Object.fromEntries(action?.secrets.map((secret) => [secret.name, secret.value]) ?? [])).toEqual(
      t.secrets,
    );
    expect(action?.code).toContain('onExecuteCustomPhoneProvider');
    expect(t.management.tenant.versions).toMatchObject([{ number: 1, deployed: true }]);
    expect(t.management.tenant.phoneProviders).toMatchObject([
      {
        name: 'custom',
        disabled: false,
        credentials: {},
        configuration: { delivery_methods: ['text', 'voice'] },
      },
    ]);
  });

  it('changes nothing and says so when run again unchanged', async () => {
    expect((await deploy()).code).toBe(0);
    const before = t.management.requests.length;
    const again = await deploy();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to change: "mfa-sms" version 1 is live');
    expect(writes(t.management, before)).toEqual([]);
    expect(t.management.tenant.versions).toHaveLength(1);
  });

  it('updates the Action and deploys version 2 when a secret changes, and only the secret', async () => {
    expect((await deploy()).code).toBe(0);
    const twilioToken = t.secrets.TWILIO_AUTH_TOKEN as string;
    t.secrets = { ...t.secrets, TWILIO_AUTH_TOKEN: `${twilioToken}-rotated` };
    try {
      const result = await deploy();
      expect(result.stdout).toContain('action "mfa-sms": update (secrets)');
      expect(result.stdout).toContain('Deployed version 2.');
      expect(result.stdout).toContain('phone provider custom (text, voice): unchanged');
      expect(t.management.tenant.actions[0]?.secrets.find((s) => s.name === 'TWILIO_AUTH_TOKEN')?.value).toBe(
        `${twilioToken}-rotated`,
      );
      t.expectNoSecretIn(result.stdout);
    } finally {
      t.secrets = { ...t.secrets, TWILIO_AUTH_TOKEN: twilioToken };
    }
  });

  it('prints the plan and writes nothing with --dry-run, secrets hidden even with --verbose', async () => {
    const result = await deploy('--dry-run', '--verbose');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('action "mfa-sms": create');
    expect(result.stdout).toContain('phone provider custom (text, voice): create');
    expect(result.stdout).toContain('secrets: MFA_SMS_PROVIDERS, TWILIO_ACCOUNT_SID');
    expect(result.stdout).toContain('Dry run: nothing was changed.');
    expect(result.stdout).toContain('GET /api/v2/branding/phone/providers → 200');
    t.expectNoSecretIn(result.stdout + result.stderr);
    expect(writes(t.management)).toEqual([]);
    expect(t.management.tenant.actions).toEqual([]);
  });

  it('shows build progress while Auth0 builds slowly, and gives up after the timeout with what to do', async () => {
    t.management.setBuildDelay(300);
    const slow = await deploy();
    expect(slow.code).toBe(0);
    // The first poll sees pending, or building on a busy machine.
    expect(slow.stdout).toMatch(/build: (?:pending|building) \(\d+\.\d s\)/);
    expect(slow.stdout).toMatch(/build: built after 0\.\d s/);

    t.management.setBuildDelay(60_000);
    t.secrets = { ...t.secrets, MFA_SMS_DEFAULT_COUNTRY: 'GB' };
    try {
      const stuck = await deploy('--build-timeout-ms', '150');
      expect(stuck.code).toBe(1);
      expect(stuck.stderr).toContain('still pending after 0 s');
      expect(stuck.stderr).toContain('run the same command again');
      expect(t.management.tenant.versions).toHaveLength(1);

      t.management.setBuildDelay(20);
      const resumed = await deploy();
      expect(resumed.stdout).toContain('action "mfa-sms": unchanged');
      expect(resumed.stdout).toContain('Deployed version 2.');
    } finally {
      delete t.secrets.MFA_SMS_DEFAULT_COUNTRY;
    }
  });

  it('deploys the previous version with --rollback, and the draft again on the next deploy', async () => {
    expect((await deploy()).code).toBe(0);
    const first = t.management.tenant.versions[0]?.code;
    t.secrets = { ...t.secrets, MFA_SMS_DEFAULT_COUNTRY: 'GB' };
    try {
      expect((await deploy()).stdout).toContain('Deployed version 2.');
      const plan = await deploy('--rollback', '--dry-run');
      expect(plan.stdout).toContain('rollback: version 2 is live; deploy version 1 again');
      expect(t.management.tenant.versions).toHaveLength(2);
      const rollback = await deploy('--rollback');
      expect(rollback.code).toBe(0);
      expect(rollback.stdout).toContain("runs version 1's code again, deployed as version 3");
      const live = t.management.tenant.versions.find((version) => version.deployed);
      expect(live).toMatchObject({ number: 3, code: first });
      const redeploy = await deploy();
      expect(redeploy.stdout).toContain('Deployed version 4.');
    } finally {
      delete t.secrets.MFA_SMS_DEFAULT_COUNTRY;
    }
  });

  it('retries 429s after Retry-After and after x-ratelimit-reset', async () => {
    t.management.rateLimit({ times: 2 });
    const quick = await deploy();
    expect(quick.code).toBe(0);
    expect(quick.stdout.match(/rate limit was reached/g)).toHaveLength(2);
    expect(t.management.requests.filter((request) => request.status === 429)).toHaveLength(2);

    t.secrets = { ...t.secrets, MFA_SMS_DEFAULT_COUNTRY: 'GB' };
    try {
      t.management.rateLimit({ times: 1, resetMs: 1000, retryAfter: false });
      const started = Date.now();
      const waited = await deploy();
      expect(waited.code).toBe(0);
      expect(Date.now() - started).toBeGreaterThan(500);
      expect(waited.stdout).toContain('Deployed version 2.');
    } finally {
      delete t.secrets.MFA_SMS_DEFAULT_COUNTRY;
    }
  });

  it('names the missing scope to grant, and never the client secret', async () => {
    t.management.setScopes(managementScopes.filter((scope) => scope !== 'create:phone_providers'));
    const result = await deploy();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('lacks the scope create:phone_providers');
    expect(result.stderr).toContain('Permissions');
    t.expectNoSecretIn(result.stderr + result.stdout);
  });

  it('says which credential is refused or missing, without its value, before deploying anything', async () => {
    const wrong = await runCli([
      'deploy',
      '--env-file',
      writeEnvFile(t.management, t.secrets, { AUTH0_CLIENT_SECRET: 'not-the-secret-at-all' }),
      ...t.fast,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Auth0 refused AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET');
    expect(wrong.stderr).not.toContain('not-the-secret-at-all');
    const before = t.management.requests.length;

    const missing = await runCli([
      'deploy',
      '--env-file',
      writeEnvFile(t.management, t.secrets, { AUTH0_DOMAIN: '' }),
      ...t.fast,
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('AUTH0_DOMAIN is missing');

    const badSecret = await runCli([
      'deploy',
      '--env-file',
      writeEnvFile(t.management, { ...t.secrets, MFA_SMS_PROVIDERS: 'twilio,nobody' }),
      ...t.fast,
    ]);
    expect(badSecret.code).toBe(3);
    expect(badSecret.stderr).toContain('MFA_SMS_PROVIDERS');
    expect(t.management.requests).toHaveLength(before);
  });
});
