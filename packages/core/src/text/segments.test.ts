import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMfaSmsError } from '../errors/errors.js';
import { countSegments, isGsm7 } from './segments.js';
import { expectNoSuperLinearWork } from './timing.test-helper.js';

// Written out again from GSM 03.38 rather than imported, so that a typo in the implementation's
// table shows up here.
const basic = [
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ',
  ...' !"#¤%&\'()*+,-./',
  ...'0123456789:;<=>?',
  ...'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§',
  ...'¿abcdefghijklmnopqrstuvwxyzäöñüà',
];
const extension = ['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'];

/**
 * A second, deliberately naive model: split the text into the atoms that may not be separated
 * (characters, or code points for UCS-2), then fill parts one by one and return them.
 */
function referenceParts(text: string): { encoding: 'GSM-7' | 'UCS-2'; units: number; parts: string[] } {
  const gsm = [...text].every((character) => basic.includes(character) || extension.includes(character));
  const atoms = gsm ? [...text] : Array.from(text);
  const cost = (atom: string) => (gsm ? (extension.includes(atom) ? 2 : 1) : atom.length);
  const units = atoms.reduce((sum, atom) => sum + cost(atom), 0);
  const single = gsm ? 160 : 70;
  const size = gsm ? 153 : 67;
  if (units <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, parts: [text] };
  const parts: string[] = [''];
  let used = 0;
  for (const atom of atoms) {
    if (used + cost(atom) > size) {
      parts.push('');
      used = 0;
    }
    parts[parts.length - 1] += atom;
    used += cost(atom);
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, parts };
}

describe('the GSM 03.38 tables', () => {
  it('has 127 basic characters (the 128th code is the escape) and 10 extension characters', () => {
    expect(new Set(basic).size).toBe(127);
    expect(new Set(extension).size).toBe(10);
    for (const character of [...basic, ...extension]) expect(isGsm7(character), character).toBe(true);
  });

  it('costs one septet per basic character and two per extension character', () => {
    expect(countSegments(basic.join(''))).toEqual({ encoding: 'GSM-7', units: 127, segments: 1 });
    for (const character of extension) {
      expect(countSegments(character)).toEqual({ encoding: 'GSM-7', units: 2, segments: 1 });
    }
  });

  it.each([
    ['ç', 'lowercase c cedilla (only the capital is GSM)'],
    ['`', 'backtick'],
    ['“', 'curly quote'],
    ['’', 'typographic apostrophe'],
    ['\t', 'tab'],
    ['ω', 'Greek small omega'],
    ['ê', 'e circumflex'],
    ['õ', 'o tilde'],
    ['ł', 'Polish l'],
    ['ş', 'Turkish s cedilla'],
    ['😀', 'emoji'],
    ['\uD83D', 'lone high surrogate'],
    ['\u00A0', 'no-break space'],
  ])('%j (%s) is not GSM-7', (character) => {
    expect(isGsm7(character)).toBe(false);
    expect(isGsm7(`Your code is 123456 ${character}`)).toBe(false);
    expect(countSegments(`Code ${character}`).encoding).toBe('UCS-2');
  });
});

describe('countSegments', () => {
  const a = (count: number) => 'a'.repeat(count);
  const c = (count: number) => 'ç'.repeat(count);
  const emoji = '😀';

  it.each([
    ['empty text: one segment of nothing', '', 'GSM-7', 0, 1],
    ['short code text', 'Your code is 123456', 'GSM-7', 19, 1],
    ['160 septets fit one segment', a(160), 'GSM-7', 160, 1],
    ['161 septets need two', a(161), 'GSM-7', 161, 2],
    ['153 * 2 septets fill two parts exactly', a(306), 'GSM-7', 306, 2],
    ['one septet more needs a third part', a(307), 'GSM-7', 307, 3],
    ['153 * 3', a(459), 'GSM-7', 459, 3],
    ['153 * 3 + 1', a(460), 'GSM-7', 460, 4],
    ['80 euro signs are 160 septets', '€'.repeat(80), 'GSM-7', 160, 1],
    // 76 escape pairs fill 152 of a part's 153 septets: the 77th cannot be split.
    ['81 euro signs: 76 + 5', '€'.repeat(81), 'GSM-7', 162, 2],
    ['153 euro signs: 76 + 76 + 1', '€'.repeat(153), 'GSM-7', 306, 3],
    ['CR LF are basic characters', 'a\r\nb', 'GSM-7', 4, 1],
    ['accented letters of the basic set', 'éèàùìòÇÄÖÑÜäöñüßÅåÆæØøÉ', 'GSM-7', 23, 1],
    ['Greek capitals of the basic set', 'ΔΦΓΛΩΠΨΣΘΞ', 'GSM-7', 10, 1],
    ['70 UCS-2 units fit one segment', c(70), 'UCS-2', 70, 1],
    ['71 need two', c(71), 'UCS-2', 71, 2],
    ['67 * 2 fill two parts exactly', c(134), 'UCS-2', 134, 2],
    ['67 * 2 + 1 needs a third', c(135), 'UCS-2', 135, 3],
    ['an emoji is two units', emoji, 'UCS-2', 2, 1],
    ['35 emoji are 70 units', emoji.repeat(35), 'UCS-2', 70, 1],
    ['36 emoji: 33 + 3', emoji.repeat(36), 'UCS-2', 72, 2],
    // 134 units would fit two parts by division, but 33 pairs fill 66 of 67 units per part.
    ['67 emoji: 33 + 33 + 1', emoji.repeat(67), 'UCS-2', 134, 3],
    ['one UCS-2 character turns 160 septets into 160 units', `${a(159)}ç`, 'UCS-2', 160, 3],
    ['an extension character costs one unit in UCS-2', `${'€'.repeat(69)}ç`, 'UCS-2', 70, 1],
    ['lone surrogates count one unit each', '\uD83D'.repeat(71), 'UCS-2', 71, 2],
    ['a reversed pair is two lone surrogates', `${c(66)}\uDE00\uD83D${c(67)}`, 'UCS-2', 135, 3],
  ] as const)('%s', (_name, text, encoding, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });

  it('never splits an escape sequence across concatenated GSM-7 parts', () => {
    // 152 septets then "€": escape and euro would straddle septets 153 and 154, so "€" opens part 2.
    expect(countSegments(`${a(152)}€${a(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
    // One septet earlier, the pair ends exactly on septet 153.
    expect(countSegments(`${a(151)}€${a(153)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
    // The same at the end of the second part.
    expect(countSegments(`${a(153)}${a(152)}€${a(10)}`)).toEqual({
      encoding: 'GSM-7',
      units: 317,
      segments: 3,
    });
    expect(countSegments(`${a(153)}${a(151)}€`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
  });

  it('never splits a surrogate pair across concatenated UCS-2 parts', () => {
    expect(countSegments(`${c(66)}${emoji}${c(66)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
    expect(countSegments(`${c(65)}${emoji}${c(67)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 2 });
    expect(countSegments(`${c(67)}${c(66)}${emoji}`)).toEqual({ encoding: 'UCS-2', units: 135, segments: 3 });
    expect(countSegments(`${c(67)}${c(65)}${emoji}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 2 });
  });

  it('refuses a value that is not a string with an MfaSmsError', () => {
    expect(() => countSegments(undefined as unknown as string)).toThrow(
      expect.objectContaining({ code: 'rejected' }),
    );
    expect(isGsm7(42 as unknown as string)).toBe(false);
  });
});

describe('countSegments properties', () => {
  const gsmCharacter = fc.constantFrom(...basic, ...extension);
  const mostlyGsm = fc.string({
    unit: fc.oneof(
      { weight: 20, arbitrary: gsmCharacter },
      { weight: 1, arbitrary: fc.constantFrom('ç', '😀') },
    ),
    maxLength: 700,
  });
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), mostlyGsm);

  it('agrees with the naive model: encoding, units and packed parts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = countSegments(text);
        const reference = referenceParts(text);
        expect(result).toEqual({
          encoding: reference.encoding,
          units: reference.units,
          segments: reference.parts.length,
        });
        expect(reference.parts.join('')).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('for any text: GSM-7 iff isGsm7, units by definition, segments within bounds', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = countSegments(text);
        expect(result.encoding === 'GSM-7').toBe(isGsm7(text));
        expect(isGsm7(text)).toBe(
          [...text].every((character) => basic.includes(character) || extension.includes(character)),
        );
        if (result.encoding === 'UCS-2') {
          expect(result.units).toBe(text.length);
        } else {
          const escapes = [...text].filter((character) => extension.includes(character)).length;
          expect(result.units).toBe(text.length + escapes);
        }
        expect(result.segments).toBeGreaterThanOrEqual(1);
        const single = result.encoding === 'GSM-7' ? 160 : 70;
        const part = result.encoding === 'GSM-7' ? 153 : 67;
        if (result.units <= single) expect(result.segments).toBe(1);
        else {
          // Packing loses at most one unit per part.
          expect(result.segments).toBeGreaterThanOrEqual(Math.ceil(result.units / part));
          expect(result.segments).toBeLessThanOrEqual(Math.ceil(result.units / (part - 1)));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('appending text never lowers the count', () => {
    fc.assert(
      fc.property(anyText, anyText, (start, end) => {
        const before = countSegments(start);
        const after = countSegments(start + end);
        // Also across GSM-7 → UCS-2: a GSM-7 part holds at least 76 characters, a UCS-2 one 67.
        expect(after.segments).toBeGreaterThanOrEqual(before.segments);
        if (before.encoding === after.encoding) expect(after.units).toBeGreaterThanOrEqual(before.units);
      }),
      { numRuns: 300 },
    );
  });

  it('may count fewer units once UCS-2, since an extension character is then one unit', () => {
    expect(countSegments('€€€')).toEqual({ encoding: 'GSM-7', units: 6, segments: 1 });
    expect(countSegments('€€€ç')).toEqual({ encoding: 'UCS-2', units: 4, segments: 1 });
  });

  it('returns a count or an MfaSmsError for any value, never another exception', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          expect(countSegments(value as string).segments).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(isMfaSmsError(error)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('takes a few milliseconds at most, even for 100k characters', () => {
    let slowest = 0;
    const long = fc.oneof(
      fc.string({ unit: 'binary', minLength: 100_000, maxLength: 100_000 }),
      fc.string({ unit: gsmCharacter, minLength: 100_000, maxLength: 100_000 }),
    );
    fc.assert(
      fc.property(long, (text) => {
        const started = performance.now();
        const result = countSegments(text);
        isGsm7(text);
        slowest = Math.max(slowest, performance.now() - started);
        expect(result.segments).toBeGreaterThan(1);
      }),
      { numRuns: 12 },
    );
    for (const text of ['a'.repeat(100_000), '€'.repeat(100_000), '😀'.repeat(50_000)]) {
      const started = performance.now();
      countSegments(text);
      slowest = Math.max(slowest, performance.now() - started);
    }
    expectNoSuperLinearWork(slowest);
  });
});
