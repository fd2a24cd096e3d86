import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ManagementSimulator,
  managementScopes,
  type Simulator,
  startManagementSimulator,
  startSimulator,
} from '@mfa-sms/simulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli as runCliInProcess } from '../src/cli.js';
import { runCli, twilioSecrets, writeEnvFile, writes } from './deploy-helpers.js';

const fast = ['--poll-ms', '10'];
const dependencies = JSON.parse(
  readFileSync(new URL('../dist/dependencies.json', import.meta.url), 'utf8'),
) as Record<string, string>;

let providers: Simulator;
let management: ManagementSimulator;
let secrets: Record<string, string>;

beforeAll(async () => {
  providers = await startSimulator();
  secrets = twilioSecrets(providers);
});
afterAll(() => providers.close());
beforeEach(async () => {
  management = await startManagementSimulator({ buildDelayMs: 40 });
});
afterEach(() => management.close());

function deploy(...args: string[]) {
  return runCli(['deploy', '--env-file', writeEnvFile(management, secrets), ...fast, ...args]);
}

function expectNoSecretIn(text: string) {
  for (const value of [
    ...Object.values(secrets).filter((v) => !v.startsWith('http') && !v.startsWith('+')),
    management.clientSecret,
  ])
    expect(text).not.toContain(value);
}

describe('mfa-sms deploy, custom-phone-provider', () => {
  it('creates, builds, deploys the Action and creates the custom phone provider on a fresh tenant', async () => {
    const result = await deploy();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Done: "mfa-sms" version 1 is live on custom-phone-provider.');
    expectNoSecretIn(result.stdout);
    const [action] = management.tenant.actions;
    expect(action).toMatchObject({
      name: 'mfa-sms',
      runtime: 'node22',
      supported_triggers: [{ id: 'custom-phone-provider', version: 'v1' }],
      dependencies: Object.entries(dependencies).map(([name, version]) => ({ name, version })),
      all_changes_deployed: true,
    });
    expect(Object.fromEntries(action?.secrets.map((secret) => [secret.name, secret.value]) ?? [])).toEqual(
      secrets,
    );
    expect(action?.code).toContain('onExecuteCustomPhoneProvider');
    expect(management.tenant.versions).toMatchObject([{ number: 1, deployed: true }]);
    expect(management.tenant.phoneProviders).toMatchObject([
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
    const before = management.requests.length;
    const again = await deploy();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to change: "mfa-sms" version 1 is live');
    expect(writes(management, before)).toEqual([]);
    expect(management.tenant.versions).toHaveLength(1);
  });

  it('updates the Action and deploys version 2 when a secret changes, and only the secret', async () => {
    expect((await deploy()).code).toBe(0);
    const twilioToken = secrets.TWILIO_AUTH_TOKEN as string;
    secrets = { ...secrets, TWILIO_AUTH_TOKEN: `${twilioToken}-rotated` };
    try {
      const result = await deploy();
      expect(result.stdout).toContain('action "mfa-sms": update (secrets)');
      expect(result.stdout).toContain('Deployed version 2.');
      expect(result.stdout).toContain('phone provider custom (text, voice): unchanged');
      expect(management.tenant.actions[0]?.secrets.find((s) => s.name === 'TWILIO_AUTH_TOKEN')?.value).toBe(
        `${twilioToken}-rotated`,
      );
      expectNoSecretIn(result.stdout);
    } finally {
      secrets = { ...secrets, TWILIO_AUTH_TOKEN: twilioToken };
    }
  });

  it('prints the plan and writes nothing with --dry-run, secrets hidden even with --verbose', async () => {
    const result = await deploy('--dry-run', '--verbose');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('action "mfa-sms": create');
    expect(result.stdout).toContain('phone provider custom (text, voice): create');
    expect(result.stdout).toContain('secrets: MFA_SMS_PROVIDERS, TWILIO_ACCOUNT_SID');
    expect(result.stdout).toContain('Dry run: nothing was changed.');
    expectNoSecretIn(result.stdout + result.stderr);
    expect(writes(management)).toEqual([]);
    expect(management.tenant.actions).toEqual([]);
  });

  it('shows build progress while Auth0 builds slowly, and gives up after the timeout with what to do', async () => {
    management.setBuildDelay(300);
    const slow = await deploy();
    expect(slow.code).toBe(0);
    expect(slow.stdout).toMatch(/build: pending \(/);
    expect(slow.stdout).toMatch(/build: built after 0\.\d s/);

    management.setBuildDelay(60_000);
    secrets = { ...secrets, MFA_SMS_DEFAULT_COUNTRY: 'GB' };
    try {
      const stuck = await deploy('--build-timeout-ms', '150');
      expect(stuck.code).toBe(1);
      expect(stuck.stderr).toContain('still pending after 0 s');
      expect(stuck.stderr).toContain('run the same command again');
      expect(management.tenant.versions).toHaveLength(1);

      management.setBuildDelay(20);
      const resumed = await deploy();
      expect(resumed.stdout).toContain('action "mfa-sms": unchanged');
      expect(resumed.stdout).toContain('Deployed version 2.');
    } finally {
      delete secrets.MFA_SMS_DEFAULT_COUNTRY;
    }
  });

  it('deploys the previous version with --rollback, and the draft again on the next deploy', async () => {
    expect((await deploy()).code).toBe(0);
    const first = management.tenant.versions[0]?.code;
    secrets = { ...secrets, MFA_SMS_DEFAULT_COUNTRY: 'GB' };
    try {
      expect((await deploy()).stdout).toContain('Deployed version 2.');
      const plan = await deploy('--rollback', '--dry-run');
      expect(plan.stdout).toContain('rollback: version 2 is live; deploy version 1 again');
      expect(management.tenant.versions).toHaveLength(2);
      const rollback = await deploy('--rollback');
      expect(rollback.code).toBe(0);
      expect(rollback.stdout).toContain("runs version 1's code again, deployed as version 3");
      const live = management.tenant.versions.find((version) => version.deployed);
      expect(live).toMatchObject({ number: 3, code: first });
      const redeploy = await deploy();
      expect(redeploy.stdout).toContain('Deployed version 4.');
    } finally {
      delete secrets.MFA_SMS_DEFAULT_COUNTRY;
    }
  });

  it('retries 429s after Retry-After and after x-ratelimit-reset', async () => {
    management.rateLimit({ times: 2 });
    const quick = await deploy();
    expect(quick.code).toBe(0);
    expect(quick.stdout.match(/rate limit was reached/g)).toHaveLength(2);
    expect(management.requests.filter((request) => request.status === 429)).toHaveLength(2);

    secrets = { ...secrets, MFA_SMS_DEFAULT_COUNTRY: 'GB' };
    try {
      management.rateLimit({ times: 1, resetMs: 1000, retryAfter: false });
      const started = Date.now();
      const waited = await deploy();
      expect(waited.code).toBe(0);
      expect(Date.now() - started).toBeGreaterThan(500);
      expect(waited.stdout).toContain('Deployed version 2.');
    } finally {
      delete secrets.MFA_SMS_DEFAULT_COUNTRY;
    }
  });

  it('names the missing scope to grant, and never the client secret', async () => {
    management.setScopes(managementScopes.filter((scope) => scope !== 'create:phone_providers'));
    const result = await deploy();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('lacks the scope create:phone_providers');
    expect(result.stderr).toContain('Permissions');
    expectNoSecretIn(result.stderr + result.stdout);
  });

  it('says which credential is refused or missing, without its value, before deploying anything', async () => {
    const wrong = await runCli([
      'deploy',
      '--env-file',
      writeEnvFile(management, secrets, { AUTH0_CLIENT_SECRET: 'not-the-secret-at-all' }),
      ...fast,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Auth0 refused AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET');
    expect(wrong.stderr).not.toContain('not-the-secret-at-all');
    const before = management.requests.length;

    const missing = await runCli([
      'deploy',
      '--env-file',
      writeEnvFile(management, secrets, { AUTH0_DOMAIN: '' }),
      ...fast,
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('AUTH0_DOMAIN is missing');

    const badSecret = await runCli([
      'deploy',
      '--env-file',
      writeEnvFile(management, { ...secrets, MFA_SMS_PROVIDERS: 'twilio,nobody' }),
      ...fast,
    ]);
    expect(badSecret.code).toBe(3);
    expect(badSecret.stderr).toContain('MFA_SMS_PROVIDERS');
    expect(management.requests).toHaveLength(before);
  });
});

describe('mfa-sms deploy, send-phone-message and your own code', () => {
  it('creates, deploys and binds the Action on a fresh tenant', async () => {
    const result = await deploy('--trigger', 'send-phone-message');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Done: "mfa-sms-send-phone-message" version 1 is live on send-phone-message.',
    );
    const [action] = management.tenant.actions;
    expect(action?.supported_triggers).toEqual([{ id: 'send-phone-message', version: 'v2' }]);
    expect(management.tenant.bindings['send-phone-message']).toMatchObject([{ action_id: action?.id }]);
    expect(management.tenant.phoneProviders).toEqual([]);
    const again = await deploy('--trigger', 'send-phone-message');
    expect(again.stdout).toContain('binding on send-phone-message: unchanged');
  });

  it('tells a tenant on the unified phone experience to use custom-phone-provider', async () => {
    await management.close();
    management = await startManagementSimulator({ buildDelayMs: 10, unifiedPhoneExperience: true });
    const result = await deploy('--trigger', 'send-phone-message');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('deprecated feature');
    expect(result.stderr).toContain('--trigger custom-phone-provider');
  });

  it('deploys your own code with the dependencies of the package.json beside it, and a code change', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'mfa-sms-own-'));
    const file = join(directory, 'action.js');
    writeFileSync(file, 'exports.onExecuteCustomPhoneProvider = async () => {};\n');
    writeFileSync(
      join(directory, 'package.json'),
      JSON.stringify({ dependencies: { '@mfa-sms/twilio': '^0.1.0' } }),
    );
    const first = await deploy('--code', file, '--dependency', 'zod@4.1.0', '--name', 'my-sms');
    expect(first.code).toBe(0);
    expect(management.tenant.actions[0]).toMatchObject({
      name: 'my-sms',
      dependencies: [
        { name: '@mfa-sms/twilio', version: '0.1.0' },
        { name: 'zod', version: '4.1.0' },
      ],
    });
    writeFileSync(file, 'exports.onExecuteCustomPhoneProvider = async (event) => { void event; };\n');
    const changed = await deploy('--code', file, '--dependency', 'zod@4.1.0', '--name', 'my-sms');
    expect(changed.stdout).toContain('action "my-sms": update (code)');
    expect(changed.stdout).toContain('Deployed version 2.');
    expect(management.tenant.versions.find((version) => version.deployed)?.code).toContain('void event');
  });
});

describe('mfa-sms deploy, usage', () => {
  // In-process: Node 20 itself rejects a missing --env-file given after the script's name.
  async function inProcess(args: string[]) {
    const lines: string[] = [];
    const code = await runCliInProcess(
      ['deploy', ...args],
      {},
      { out: (l) => lines.push(l), error: (l) => lines.push(l) },
    );
    return { code, text: lines.join('\n') };
  }

  it('refuses an env file that is not there, and a usage mistake, before any request', async () => {
    expect(await inProcess(['--env-file', join(tmpdir(), 'mfa-sms-no-such.env')])).toMatchObject({
      code: 3,
      text: expect.stringContaining('no such file'),
    });
    expect(await inProcess(['--trigger', 'post-login'])).toMatchObject({
      code: 2,
      text: expect.stringContaining('--trigger must be custom-phone-provider or send-phone-message'),
    });
    expect((await inProcess(['--dependency', 'zod@4.1.0'])).text).toContain('--dependency goes with --code');
    expect(management.requests).toEqual([]);
  });
});

describe('the deployed bundle', () => {
  it('carries nothing of the deploy tooling', () => {
    const bundle = readFileSync(new URL('../dist/action.cjs', import.meta.url), 'utf8');
    for (const trace of ['/oauth/token', '/api/v2/actions', 'phone_providers', 'client_credentials'])
      expect(bundle).not.toContain(trace);
  });
});
