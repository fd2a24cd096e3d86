import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import { runNode } from './run-node.js';

// Issue 31, "the first hour": each friction replayed as a user met it, the CLI as a child process.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const action = fileURLToPath(new URL('../', import.meta.url));
const cli = join(action, 'dist/cli.cjs');
const version = (JSON.parse(readFileSync(join(action, 'package.json'), 'utf8')) as { version: string })
  .version;

function folder(env?: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'mfa-sms-first-hour-'));
  if (env !== undefined) writeFileSync(join(directory, '.env'), env);
  return directory;
}

// The environment of a user's shell, without any secret of this machine's.
const cleanEnv = { PATH: process.env.PATH, HOME: process.env.HOME } as NodeJS.ProcessEnv;

async function mfaSms(args: string[], cwd = folder(), env: Record<string, string> = {}) {
  const result = await runNode([cli, ...args], { cwd, env: { ...cleanEnv, ...env } });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

let simulator: Simulator;
let twilioEnv: string;
beforeAll(async () => {
  simulator = await startSimulator();
  const { twilio } = simulator.credentials;
  twilioEnv = `MFA_SMS_PROVIDERS=twilio\nTWILIO_ACCOUNT_SID=${twilio.accountSid}\nTWILIO_AUTH_TOKEN=${twilio.authToken}\nTWILIO_FROM=+14155550100\nTWILIO_BASE_URL=${simulator.url}\n`;
});
afterAll(() => simulator.close());

describe('1. the CLI from anywhere, and which .env it read', () => {
  it('runs as `npx mfa-sms` at the repository root', async () => {
    const { stdout } = await promisify(execFile)('npx', ['mfa-sms', '--version'], { cwd: root });
    expect(stdout.trim()).toBe(version);
  });

  it('says it read ./.env, or where it found none, and requires a file --env-file names', async () => {
    const read = await mfaSms(['send', '--to', '+447400123456'], folder(twilioEnv));
    expect(read.stdout).toContain('mfa-sms send: read ./.env');
    expect(read.stdout).toContain('sent sms to +44******456');
    const empty = folder();
    const none = await mfaSms(['send', '--to', '+447400123456'], empty);
    expect(none.stdout).toContain(`no .env found in ${empty}`);
    expect(none.stderr).toContain('MFA_SMS_PROVIDERS');
    // In-process: Node 20 itself reads `--env-file` anywhere in a command line and exits 9 on a
    // missing file before the CLI runs (the Action README's Troubleshooting says so).
    const errors: string[] = [];
    const missing = await runCli(
      ['send', '--to', '+447400123456', '--env-file', join(empty, 'nope.env')],
      {},
      {
        out: () => undefined,
        error: (line) => errors.push(line),
      },
    );
    expect(missing).toBe(3);
    expect(errors.join('\n')).toContain('nope.env: no such file');
  });
});

describe('2. .env.example', () => {
  it('is what `mfa-sms env-example` writes from the plugins, and holds every secret of every provider', async () => {
    const file = readFileSync(join(action, '.env.example'), 'utf8');
    // The quickstart's provider active, every other of ours commented out.
    expect((await mfaSms(['env-example', '--providers', 'twilio', '--all'])).stdout).toBe(file);
    const dependencies = JSON.parse(readFileSync(join(action, 'dist/dependencies.json'), 'utf8')) as object;
    const load = createRequire(join(action, 'package.json'));
    const providers = Object.keys(dependencies).filter(
      (name) => name.startsWith('@mfa-sms/') && name !== '@mfa-sms/core',
    );
    expect(providers.length).toBeGreaterThanOrEqual(4);
    for (const name of providers) {
      const { plugin } = load(name) as { plugin: { secrets: Record<string, string[] | undefined> } };
      for (const secret of Object.values(plugin.secrets).flat())
        expect(file, `${name}: ${secret}`).toMatch(new RegExp(`\\b${secret}\\b`));
    }
    // Only the first provider is active: a Twilio user is asked for nothing else.
    expect(file).toMatch(/^MFA_SMS_PROVIDERS=twilio$/m);
    expect(file).not.toMatch(/^VONAGE_/m);
  });

  it('filled in for Twilio only, sends without asking for another provider', async () => {
    const { twilio } = simulator.credentials;
    const filled = readFileSync(join(action, '.env.example'), 'utf8')
      .replace(/^TWILIO_ACCOUNT_SID=$/m, `TWILIO_ACCOUNT_SID=${twilio.accountSid}`)
      .replace(/^TWILIO_AUTH_TOKEN=$/m, `TWILIO_AUTH_TOKEN=${twilio.authToken}`)
      .replace(/^TWILIO_FROM=$/m, 'TWILIO_FROM=+14155550100')
      .replace(/^TWILIO_BASE_URL=$/m, `TWILIO_BASE_URL=${simulator.url}`);
    const result = await mfaSms(['send', '--to', '+447400123456'], folder(filled));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toContain('VONAGE');
  });
});

describe('3-4. no silent guesses, a dry run that shows the message', () => {
  it('refuses a national number without MFA_SMS_DEFAULT_COUNTRY, naming it', async () => {
    const refused = await mfaSms(['send', '--to', '07400 123456', '--simulate']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('set MFA_SMS_DEFAULT_COUNTRY');
    expect(refused.stdout).not.toContain('sent');
    const placed = await mfaSms(
      ['send', '--to', '07400 123456', '--simulate'],
      folder('MFA_SMS_DEFAULT_COUNTRY=GB\n'),
    );
    expect(placed.code).toBe(0);
    expect(placed.stdout).toContain('sent sms to +44******456 (simulator)');
  });

  it('shows text, senders, provider order and segments in a dry run, never the code', async () => {
    const before = simulator.messages.length;
    const dry = await mfaSms(['send', '--to', '+447400123456', '--dry-run'], folder(twilioEnv));
    expect(simulator.messages).toHaveLength(before);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run: nothing sent to +44******456 (sms)');
    expect(dry.stdout).toContain('providers: twilio (the order they would be tried in)');
    expect(dry.stdout).toContain('sender:    twilio: +14155550100 (TWILIO_FROM)');
    expect(dry.stdout).toMatch(/text: {6}"•{6} is your verification code for Acme/);
    expect(dry.stdout).toMatch(/segments: {2}1 \(GSM-7, \d+ septets\)/);
    const json = await mfaSms(['send', '--to', '+447400123456', '--dry-run', '--json'], folder(twilioEnv));
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      dryRun: true,
      providers: ['twilio'],
      segments: { segments: 1 },
    });
  });

  it('prints one JSON object for send --json', async () => {
    const sent = await mfaSms(['send', '--to', '+447400123456', '--json'], folder(twilioEnv));
    expect(JSON.parse(sent.stdout)).toMatchObject({
      command: 'send',
      ok: true,
      provider: 'twilio',
      to: '+44******456',
    });
    const failed = await mfaSms(['send', '--to', '+12', '--json'], folder(twilioEnv));
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_recipient' } });
  });
});

describe('5. messages that say what to do', () => {
  it('suggests the secret a near-miss name meant, and names secrets rather than options', async () => {
    const sid = await mfaSms(
      ['send', '--to', '+447400123456'],
      folder(twilioEnv.replace('TWILIO_ACCOUNT_SID=', 'TWILIO_SID=')),
    );
    expect(sid.code).toBe(3);
    expect(sid.stderr).toContain('Secret TWILIO_ACCOUNT_SID is missing');
    expect(sid.stderr).toContain('TWILIO_SID is set: did you mean TWILIO_ACCOUNT_SID?');
    const token = await mfaSms(
      ['send', '--to', '+447400123456'],
      folder(twilioEnv.replace('TWILIO_AUTH_TOKEN=', 'TWILIO_TOKEN=')),
    );
    expect(token.stderr).toContain('Secret TWILIO_AUTH_TOKEN is missing');
    expect(token.stderr).toContain('TWILIO_TOKEN is set: did you mean TWILIO_AUTH_TOKEN?');
    expect(token.stderr).not.toMatch(/authToken|apiKeySid/);
  });

  it('ends an auth failure on a whole clause, never a dangling "Twilio says:"', async () => {
    const wrong = twilioEnv.replace(/TWILIO_AUTH_TOKEN=.*/, `TWILIO_AUTH_TOKEN=${'w'.repeat(32)}`);
    const failed = await mfaSms(['send', '--to', '+447400123456'], folder(wrong));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('auth_failed');
    expect(failed.stderr).not.toMatch(/says:\s*\S{0,12}…/);
    expect(failed.stderr).not.toMatch(/:\s*$/);
  });

  it('logs channel=sms, never channel=text, when the custom phone provider fails before a message exists', async () => {
    const result = await mfaSms(
      ['run', '--code', join(action, 'dist/action.cjs'), '--json'],
      folder('MFA_SMS_DEADLINE_MS=5\n'),
    );
    const report = JSON.parse(result.stdout) as { log: string[]; ok: boolean };
    expect(report.ok).toBe(false);
    expect(report.log.join('\n')).toMatch(/mfa-sms failed channel=sms code=invalid_config/);
    expect(report.log.join('\n')).not.toContain('channel=text');
  });

  it("prints the version, and on a usage error only that command's usage", async () => {
    expect(await mfaSms(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const usage = await mfaSms(['send', '--to', '+447400123456', '--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: mfa-sms send');
    expect(usage.stderr).not.toContain('mfa-sms deploy');
    expect(usage.stderr.split('\n').length).toBeLessThan(25);
    const verbose = await mfaSms(['send', '--to', '+447400123456', '--simulate', '--verbose']);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toContain('(values never printed)');
  });
});

describe('6. deploy rehearsed locally', () => {
  it('`mfa-sms simulator --management` prints .env lines that `deploy` takes as they are', async () => {
    const child = spawn(process.execPath, [cli, 'simulator', '--management'], { env: cleanEnv });
    try {
      const lines = await new Promise<string>((resolve, reject) => {
        let printed = '';
        child.stdout.on('data', (chunk: Buffer) => {
          printed += chunk;
          if (printed.includes('# Ready: ')) resolve(printed);
        });
        child.on('exit', () => reject(new Error(`simulator exited: ${printed}`)));
      });
      expect(lines).toMatch(/^AUTH0_DOMAIN=http:\/\/127\.0\.0\.1:\d+$/m);
      expect(lines).toMatch(/^TWILIO_ACCOUNT_SID=AC\w+$/m);
      const deployed = await mfaSms(['deploy', '--poll-ms', '10', '--json'], folder(lines));
      const report = JSON.parse(deployed.stdout) as { ok: boolean; lines: string[] };
      expect(report.ok).toBe(true);
      expect(report.lines.join('\n')).toContain('warning: ');
      expect(report.lines.at(-1)).toMatch(/^Done: "mfa-sms" version 1 is live/);
    } finally {
      child.kill('SIGINT');
    }
  }, 60_000);

  it('says "did you mean" for a near-miss secret name before any request, and uploads no such name', async () => {
    const env = `AUTH0_DOMAIN=example.eu.auth0.com\nAUTH0_CLIENT_ID=id\nAUTH0_CLIENT_SECRET=client-secret-0000\n${twilioEnv
      .replace('TWILIO_ACCOUNT_SID=', 'TWILIO_SID=')
      .replace(/TWILIO_BASE_URL=.*\n/, '')}`;
    const refused = await mfaSms(['deploy'], folder(env));
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('TWILIO_SID is set: did you mean TWILIO_ACCOUNT_SID?');
  });

  it('refuses to send a loopback *_BASE_URL to a real tenant without --allow-local, before any request', async () => {
    const env = `AUTH0_DOMAIN=example.eu.auth0.com\nAUTH0_CLIENT_ID=id\nAUTH0_CLIENT_SECRET=client-secret-0000\n${twilioEnv}`;
    const refused = await mfaSms(['deploy'], folder(env));
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('TWILIO_BASE_URL (127.0.0.1)');
    expect(refused.stderr).toContain('--allow-local');
  });
});
