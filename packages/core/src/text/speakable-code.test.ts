import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMfaSmsError } from '../errors/errors.js';
import { thrown } from '../errors/errors.test-helper.js';
import { speakableCode, speakCodesInText } from './speakable-code.js';
import { expectNoSuperLinearWork } from './timing.test-helper.js';

describe('speakableCode', () => {
  it.each([
    ['123456', '1, 2, 3, 4, 5, 6'],
    ['1.2.3.4.5.6', '1, 2, 3, 4, 5, 6'],
    [' 12-34 ', '1, 2, 3, 4'],
    ['123 456', '1, 2, 3, 4, 5, 6'],
    ['AB12', 'A, B, 1, 2'],
    ['ab-12', 'A, B, 1, 2'],
    ['7', '7'],
    ['000000', '0, 0, 0, 0, 0, 0'],
  ])('%j → %j', (code, spoken) => {
    expect(speakableCode(code)).toBe(spoken);
  });

  it.each([
    ['', 'empty'],
    ['..', 'punctuation only'],
    [' - ', 'separators only'],
    ['١٢٣', 'non-ASCII digits'],
  ])('refuses %j (%s) as rejected, without echoing it', (code) => {
    const error = thrown(() => speakableCode(code));
    expect(error).toMatchObject({ code: 'rejected', retryable: false });
    expect(error.message).toContain('no speakable character');
  });

  it('refuses a value that is not a string', () => {
    expect(thrown(() => speakableCode(123456 as unknown as string))).toMatchObject({ code: 'rejected' });
    expect(thrown(() => speakableCode(undefined as unknown as string)).message).not.toContain('123456');
  });
});

describe('speakCodesInText', () => {
  it.each([
    [
      "Auth0's voice text: dotted codes and pauses",
      'Your verification code is {{pause}} 1.2.3.4.5.6. {{pause}} Again, 1.2.3.4.5.6.',
      '123456',
      'Your verification code is: 1, 2, 3, 4, 5, 6. Again, 1, 2, 3, 4, 5, 6.',
    ],
    [
      'a pause before punctuation adds nothing',
      'Your code is 1.2.3.4.5.6{{pause}}. Again: 123456',
      '123456',
      'Your code is 1, 2, 3, 4, 5, 6. Again: 1, 2, 3, 4, 5, 6',
    ],
    [
      'the dotted form is spelled even without the code',
      'Your code is {{pause}} 4.9.3.8.1.7.',
      undefined,
      'Your code is: 4, 9, 3, 8, 1, 7.',
    ],
    [
      'the plain code, not a longer number that contains it',
      'Code 123456, ref 91234567',
      '123456',
      'Code 1, 2, 3, 4, 5, 6, ref 91234567',
    ],
    [
      'not a number joined to it by a dot',
      'Ref 12.123456 or 123456.7',
      '123456',
      'Ref 12.123456 or 123456.7',
    ],
    ['not the code twice without a gap', 'x 123456123456 x', '123456', 'x 123456123456 x'],
    ['a dashed occurrence', 'Code 123-456.', '123456', 'Code 1, 2, 3, 4, 5, 6.'],
    ['a spaced occurrence', 'Code: 123 456', '123456', 'Code: 1, 2, 3, 4, 5, 6'],
    [
      'not one split by more than one separator',
      'Code 123  456 or 123.-456',
      '123456',
      'Code 123  456 or 123.-456',
    ],
    ['a code given with a dash', 'Code: 123456!', '123-456', 'Code: 1, 2, 3, 4, 5, 6!'],
    ['letters in any case', 'Code: ab12.', 'AB12', 'Code: A, B, 1, 2.'],
    ['the code at both ends', '123456 is 123456', '123456', '1, 2, 3, 4, 5, 6 is 1, 2, 3, 4, 5, 6'],
    ['inside non-ASCII text', 'Código: 123456。', '123456', 'Código: 1, 2, 3, 4, 5, 6。'],
    ['a longer dotted run is spelled as a whole', 'Code 1.2.3.4.5.6.7', '123456', 'Code 1, 2, 3, 4, 5, 6, 7'],
    ['only pauses without a code', 'Hello {{ PAUSE }} world', undefined, 'Hello. world'],
    ['pauses at the ends vanish', '{{pause}} Hello {{pause}}', undefined, 'Hello'],
    ['pauses in a row are one', 'A {{pause}}{{pause}} {{pause}} B', undefined, 'A. B'],
    [
      'a pause after a comma is a space',
      'Your code is, {{pause}} 1.2.3.4',
      undefined,
      'Your code is, 1, 2, 3, 4',
    ],
    [
      'a pause after CJK punctuation',
      '確認コードは、{{pause}}1.2.3.4です',
      undefined,
      '確認コードは、 1, 2, 3, 4です',
    ],
    ['other placeholders stay', 'Hi {{name}} {{pause', undefined, 'Hi {{name}} {{pause'],
    ['three dotted digits are not a code', 'Version 1.2.3', undefined, 'Version 1.2.3'],
    ['an address is not a code', 'Host 10.0.0.1 or 1.2.3.45', undefined, 'Host 10.0.0.1 or 1.2.3.45'],
    [
      'a dotted run glued to a word is not a code',
      'v1.2.3.4 and 1.2.3.4x',
      undefined,
      'v1.2.3.4 and 1.2.3.4x',
    ],
    ['a code with nothing speakable changes nothing', 'Code 1.2.3', '--', 'Code 1.2.3'],
    ['an empty text stays empty', '', '123456', ''],
  ])('%s', (_name, text, code, spoken) => {
    expect(speakCodesInText(text, code)).toBe(spoken);
  });

  it('refuses a text that is not a string', () => {
    expect(thrown(() => speakCodesInText(null as unknown as string, '1'))).toMatchObject({
      code: 'rejected',
    });
  });
});

describe('properties', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 300 });
  const codeCharacters = fc.string({
    unit: fc.constantFrom(...'0123456789abcdefXYZ'),
    minLength: 1,
    maxLength: 12,
  });
  // Surroundings without braces, so that they cannot form a {{pause}} around the code.
  const surrounding = fc.string({ unit: fc.constantFrom(...' abc.,-:1209é😀\n'), maxLength: 30 });

  function valueOrMfaSmsError(run: () => string): void {
    try {
      expect(typeof run()).toBe('string');
    } catch (error) {
      expect(isMfaSmsError(error)).toBe(true);
    }
  }

  it('any input gives a string or an MfaSmsError, quickly', () => {
    let slowest = 0;
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (text, code) => {
        const started = performance.now();
        valueOrMfaSmsError(() => speakableCode(text));
        valueOrMfaSmsError(() => speakCodesInText(text, code));
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: 1000 },
    );
    expectNoSuperLinearWork(slowest);
  });

  it('any value at all gives a string or an MfaSmsError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (text, code) => {
        valueOrMfaSmsError(() => speakableCode(text as string));
        valueOrMfaSmsError(() => speakCodesInText(text as string, code as string));
      }),
      { numRuns: 300 },
    );
  });

  it('speakableCode spells exactly the ASCII letters and digits, upper-cased', () => {
    fc.assert(
      fc.property(anyText, (code) => {
        const kept = [...code].filter((character) => /^[0-9A-Za-z]$/.test(character)).join('');
        if (kept === '') {
          expect(thrown(() => speakableCode(code)).code).toBe('rejected');
          return;
        }
        const spoken = speakableCode(code);
        expect(spoken).toMatch(/^[0-9A-Z](, [0-9A-Z])*$/);
        expect(spoken.split(', ').join('')).toBe(kept.toUpperCase());
      }),
      { numRuns: 500 },
    );
  });

  it('a standalone code, plain or dotted, is always spelled', () => {
    fc.assert(
      fc.property(surrounding, codeCharacters, surrounding, fc.boolean(), (before, code, after, dotted) => {
        const written = dotted ? [...code].join('.') : code;
        const text = `${before} ${written} ${after}`;
        expect(speakCodesInText(text, code)).toContain(speakableCode(code));
      }),
      { numRuns: 1000 },
    );
  });

  it('a text without digits, letters or braces only loses its outer spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...' .,-:!?é😀\n\t"'), maxLength: 50 }), (text) => {
        expect(speakCodesInText(text, '123456')).toBe(text.trim());
        expect(speakCodesInText(text)).toBe(text.trim());
      }),
    );
  });

  it('stays within a few milliseconds on 100k-character inputs, hostile ones included', () => {
    const long = fc.string({ unit: 'binary', minLength: 100_000, maxLength: 100_000 });
    const inputs: Array<[string, string | undefined]> = fc.sample(fc.tuple(long, long), 2);
    inputs.push(
      // Worst cases for a naive search: almost-matches everywhere.
      ['1.'.repeat(50_000), `${'1'.repeat(50_000)}2`],
      ['1'.repeat(100_000), `${'1'.repeat(999)}2`],
      [`${'1 '.repeat(50_000)}`, '1'.repeat(1000)],
      ['{{'.repeat(50_000), undefined],
      ['{{ '.repeat(33_000), '1'],
      [`${' '.repeat(100_000)}{{pause}}`, undefined],
      ['{{pause}}'.repeat(11_000), undefined],
      ['1.2.3.4.5.'.repeat(10_000), '12345'],
      ['1.'.repeat(50_000), undefined],
      ['a.1.'.repeat(25_000), undefined],
    );
    let slowest = 0;
    // The first pass only warms V8 up (its interpreter is several times slower than optimised
    // code); the bound is on the algorithm, and a quadratic one would take seconds either way.
    for (const pass of ['warm-up', 'measured']) {
      for (const [text, code] of inputs) {
        for (const run of [() => speakCodesInText(text, code), () => speakableCode(text)]) {
          const started = performance.now();
          valueOrMfaSmsError(run);
          if (pass === 'measured') slowest = Math.max(slowest, performance.now() - started);
        }
      }
    }
    expectNoSuperLinearWork(slowest);
  });
});
