import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7 } from './segments.js';

describe('countSegments', () => {
  it.each([
    ['', 'GSM-7', 0, 1],
    ['Your code is 123456', 'GSM-7', 19, 1],
    ['a'.repeat(160), 'GSM-7', 160, 1],
    ['a'.repeat(161), 'GSM-7', 161, 2],
    ['a'.repeat(306), 'GSM-7', 306, 2],
    ['a'.repeat(307), 'GSM-7', 307, 3],
    ['€'.repeat(80), 'GSM-7', 160, 1],
    ['€'.repeat(81), 'GSM-7', 162, 2],
    ['ñÑüÜäÄöÖàèéùìòÇØøÅåÆæßÉΔΦΓΛΩΠΨΣΘΞ§¿¡£¥¤@$', 'GSM-7', 41, 1],
    ['é'.repeat(70), 'GSM-7', 70, 1],
    ['ç'.repeat(70), 'UCS-2', 70, 1],
    ['ç'.repeat(71), 'UCS-2', 71, 2],
    ['ç'.repeat(134), 'UCS-2', 134, 2],
    ['ç'.repeat(135), 'UCS-2', 135, 3],
    ['Code 123456 `', 'UCS-2', 13, 1],
    ['“quoted”', 'UCS-2', 8, 1],
    ['😀', 'UCS-2', 2, 1],
    ['😀'.repeat(35), 'UCS-2', 70, 1],
  ] as const)('%j → %s, %i units, %i segment(s)', (text, encoding, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });

  it('does not split an escape sequence across concatenated GSM-7 parts', () => {
    // 152 septets then "€" (2): the escape would straddle septets 153/154, so "€" moves to part 2.
    const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`;
    expect(countSegments(text)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
    expect(countSegments(`${'a'.repeat(151)}€${'a'.repeat(153)}`).segments).toBe(2);
  });

  it('does not split a surrogate pair across concatenated UCS-2 parts', () => {
    const text = `${'ç'.repeat(66)}😀${'ç'.repeat(66)}`;
    expect(countSegments(text)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
    expect(countSegments(`${'ç'.repeat(65)}😀${'ç'.repeat(67)}`).segments).toBe(2);
  });

  it('counts the extension characters as two septets', () => {
    for (const character of '\f^{}\\[~]|€')
      expect(countSegments(character)).toMatchObject({ encoding: 'GSM-7', units: 2 });
  });
});

describe('isGsm7', () => {
  it('tells GSM 03.38 text from text that needs UCS-2', () => {
    expect(isGsm7('Hello {world} €5')).toBe(true);
    expect(isGsm7('naïve')).toBe(false);
    expect(isGsm7('ç')).toBe(false);
    expect(isGsm7('Ç')).toBe(true);
  });
});

describe('countSegments properties', () => {
  it('for any text: GSM-7 iff every character is GSM, units by definition, segments within bounds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = countSegments(text);
        expect(result.encoding === 'GSM-7').toBe(isGsm7(text));
        if (result.encoding === 'UCS-2') expect(result.units).toBe(text.length);
        else expect(result.units).toBeGreaterThanOrEqual([...text].length);
        const single = result.encoding === 'GSM-7' ? 160 : 70;
        const part = result.encoding === 'GSM-7' ? 153 : 67;
        if (result.units <= single) expect(result.segments).toBe(1);
        else {
          expect(result.segments).toBeGreaterThanOrEqual(Math.ceil(result.units / part));
          expect(result.segments).toBeLessThanOrEqual(Math.ceil(result.units / (part - 1)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('takes no more than a few milliseconds, even for 100k characters', () => {
    let slowest = 0;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 100_000, maxLength: 100_000 }), (text) => {
        const started = performance.now();
        countSegments(text);
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: 10 },
    );
    expect(slowest).toBeLessThan(150);
  });
});
