import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes, runCli } from '../src/cli/cli.js';

async function cli(argv: string[], environment: Record<string, string> = {}) {
  const out: string[] = [];
  const error: string[] = [];
  const code = await runCli(argv, environment, {
    out: (line) => out.push(line),
    error: (line) => error.push(line),
  });
  return { code, out: out.join('\n'), error: error.join('\n') };
}

const emptyEnvFile = join(mkdtempSync(join(tmpdir(), 'mfa-sms-cli-')), 'empty.env');
writeFileSync(emptyEnvFile, '');
const noEnvFile = ['--env-file', emptyEnvFile];

describe('mfa-sms send', () => {
  it('sends through a simulator it starts itself, showing only a masked number', async () => {
    const result = await cli(['send', '--to', '+44 7400 123456', '--simulate', ...noEnvFile]);
    expect(result).toMatchObject({ code: exitCodes.sent, error: '' });
    expect(result.out).toContain('sent sms to +44******456 (simulator)');
    expect(result.out).not.toContain('7400123456');
  });

  it('calls by voice through the chosen provider', async () => {
    const result = await cli([
      'send',
      '--to',
      '+44 7400 123456',
      '--voice',
      '--provider',
      'vonage',
      '--simulate',
      ...noEnvFile,
    ]);
    expect(result.code).toBe(exitCodes.sent);
    expect(result.out).toMatch(/provider=vonage/);
  });

  it('sends nothing in a dry run', async () => {
    const result = await cli(['send', '--to', '+44 7400 123456', '--dry-run', '--simulate', ...noEnvFile]);
    expect(result.code).toBe(exitCodes.sent);
    expect(result.out).toContain('dry run: nothing sent to +44******456');
  });

  it('reads secrets from an env file and reports a configuration error by name, with exit code 3', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mfa-sms-cli-')), '.env');
    writeFileSync(
      file,
      'MFA_SMS_PROVIDERS=twilio\nexport TWILIO_ACCOUNT_SID="ACnot-a-sid-secret"\n# comment\n',
    );
    const result = await cli(['send', '--to', '+44 7400 123456', '--env-file', file]);
    expect(result.code).toBe(exitCodes.config);
    expect(result.error).toContain('TWILIO_ACCOUNT_SID');
    expect(result.error).not.toContain('ACnot-a-sid-secret');
  });

  it('exits 1 when the send fails and 2 on a usage error', async () => {
    const failed = await cli(['send', '--to', '+12', '--simulate', ...noEnvFile]);
    expect(failed.code).toBe(exitCodes.failed);
    expect(failed.error).toContain('invalid_recipient');
    expect((await cli(['send', ...noEnvFile])).code).toBe(exitCodes.usage);
    expect((await cli(['call', '--to', '+447400123456'])).code).toBe(exitCodes.usage);
    expect((await cli(['send', '--to', '+447400123456', '--unknown'])).code).toBe(exitCodes.usage);
  });
});
