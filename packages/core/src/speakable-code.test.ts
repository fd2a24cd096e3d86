import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMfaSmsError } from './errors.js';
import { speakableCode, speakCodesInText } from './speakable-code.js';

describe('speakableCode', () => {
  it.each([
    ['123456', '1, 2, 3, 4, 5, 6'],
    ['1.2.3.4.5.6', '1, 2, 3, 4, 5, 6'],
    [' 12-34 ', '1, 2, 3, 4'],
    ['AB12', 'A, B, 1, 2'],
  ])('%j → %j', (code, spoken) => {
    expect(speakableCode(code)).toBe(spoken);
  });

  it('refuses a code with nothing to speak', () => {
    expect(() => speakableCode('..')).toThrow(expect.objectContaining({ code: 'rejected' }));
  });
});

describe('speakCodesInText', () => {
  it("rewrites Auth0's voice text: dotted codes and {{pause}}", () => {
    const text = 'Your verification code is {{pause}} 1.2.3.4.5.6. {{pause}} Again, 1.2.3.4.5.6.';
    expect(speakCodesInText(text, '123456')).toBe(
      'Your verification code is. 1, 2, 3, 4, 5, 6. Again, 1, 2, 3, 4, 5, 6.',
    );
  });

  it('rewrites the plain code but not longer numbers that contain it', () => {
    expect(speakCodesInText('Code 123456, ref 91234567', '123456')).toBe(
      'Code 1, 2, 3, 4, 5, 6, ref 91234567',
    );
  });

  it('only removes pauses without a code', () => {
    expect(speakCodesInText('Hello {{ pause }} world')).toBe('Hello. world');
  });
});

describe('properties', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 300 });
  it('any input gives a value or an MfaSmsError, quickly', () => {
    let slowest = 0;
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (text, code) => {
        const started = performance.now();
        for (const run of [() => speakableCode(text), () => speakCodesInText(text, code)]) {
          try {
            expect(typeof run()).toBe('string');
          } catch (error) {
            expect(isMfaSmsError(error)).toBe(true);
          }
        }
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: 500 },
    );
    expect(slowest).toBeLessThan(50);
  });

  it('stays fast on very long inputs', () => {
    const text = `${'1.2.3.4.5.'.repeat(10_000)}{{pause}}`.repeat(2);
    const started = performance.now();
    speakCodesInText(text, '1234567890'.repeat(5));
    speakableCode(text);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
