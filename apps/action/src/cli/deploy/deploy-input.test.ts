import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeployInput } from './deploy-input.js';
import { parseDeployArgs } from './deploy-options.js';

function deployFrom(lines: readonly string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'mfa-sms-deploy-input-')), '.env');
  writeFileSync(
    file,
    [
      'AUTH0_DOMAIN=http://127.0.0.1:9',
      'AUTH0_CLIENT_ID=client',
      'AUTH0_CLIENT_SECRET=client-secret-value',
      'MFA_SMS_PROVIDERS=twilio',
      'TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000',
      'TWILIO_AUTH_TOKEN=token-value-0123456789',
      'TWILIO_FROM=+15005550006',
      ...lines,
    ].join('\n'),
  );
  const options = parseDeployArgs(['--env-file', file]);
  if (options === 'help') throw new Error('unexpected');
  return () => readDeployInput(options, {});
}

describe('readDeployInput: secret names', () => {
  it('takes names of letters, digits and underscores up to 128 characters', () => {
    const input = deployFrom([`MFA_SMS_${'A'.repeat(120)}=1`])();
    expect(Object.keys(input.secrets)).toContain(`MFA_SMS_${'A'.repeat(120)}`);
  });

  it.each([
    [`MFA_SMS_${'A'.repeat(121)}=1`, /129 characters/],
    ['MFA_SMS_AUTH-TOKEN=x', /"MFA_SMS_AUTH-TOKEN"/],
    ['MFA_SMS_É=x', /letters, digits and underscores/],
  ])('refuses %s before any request', (line, reason) => {
    expect(deployFrom([line])).toThrow(
      expect.objectContaining({ code: 'invalid_config', message: expect.stringMatching(reason) }),
    );
  });

  it('never shows a name that may be a fragment of a value', () => {
    const fragment = `MFA_SMS_${'x/Y+z9'.repeat(12)}`;
    let message = '';
    try {
      deployFrom([`${fragment}==`])();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/letters, digits and underscores/);
    expect(message).not.toContain('x/Y+z9');
  });
});
