import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { errorCodes, isMfaSmsError, isRetryableCode, MfaSmsError, type MfaSmsErrorCode } from './errors.js';

describe('MfaSmsError', () => {
  it('carries the contract fields and defaults retryable from the code', () => {
    const error = new MfaSmsError({
      code: 'rate_limited',
      message: 'slow down',
      provider: 'twilio',
      status: 429,
      providerCode: '20429',
      retryAfterMs: 2000,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'MfaSmsError',
      code: 'rate_limited',
      retryable: true,
      provider: 'twilio',
      status: 429,
      providerCode: '20429',
      retryAfterMs: 2000,
    });
    expect(new MfaSmsError({ code: 'rate_limited', message: 'x', retryable: false }).retryable).toBe(false);
  });

  it("has a closed list of codes, each in the README's table with its retryable default", () => {
    // The README's table is the published contract: a code renamed, added or made retryable here
    // without it fails, and so does the table drifting from the code.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z_]+)` +\| (yes|no) +\|/gm)];
    expect(rows.map(([, code]) => code)).toEqual([...errorCodes]);
    for (const [, code, retryable] of rows)
      expect(isRetryableCode(code as MfaSmsErrorCode), code).toBe(retryable === 'yes');
  });

  it('is recognised across copies of core through a Symbol.for brand', () => {
    const error = new MfaSmsError({ code: 'network', message: 'x' });
    expect(isMfaSmsError(error)).toBe(true);
    // What a second installed copy's error looks like to this copy: same brand, another class.
    const foreign = Object.assign(new Error('other copy'), { [Symbol.for('mfa-sms.error')]: true });
    expect(isMfaSmsError(foreign)).toBe(true);
    expect(foreign instanceof MfaSmsError).toBe(false);
    for (const value of [new Error('x'), null, undefined, 'x', { code: 'network' }])
      expect(isMfaSmsError(value)).toBe(false);
  });

  it('serialises to JSON without its cause', () => {
    const error = new MfaSmsError({ code: 'network', message: 'down', cause: new Error('inner') });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: 'MfaSmsError', code: 'network', message: 'down', retryable: true });
    expect(json.cause).toBeUndefined();
    expect(inspect(error)).toContain('inner');
  });
});
