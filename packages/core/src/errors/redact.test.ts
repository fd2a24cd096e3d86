import { describe, expect, it } from 'vitest';
import { maskPhoneNumber, redactSecrets, sensitiveValuesOf, summarizeBody } from './redact.js';

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
