import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployFixture, runCli } from './deploy-helpers.js';

const t = deployFixture();

describe('mfa-sms deploy and a private key over several quoted lines', () => {
  it('reads it as one secret and prints none of it, even with --dry-run --verbose', async () => {
    const { vonage } = t.providers.credentials;
    const keyLines = vonage.privateKey.trim().split('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'mfa-sms-deploy-env-')), '.env');
    writeFileSync(
      file,
      [
        `AUTH0_DOMAIN=${t.management.url}`,
        `AUTH0_CLIENT_ID=${t.management.clientId}`,
        `AUTH0_CLIENT_SECRET=${t.management.clientSecret}`,
        'MFA_SMS_PROVIDERS=vonage',
        `VONAGE_API_KEY=${vonage.apiKey}`,
        `VONAGE_API_SECRET=${vonage.apiSecret}`,
        'VONAGE_FROM_NUMBER=447700900000',
        `VONAGE_APPLICATION_ID=${vonage.applicationId}`,
        // As a key is pasted from the file Vonage gives: quoted, over many lines, CRLF.
        `VONAGE_PRIVATE_KEY="${keyLines.join('\r\n')}"`,
        `VONAGE_BASE_URL=${t.providers.url}`,
      ].join('\r\n'),
    );
    const result = await runCli(['deploy', '--env-file', file, ...t.fast, '--dry-run', '--verbose']);
    const shown = result.stdout + result.stderr;
    expect(result.code, shown).toBe(0);
    expect(result.stdout).toContain(
      'secrets: MFA_SMS_PROVIDERS, VONAGE_API_KEY, VONAGE_API_SECRET, VONAGE_APPLICATION_ID, VONAGE_BASE_URL, VONAGE_FROM_NUMBER, VONAGE_PRIVATE_KEY',
    );
    // Voice is offered: the key was read whole and is a valid key.
    expect(result.stdout).toContain('(text, voice)');
    for (const line of keyLines.filter((line) => !line.startsWith('-----')))
      expect(shown).not.toContain(line);
    for (const value of [vonage.apiSecret, t.management.clientSecret]) expect(shown).not.toContain(value);
  });
});
