import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMfaSmsError } from './errors.js';
import { renderTemplate } from './template.js';

function failure(template: string, variables: Record<string, string | undefined> = {}): Error {
  try {
    renderTemplate(template, variables);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('renderTemplate', () => {
  it('replaces placeholders, with or without spaces, numbers included', () => {
    expect(
      renderTemplate('{{code}} is your {{ appName }} code ({{n}})', {
        code: '123456',
        appName: 'Acme',
        n: 2,
      }),
    ).toBe('123456 is your Acme code (2)');
  });

  it('inserts values verbatim and never renders them again', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'no' })).toBe('{{b}}');
  });

  it('leaves single braces alone', () => {
    expect(renderTemplate('{x} }} {', {})).toBe('{x} }} {');
  });

  it.each([
    ['{{code}}', {}, 'placeholder "{{code}}" has no value'],
    ['{{code}}', { code: undefined }, 'has no value'],
    ['{{toString}}', {}, 'has no value'],
    ['hello {{name', { name: 'x' }, 'unclosed'],
    ['{{ bad name }}', {}, 'malformed placeholder'],
  ])('%j is an invalid_config error', (template, variables, message) => {
    const error = failure(template, variables);
    expect(error).toMatchObject({ code: 'invalid_config' });
    expect(error.message).toContain(message);
  });

  it('never echoes a value in an error', () => {
    expect(failure('{{code}} {{missing}}', { code: '493817' }).message).not.toContain('493817');
  });

  it('any template and variables give a string or an MfaSmsError, quickly', () => {
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 500 }),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 50 })),
        (template, variables) => {
          const started = performance.now();
          try {
            expect(typeof renderTemplate(template, variables)).toBe('string');
          } catch (error) {
            expect(isMfaSmsError(error)).toBe(true);
          }
          slowest = Math.max(slowest, performance.now() - started);
        },
      ),
      { numRuns: 500 },
    );
    expect(slowest).toBeLessThan(50);
    const huge = '{{a}}'.repeat(20_000);
    const started = performance.now();
    expect(renderTemplate(huge, { a: 'x' })).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
