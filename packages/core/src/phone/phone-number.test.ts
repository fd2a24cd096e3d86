import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMfaSmsError, type MfaSmsError } from '../errors/errors.js';
import { thrown } from '../errors/errors.test-helper.js';
import { expectNoSuperLinearWork } from '../text/timing.test-helper.js';
import { normalizePhoneNumber, phoneNumberInfo } from './phone-number.js';
import { isSmsCapableType, type NormalizeOptions, phoneNumberTypes } from './phone-number-types.js';

function failure(input: unknown, options: NormalizeOptions = {}): MfaSmsError {
  return thrown(() => normalizePhoneNumber(input as string, options));
}

describe('normalizePhoneNumber: accepted forms', () => {
  it.each([
    // input, default country, e164, country, type
    ['+447400123456', undefined, '+447400123456', 'GB', 'mobile'],
    ['+44 7400 123456', undefined, '+447400123456', 'GB', 'mobile'],
    ['+44 (0)7400 123-456', undefined, '+447400123456', 'GB', 'mobile'],
    ['(+44) 20 7946 0000', 'US', '+442079460000', 'GB', 'fixed-line'],
    ['+44.7400.123.456', undefined, '+447400123456', 'GB', 'mobile'],
    ['  +44 7400 123456  ', undefined, '+447400123456', 'GB', 'mobile'],
    ['+44\u00a07400\u2013123456', undefined, '+447400123456', 'GB', 'mobile'],
    ['07400 123456', 'GB', '+447400123456', 'GB', 'mobile'],
    ['07400/123456', 'gb', '+447400123456', 'GB', 'mobile'],
    ['0044 7911 123456', 'US', '+447911123456', 'GG', 'mobile'],
    ['011 44 7911 123456', 'US', '+447911123456', 'GG', 'mobile'],
    ['011 44 7911 123456', 'GB', '+447911123456', 'GG', 'mobile'],
    ['00447911123456', undefined, '+447911123456', 'GG', 'mobile'],
    ['0011 44 7400 123456', 'AU', '+447400123456', 'GB', 'mobile'],
    ['010 44 7400 123456', 'JP', '+447400123456', 'GB', 'mobile'],
    ['1-808-555-5555', undefined, '+18085555555', 'US', 'fixed-line-or-mobile'],
    ['1-808-555-5555', 'US', '+18085555555', 'US', 'fixed-line-or-mobile'],
    ['1-415-555-2671', 'GB', '+14155552671', 'US', 'fixed-line-or-mobile'],
    ['(415) 555-2671', 'US', '+14155552671', 'US', 'fixed-line-or-mobile'],
    ['415.555.2671', ' us ', '+14155552671', 'US', 'fixed-line-or-mobile'],
    ['447400123456', undefined, '+447400123456', 'GB', 'mobile'],
    ['447400123456', 'US', '+447400123456', 'GB', 'mobile'],
    ['+49 170 1234567', undefined, '+491701234567', 'DE', 'mobile'],
    ['0170 1234567', 'DE', '+491701234567', 'DE', 'mobile'],
    ['+61 412 345 678', undefined, '+61412345678', 'AU', 'mobile'],
    ['06 12 34 56 78', 'FR', '+33612345678', 'FR', 'mobile'],
    ['011 15 2345 6789', 'AR', '+5491123456789', 'AR', 'mobile'],
  ])('%j (default country %s) is %s', (input, defaultCountry, e164, country, type) => {
    const options = defaultCountry === undefined ? {} : { defaultCountry };
    expect(normalizePhoneNumber(input, options)).toEqual({ e164, country, type });
  });

  it('reads 011 as a national number first where it is not the international prefix', () => {
    // Delhi's area code is 011; read internationally, "011 4312 3456" would be Vienna (+43 1 23456).
    expect(normalizePhoneNumber('011 4312 3456', { defaultCountry: 'IN' })).toEqual({
      e164: '+911143123456',
      country: 'IN',
      type: 'fixed-line',
    });
    expect(normalizePhoneNumber('0118 496 0123', { defaultCountry: 'GB' }).e164).toBe('+441184960123');
    // In North America 011 is the international prefix, so it is read as one.
    expect(normalizePhoneNumber('011 43 1 23456', { defaultCountry: 'US' }).e164).toBe('+43123456');
  });

  it('tells the type of each kind of line', () => {
    const typeOf = (input: string) => normalizePhoneNumber(input).type;
    expect(typeOf('+442079460000')).toBe('fixed-line');
    expect(typeOf('+449090123456')).toBe('premium-rate');
    expect(typeOf('+19005551234')).toBe('premium-rate');
    expect(typeOf('+18005551234')).toBe('toll-free');
    expect(typeOf('+33810123456')).toBe('shared-cost');
    expect(typeOf('+445612345678')).toBe('voip');
    expect(typeOf('+447012345678')).toBe('personal-number');
    expect(typeOf('+447640123456')).toBe('pager');
    expect(typeOf('+445512345678')).toBe('uan');
  });

  it('leaves the country out of non-geographic numbers', () => {
    expect(normalizePhoneNumber('+800 1234 5678')).toEqual({ e164: '+80012345678', type: 'toll-free' });
  });

  it('returns a frozen result, the same for the same number however it is written', () => {
    const first = normalizePhoneNumber('+44 7400 123456');
    expect(Object.isFrozen(first)).toBe(true);
    expect(normalizePhoneNumber('07400123456', { defaultCountry: 'GB' })).toEqual(first);
  });

  it('collapses every way of writing one number to one E.164', () => {
    const formats = [
      '+447400123456',
      '+44 7400 123456',
      '+44 (0)7400 123456',
      '+44-7400-123-456',
      '+44.7400.123.456',
      '(+44) 7400 123456',
      '0044 7400 123456',
      '07400 123456',
      '07400-123-456',
      ' \t+44 7400 123456 ',
    ];
    const e164s = new Set(formats.map((input) => normalizePhoneNumber(input, { defaultCountry: 'GB' }).e164));
    expect([...e164s]).toEqual(['+447400123456']);
  });
});

describe('normalizePhoneNumber: refusals', () => {
  it.each([
    ['', undefined, 'is empty'],
    [' \t ', undefined, 'is empty'],
    ['call me maybe', undefined, 'contains letters'],
    ['+44 7911 123456 ext. 12', undefined, 'contains letters'],
    ['+44 7911 123456 #12', undefined, 'characters that are not part of a phone number'],
    ['+44 7911 123456;', undefined, 'characters that are not part of a phone number'],
    ['٠٧٩١١١٢٣٤٥٦', undefined, 'characters that are not part of a phone number'],
    // Full-width digits: libphonenumber would read them as digits; we refuse them, as Arabic-Indic.
    ['＋４４７９１１１２３４５６', undefined, 'characters that are not part of a phone number'],
    ['+44 ７９１１ １２３４５６', undefined, 'characters that are not part of a phone number'],
    ['۰۷۹۱۱۱۲۳۴۵۶', 'GB', 'characters that are not part of a phone number'],
    ['44+7911123456', undefined, 'a + that is not at its start'],
    ['+ +447911123456', undefined, 'a + that is not at its start'],
    ['(44) +7911123456', undefined, 'a + that is not at its start'],
    ['+', undefined, 'has no digits'],
    ['( ) - .', undefined, 'has no digits'],
    ['+44 12', undefined, 'too short'],
    ['+44 7911 1234567890123', undefined, 'too long'],
    ['1'.repeat(65), undefined, 'over 64 characters'],
    ['+49 900 12345678', undefined, 'not a valid number in DE'],
    ['+44 7700 900123', undefined, 'not a valid number for country code +44'],
    ['+999 123 456 789', undefined, 'unknown country calling code'],
    ['00 999 123 456 789', 'GB', 'international prefix 00 and then an unknown country calling code'],
    ['07911 123456', undefined, 'set the defaultCountry option'],
    ['4155552671', undefined, 'first digits are read as the country code'],
    ['07911 12', 'GB', 'not a valid number in GB'],
    ['0 1', 'GB', 'too short'],
    // Valid for libphonenumber (a pager), but shorter than the 7 digits of any E.164 we send to.
    ['1640', 'DE', 'too short'],
  ])('refuses %j (default country %s): %s', (input, defaultCountry, reason) => {
    const error = failure(input, defaultCountry === undefined ? {} : { defaultCountry });
    expect(error).toMatchObject({ code: 'invalid_recipient', retryable: false });
    expect(error.message).toContain(reason);
  });

  it('never puts the whole number in its message', () => {
    for (const input of [
      '+44 7700 900123',
      '+49 900 12345678',
      '+999 123 456 789',
      '4155552671',
      '+44 7911 123456 ext. 12',
      '44+7911123456',
      '+44 7911 1234567890123',
    ]) {
      const message = failure(input).message;
      expect(message).not.toContain(input.replace(/\D/g, ''));
      expect(message).not.toContain(input);
    }
    expect(failure(`+44${'7'.repeat(70)}`).message).not.toMatch(/\d{8}/);
  });

  it('refuses a string that is not one', () => {
    expect(failure(undefined)).toMatchObject({ code: 'invalid_recipient' });
    expect(failure(null).message).toContain('not null');
    expect(failure(447911123456).message).toContain('not number');
    expect(normalizePhoneNumber('+447400123456', null as never).e164).toBe('+447400123456');
  });

  it('refuses number types that are not allowed, naming the type', () => {
    const error = failure('+44 9090 123456', { allowedTypes: ['mobile', 'fixed-line-or-mobile'] });
    expect(error).toMatchObject({ code: 'invalid_recipient' });
    expect(error.message).toContain('is a premium-rate number');
    expect(error.message).toContain('allowed: mobile, fixed-line-or-mobile');
    expect(failure('+1 800 555 1234', { allowedTypes: ['mobile'] }).message).toContain('toll-free');
    expect(normalizePhoneNumber('+447400123456', { allowedTypes: ['mobile'] }).type).toBe('mobile');
    expect(normalizePhoneNumber('+442079460000', { allowedTypes: ['fixed-line'] }).type).toBe('fixed-line');
  });

  it.each([['XX'], ['UK'], ['GBR'], [''], [44]])(
    'refuses the default country %j as invalid_config naming the option',
    (defaultCountry) => {
      const error = failure('+447400123456', { defaultCountry: defaultCountry as string });
      expect(error).toMatchObject({ code: 'invalid_config', retryable: false });
      expect(error.message).toContain('"defaultCountry"');
    },
  );

  it('refuses unknown allowed types as invalid_config naming the entry', () => {
    const error = failure('+447400123456', { allowedTypes: ['mobile', 'cellular' as never] });
    expect(error).toMatchObject({ code: 'invalid_config' });
    expect(error.message).toContain('"allowedTypes[1]"');
    expect(failure('+447400123456', { allowedTypes: 'mobile' as never }).message).toContain('"allowedTypes"');
  });
});

describe('phoneNumberInfo', () => {
  it('tells country and type of a +E.164 number', () => {
    expect(phoneNumberInfo('+447400123456')).toEqual({
      e164: '+447400123456',
      country: 'GB',
      type: 'mobile',
    });
    expect(phoneNumberInfo('+449090123456')).toMatchObject({ country: 'GB', type: 'premium-rate' });
    expect(phoneNumberInfo('+14155552671')).toMatchObject({ country: 'US', type: 'fixed-line-or-mobile' });
    expect(phoneNumberInfo('+80012345678')).toEqual({ e164: '+80012345678', type: 'toll-free' });
  });

  it('has no type for a number libphonenumber does not consider valid', () => {
    expect(phoneNumberInfo('+4990012345678')).toEqual({ e164: '+4990012345678', country: 'DE' });
    expect(phoneNumberInfo('+447700900123').type).toBeUndefined();
  });

  it('tells nothing about what is not +E.164, and never throws', () => {
    for (const value of ['nonsense', '', '+', '+0123456', '+44 7400 123456', '447400123456', '+9991234567']) {
      expect(phoneNumberInfo(value)).toEqual({});
    }
    expect(phoneNumberInfo(undefined as never)).toEqual({});
    expect(phoneNumberInfo(`+${'1'.repeat(16)}`)).toEqual({});
  });

  it('gives plain, frozen data: the type is worked out with the validation, not on read', () => {
    const result = normalizePhoneNumber('+33 6 12 34 56 78');
    expect(Object.getOwnPropertyDescriptor(result, 'type')).toMatchObject({
      value: 'mobile',
      enumerable: true,
    });
    expect(Object.keys(result)).toEqual(['e164', 'country', 'type']);
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      e164: '+33612345678',
      country: 'FR',
      type: 'mobile',
    });
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.getOwnPropertySymbols(result)).toEqual([]);
  });

  it('agrees with normalizing, which the steps of a send read instead (phone/message-number.ts)', () => {
    const normalized = normalizePhoneNumber('+49 170 7654321');
    expect(phoneNumberInfo('+491707654321')).toEqual(normalized);
  });
});

describe('isSmsCapableType', () => {
  it('is true for mobile lines only', () => {
    const capable = phoneNumberTypes.filter((type) => isSmsCapableType(type));
    expect(capable).toEqual(['mobile', 'fixed-line-or-mobile']);
    expect(isSmsCapableType(undefined)).toBe(false);
  });
});

describe('normalizePhoneNumber: properties', () => {
  const e164 = /^\+[1-9]\d{6,14}$/;
  const defaultCountries = fc.constantFrom(undefined, 'GB', 'US', 'DE', 'IN', 'AR', 'AU', 'fr');
  const separator = fc.constantFrom(' ', '-', '.', '(', ')', '/', '\u00a0', '\u2013');
  const digitHeavy = fc
    .tuple(
      fc.constantFrom('', '+', '00', '011', '0', '1', '+1', '+44', '+49', '0044'),
      fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }).map(String) }, separator), {
        maxLength: 20,
      }),
    )
    .map(([prefix, parts]) => prefix + parts.join(''));
  const anything = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    digitHeavy,
    fc.stringMatching(/^\+?[0-9 ().-]{0,30}$/),
  );
  const long = fc.oneof(
    fc.string({ unit: 'binary', minLength: 65, maxLength: 5000 }),
    fc.string({ unit: fc.constantFrom('1', '2', '+', ' ', '0'), minLength: 65, maxLength: 20_000 }),
  );

  /** Calls `normalizePhoneNumber`, checks the invariants, and returns how long it took. */
  function checked(input: string, defaultCountry: string | undefined): number {
    const options = defaultCountry === undefined ? {} : { defaultCountry };
    const started = performance.now();
    let result: ReturnType<typeof normalizePhoneNumber> | undefined;
    try {
      result = normalizePhoneNumber(input, options);
    } catch (error) {
      const elapsed = performance.now() - started;
      if (!isMfaSmsError(error)) throw error;
      expect(error.code).toBe('invalid_recipient');
      const digits = input.replace(/\D/g, '');
      if (digits.length >= 8) expect(error.message).not.toContain(digits);
      return elapsed;
    }
    const elapsed = performance.now() - started;
    expect(result.e164).toMatch(e164);
    if (result.type !== undefined) expect(phoneNumberTypes).toContain(result.type);
    expect(normalizePhoneNumber(result.e164)).toEqual(result);
    expect(normalizePhoneNumber(result.e164, options)).toEqual(result);
    expect(phoneNumberInfo(result.e164)).toEqual(result);
    return elapsed;
  }

  it('any input: an E.164 result that normalizes to itself, or an MfaSmsError, in a few ms', () => {
    normalizePhoneNumber('+447400123456');
    let slowest = 0;
    fc.assert(
      fc.property(anything, defaultCountries, (input, defaultCountry) => {
        slowest = Math.max(slowest, checked(input, defaultCountry));
      }),
      { numRuns: 3000 },
    );
    expectNoSuperLinearWork(slowest);
  });

  it('a valid number in any accepted form and punctuation gives the same result', () => {
    const seeds = fc.constantFrom(
      { e164: '+447400123456', country: 'GB', national: '07400123456' },
      { e164: '+442079460000', country: 'GB', national: '02079460000' },
      { e164: '+14155552671', country: 'US', national: '4155552671' },
      { e164: '+491701234567', country: 'DE', national: '01701234567' },
      { e164: '+61412345678', country: 'AU', national: '0412345678' },
      { e164: '+33612345678', country: 'FR', national: '0612345678' },
      { e164: '+911143123456', country: 'IN', national: '01143123456' },
      { e164: '+8613912345678', country: 'CN', national: '13912345678' },
    );
    const forms = fc.constantFrom('plus', '00', '011', 'national', 'country code first');
    const separators = fc.array(fc.option(separator, { nil: '' }), { minLength: 20, maxLength: 20 });
    fc.assert(
      fc.property(seeds, forms, separators, (seed, form, between) => {
        const international = seed.e164.slice(1);
        const written: Record<typeof form, readonly [string, string | undefined]> = {
          plus: [`+${international}`, seed.country],
          '00': [`00${international}`, seed.country],
          '011': [`011${international}`, 'US'],
          national: [seed.national, seed.country],
          'country code first': [international, undefined],
        };
        const [raw, defaultCountry] = written[form];
        const text = [...raw].map((character, index) => `${between[index] ?? ''}${character}`).join('');
        checked(text, defaultCountry);
        const options = defaultCountry === undefined ? {} : { defaultCountry };
        expect(normalizePhoneNumber(text, options)).toMatchObject({ e164: seed.e164, country: seed.country });
      }),
      { numRuns: 500 },
    );
  });

  it('very long input is refused in a few ms', () => {
    let slowest = 0;
    fc.assert(
      fc.property(long, defaultCountries, (input, defaultCountry) => {
        const started = performance.now();
        expect(() => normalizePhoneNumber(input, defaultCountry ? { defaultCountry } : {})).toThrow(
          /over 64 characters/,
        );
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: 300 },
    );
    for (const input of ['1'.repeat(1_000_000), '+'.repeat(1_000_000), `${'( '.repeat(500_000)}1`]) {
      const started = performance.now();
      expect(() => normalizePhoneNumber(input)).toThrow(/over 64 characters/);
      slowest = Math.max(slowest, performance.now() - started);
    }
    expectNoSuperLinearWork(slowest);
  });
});

describe('normalizePhoneNumber with the request country as a hint', () => {
  it('reads a US number without +1 from a GB request as +1 (Auth0 passes US numbers so)', () => {
    expect(normalizePhoneNumber('4155552671', { requestCountry: 'GB' })).toMatchObject({
      e164: '+14155552671',
      country: 'US',
    });
    expect(normalizePhoneNumber('(415) 555-2671', { requestCountry: 'fr' }).e164).toBe('+14155552671');
  });

  it('keeps a number valid in the request country there', () => {
    expect(normalizePhoneNumber('07400 123456', { requestCountry: 'GB' })).toMatchObject({
      e164: '+447400123456',
      country: 'GB',
    });
    // German numbers vary in length: these digits are a valid number there too, and stay German.
    expect(normalizePhoneNumber('4155552671', { requestCountry: 'DE' }).e164).toBe('+494155552671');
  });

  it('reads a Canadian number in the shared plan with its own country', () => {
    expect(normalizePhoneNumber('6135550123', { requestCountry: 'FR' })).toMatchObject({
      e164: '+16135550123',
      country: 'CA',
    });
  });

  it('still reads country-code-first digits when neither country fits', () => {
    expect(normalizePhoneNumber('447911123456', { requestCountry: 'FR' }).e164).toBe('+447911123456');
    expect(normalizePhoneNumber('1-808-555-5555', { requestCountry: 'GB' }).e164).toBe('+18085555555');
  });

  it('gives way to a configured default country, which is not second-guessed', () => {
    expect(() =>
      normalizePhoneNumber('4155552671', { defaultCountry: 'GB', requestCountry: 'GB' }),
    ).toThrow();
  });

  it('ignores a request country libphonenumber does not know', () => {
    expect(normalizePhoneNumber('+447911123456', { requestCountry: 'ZZ' }).e164).toBe('+447911123456');
  });
});
