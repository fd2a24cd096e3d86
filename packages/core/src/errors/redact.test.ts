import { describe, expect, it } from 'vitest';
import {
  maskPhoneNumber,
  maskPhoneNumbers,
  redactSecrets,
  sensitiveValuesOf,
  summarizeBody,
} from './redact.js';

describe('maskPhoneNumber', () => {
  it.each([
    ['+447911123456', '+44******456'],
    ['+14155552671', '+14******671'],
    ['447911123456', '44******456'],
    ['+44 7911 123456', '+44******456'],
    ['1234567', '******'],
    ['', '******'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhoneNumber(input)).toBe(expected);
  });
});

describe('redactSecrets', () => {
  it('replaces secrets, their URL-encoded form, and phone-like numbers', () => {
    const text =
      'token ab/cd+ef== and ab%2Fcd%2Bef%3D%3D call +44 7911 123456 or 1-808-555-5555 or (415) 555-2671';
    expect(redactSecrets(text, ['ab/cd+ef==', undefined])).toBe(
      'token [redacted] and [redacted] call +44******456 or 18******555 or 41******671',
    );
  });

  it('leaves short secrets, error codes and HTTP statuses alone', () => {
    expect(redactSecrets('HTTP 400 (21614) status 3 abc', ['abc'])).toBe('HTTP 400 (21614) status 3 abc');
  });
});

describe('maskPhoneNumbers', () => {
  it.each([
    ['+44 - 7911 - 123456', '+44******456'],
    ['0170/1234567', '01******567'],
    ['(0170) 1234567', '01******567'],
    ['+44_7911_123456', '+44******456'],
    ['+44 (0) 7911 123456', '+44******456'],
    ['+49 170 / 123 45 67', '+49******567'],
    ['0044.7911.123.456', '00******456'],
  ])('masks %s wherever it is echoed', (number, masked) => {
    const text = `invalid "To": ${number}, try again`;
    expect(maskPhoneNumbers(text)).toBe(`invalid "To": ${masked}, try again`);
    expect(redactSecrets(text, [])).not.toMatch(/7911|123456|1234567|4567/);
  });

  it('leaves codes in brackets, short numbers and words alone', () => {
    for (const text of ['HTTP 400 (21614) status 3', 'status 1234567', 'id 12 34 56', 'page 1/2 of 3']) {
      expect(maskPhoneNumbers(text)).toBe(text);
    }
    // A number right after a code in brackets is still masked.
    expect(maskPhoneNumbers('HTTP 400 (21614) 07911 123456')).not.toContain('123456');
  });

  it('takes linear time on long runs of digits and separators', () => {
    for (const hostile of [
      '1 '.repeat(50_000),
      '1 (1 '.repeat(20_000),
      '(1) '.repeat(25_000),
      '1 - '.repeat(25_000),
    ]) {
      const started = performance.now();
      maskPhoneNumbers(`${hostile}x`);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});

describe('sensitiveValuesOf', () => {
  it('lists the recipient and the code in the forms providers and Auth0 write them', () => {
    expect(sensitiveValuesOf({ to: '+447911123456', code: '123456' })).toEqual([
      '+447911123456',
      '447911123456',
      '123456',
      '1.2.3.4.5.6',
      '1, 2, 3, 4, 5, 6',
      '1 2 3 4 5 6',
    ]);
    expect(sensitiveValuesOf({ to: '+447911123456' })).toEqual(['+447911123456', '447911123456']);
  });
});

describe('summarizeBody', () => {
  it('flattens markup and control characters and truncates', () => {
    expect(summarizeBody('<errors><error>Invalid\r\n recipient</error></errors>')).toBe('Invalid recipient');
    expect(summarizeBody('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('cuts a detail of clauses after a whole clause, never leaving a phrase dangling', () => {
    const detail = `authentication failed; see https://example.com/docs/20003; Twilio says: ${'Authenticate '.repeat(10)}`;
    expect(summarizeBody(detail, 80)).toBe('authentication failed; see https://example.com/docs/20003 …');
  });
});
