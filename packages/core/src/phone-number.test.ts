import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMfaSmsError } from './errors.js';
import { isSmsCapableType, normalizePhoneNumber, phoneNumberInfo } from './phone-number.js';

function failure(input: string, options: Parameters<typeof normalizePhoneNumber>[1] = {}): Error {
  try {
    normalizePhoneNumber(input, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('normalizePhoneNumber', () => {
  it.each([
    ['+447911123456', undefined, '+447911123456', 'GG', 'mobile'],
    ['+44 7911 123456', undefined, '+447911123456', 'GG', 'mobile'],
    ['+44 (0)7911 123-456', undefined, '+447911123456', 'GG', 'mobile'],
    ['0044 7911 123456', 'US', '+447911123456', 'GG', 'mobile'],
    ['011 44 7911 123456', 'US', '+447911123456', 'GG', 'mobile'],
    ['00447911123456', undefined, '+447911123456', 'GG', 'mobile'],
    ['07911 123456', 'GB', '+447911123456', 'GG', 'mobile'],
    ['07911.123.456', 'gb', '+447911123456', 'GG', 'mobile'],
    ['1-415-555-2671', undefined, '+14155552671', 'US', 'fixed-line-or-mobile'],
    ['1-415-555-2671', 'US', '+14155552671', 'US', 'fixed-line-or-mobile'],
    ['(415) 555-2671', 'US', '+14155552671', 'US', 'fixed-line-or-mobile'],
    ['447911123456', undefined, '+447911123456', 'GG', 'mobile'],
    ['447911123456', 'US', '+447911123456', 'GG', 'mobile'],
    ['+49 170 1234567', undefined, '+491701234567', 'DE', 'mobile'],
    ['0170 1234567', 'DE', '+491701234567', 'DE', 'mobile'],
    ['+61 412 345 678', undefined, '+61412345678', 'AU', 'mobile'],
  ])('%j (default %s) → %s', (input, defaultCountry, e164, country, type) => {
    expect(normalizePhoneNumber(input, defaultCountry ? { defaultCountry } : {})).toEqual({
      e164,
      country,
      type,
    });
  });

  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['call me maybe', 'not part of a phone number'],
    ['+44 7911 123456 ext. 12', 'not part of a phone number'],
    ['+', 'has no digits'],
    ['+44 12', 'too short'],
    ['+44 7911 1234567890123', 'too long'],
    ['+44 0000 000000', 'not a valid number for country code +44'],
    ['+44 7700 900123', 'not a valid number'],
    ['07911 123456', 'no country code'],
    ['1'.repeat(65), 'too long'],
  ])('rejects %j: %s', (input, reason) => {
    const error = failure(input);
    expect(error).toMatchObject({ code: 'invalid_recipient', retryable: false });
    expect(error.message).toContain(reason);
    if (input.replace(/\D/g, '').length >= 8) expect(error.message).not.toContain(input.replace(/\D/g, ''));
  });

  it('refuses number types that are not allowed, naming the type', () => {
    const error = failure('+44 9090 123456', { allowedTypes: ['mobile'] });
    expect(error).toMatchObject({ code: 'invalid_recipient' });
    expect(error.message).toContain('premium-rate');
    expect(normalizePhoneNumber('+447911123456', { allowedTypes: ['mobile'] }).type).toBe('mobile');
  });

  it('rejects an unknown default country as invalid_config', () => {
    expect(failure('07911 123456', { defaultCountry: 'XX' })).toMatchObject({ code: 'invalid_config' });
    expect(failure('07911 123456', { defaultCountry: 'GBR' }).message).toContain('defaultCountry');
  });
});

describe('phoneNumberInfo', () => {
  it('tells country and type of an E.164 number, and nothing for garbage', () => {
    expect(phoneNumberInfo('+447400123456')).toMatchObject({ country: 'GB', type: 'mobile' });
    expect(phoneNumberInfo('+449090123456')).toMatchObject({ country: 'GB', type: 'premium-rate' });
    expect(phoneNumberInfo('nonsense')).toEqual({});
    expect(phoneNumberInfo('+447911123456')).toBe(phoneNumberInfo('+447911123456'));
  });

  it('knows which types can receive SMS', () => {
    expect(isSmsCapableType('mobile')).toBe(true);
    expect(isSmsCapableType('fixed-line-or-mobile')).toBe(true);
    expect(isSmsCapableType('fixed-line')).toBe(false);
    expect(isSmsCapableType('voip')).toBe(false);
    expect(isSmsCapableType(undefined)).toBe(false);
  });
});

describe('normalizePhoneNumber properties', () => {
  const e164 = /^\+[1-9]\d{6,14}$/;
  const phoneish = fc.stringMatching(/^[+0-9 ().-]{0,30}$/);
  const inputs = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    phoneish,
    fc.string({ maxLength: 200 }),
  );

  it('any input: an E.164 result that normalises to itself, or an MfaSmsError, in a few ms', () => {
    let slowest = 0;
    fc.assert(
      fc.property(inputs, fc.constantFrom(undefined, 'GB', 'US', 'DE'), (input, defaultCountry) => {
        const started = performance.now();
        try {
          const result = normalizePhoneNumber(input, defaultCountry ? { defaultCountry } : {});
          expect(result.e164).toMatch(e164);
          expect(normalizePhoneNumber(result.e164)).toEqual(result);
        } catch (error) {
          expect(isMfaSmsError(error)).toBe(true);
        }
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: 2000 },
    );
    expect(slowest).toBeLessThan(50);
  });

  it('stays fast on very long inputs', () => {
    const started = performance.now();
    for (const input of ['1'.repeat(100_000), '+'.repeat(100_000), `${'( '.repeat(50_000)}1`]) {
      expect(() => normalizePhoneNumber(input)).toThrow();
    }
    expect(performance.now() - started).toBeLessThan(50);
  });
});
