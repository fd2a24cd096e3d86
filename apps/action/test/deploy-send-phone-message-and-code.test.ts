import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startManagementSimulator } from '@mfa-sms/simulator';
import { describe, expect, it } from 'vitest';
import { runCli as runCliInProcess } from '../src/cli/cli.js';
import { deployFixture } from './deploy-helpers.js';

const t = deployFixture();
const { deploy } = t;

describe('mfa-sms deploy, send-phone-message and your own code', () => {
  it('creates, deploys and binds the Action on a fresh tenant', async () => {
    const result = await deploy('--trigger', 'send-phone-message');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Done: "mfa-sms-send-phone-message" version 1 is live on send-phone-message.',
    );
    const [action] = t.management.tenant.actions;
    expect(action?.supported_triggers).toEqual([{ id: 'send-phone-message', version: 'v2' }]);
    expect(t.management.tenant.bindings['send-phone-message']).toMatchObject([{ action_id: action?.id }]);
    expect(t.management.tenant.phoneProviders).toEqual([]);
    const again = await deploy('--trigger', 'send-phone-message');
    expect(again.stdout).toContain('binding on send-phone-message: unchanged');
  });

  it('tells a tenant on the unified phone experience to use custom-phone-provider', async () => {
    await t.management.close();
    t.management = await startManagementSimulator({ buildDelayMs: 10, unifiedPhoneExperience: true });
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
    expect(t.management.tenant.actions[0]).toMatchObject({
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
    expect(t.management.tenant.versions.find((version) => version.deployed)?.code).toContain('void event');
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
    expect((await inProcess(['--rollback', '--code', 'action.js'])).text).toContain(
      '--rollback deploys a version already in the tenant',
    );
    expect(t.management.requests).toEqual([]);
  });
});

describe('the deployed bundle', () => {
  it('carries nothing of the deploy tooling', () => {
    const bundle = readFileSync(new URL('../dist/action.cjs', import.meta.url), 'utf8');
    for (const trace of ['/oauth/token', '/api/v2/actions', 'phone_providers', 'client_credentials'])
      expect(bundle).not.toContain(trace);
  });
});
