import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMfaSmsError, type MfaSmsError } from '../errors/errors.js';
import { thrown } from '../errors/errors.test-helper.js';
import { renderTemplate } from './template.js';
import { expectNoSuperLinearWork } from './timing.test-helper.js';

type Variables = Record<string, string | number | undefined>;

function failure(template: string, variables: Variables = {}): MfaSmsError {
  return thrown(() => renderTemplate(template, variables));
}

describe('renderTemplate', () => {
  it.each([
    ['{{code}} is your {{ appName }} code ({{n}})', '123456 is your Acme code (2)'],
    ['{{code}}{{code}}', '123456123456'],
    ['{{   code   }}', '123456'],
    ['{{_private}} {{n2}}', 'underscore 2.5'],
    ['no placeholder at all', 'no placeholder at all'],
    ['', ''],
    ['{x} }} { } {single}', '{x} }} { } {single}'],
    ['{{code}}}', '123456}'],
    ['é😀 {{appName}} 😀', 'é😀 Acme 😀'],
  ])('%j → %j', (template, rendered) => {
    expect(
      renderTemplate(template, { code: '123456', appName: 'Acme', n: 2, _private: 'underscore', n2: 2.5 }),
    ).toBe(rendered);
  });

  it('inserts values verbatim and never renders them again', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'no' })).toBe('{{b}}');
    expect(renderTemplate('{{a}} {{b}}', { a: '{{', b: '$& $1 }}' })).toBe('{{ $& $1 }}');
  });

  it('accepts an empty string as a value', () => {
    expect(renderTemplate('[{{a}}]', { a: '' })).toBe('[]');
  });

  it.each([
    ['{{code}}', {}, 'placeholder "{{code}}" has no value (known: none)'],
    [
      '{{code}}',
      { code: undefined, appName: 'Acme' },
      'placeholder "{{code}}" has no value (known: appName)',
    ],
    ['{{ toString }}', {}, 'placeholder "{{toString}}" has no value'],
    ['{{__proto__}}', {}, 'placeholder "{{__proto__}}" has no value'],
    ['{{constructor}}', { code: '1' }, 'has no value'],
    ['hello {{name', { name: 'x' }, 'unclosed "{{" at character 6'],
    ['{{a}} and {{', { a: 'x' }, 'unclosed "{{" at character 10'],
    ['{{ bad name }}', {}, 'malformed placeholder at character 0'],
    ['{{}}', {}, 'malformed placeholder'],
    ['{{1st}}', {}, 'malformed placeholder'],
    ['{{café}}', {}, 'malformed placeholder'],
    ['{{{code}}}', { code: '1' }, 'malformed placeholder'],
    ['{{code-name}}', {}, 'malformed placeholder'],
  ] as const)('%j is an invalid_config error', (template, variables, message) => {
    const error = failure(template, variables as Variables);
    expect(error).toMatchObject({ code: 'invalid_config', retryable: false });
    expect(error.message).toContain(message);
  });

  it('treats null as a missing value and refuses other types', () => {
    expect(failure('{{a}}', { a: null } as unknown as Variables).message).toContain('has no value');
    expect(failure('{{a}}', { a: {} } as unknown as Variables).message).toContain('not a string or a number');
  });

  it('refuses a template or variables of the wrong type', () => {
    expect(failure(42 as unknown as string)).toMatchObject({ code: 'invalid_config' });
    expect(failure('{{a}}', null as unknown as Variables)).toMatchObject({ code: 'invalid_config' });
  });

  it('never echoes a value in an error, and shortens long names', () => {
    const error = failure('{{code}} {{missing}}', { code: '493817', other: 'secret-value' });
    expect(error.message).not.toContain('493817');
    expect(error.message).not.toContain('secret-value');
    expect(error.message).toContain('{{missing}}');
    expect(failure(`{{${'x'.repeat(10_000)}}}`).message.length).toBeLessThan(200);
  });
});

describe('renderTemplate properties', () => {
  const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
  const value = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.integer());

  it('renders any mix of literal text and known placeholders as the concatenation', () => {
    // Literal pieces without braces, so that only the generated placeholders are placeholders.
    const literal = fc.string({ unit: 'binary', maxLength: 20 }).map((text) => text.replace(/[{}]/g, ''));
    const piece = fc.oneof(
      literal.map((text) => ({ text })),
      fc
        .tuple(name, value, fc.constantFrom('', ' ', '  '))
        .map(([key, content, space]) => ({ key, content, space })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const variables: Variables = {};
        let template = '';
        for (const part of pieces) {
          if ('text' in part) {
            template += part.text;
          } else {
            // A later piece with the same name redefines it: render with the last value.
            variables[part.key] = part.content;
            template += `{{${part.space}${part.key}${part.space}}}`;
          }
        }
        const rendered = pieces
          .map((part) => ('text' in part ? part.text : String(variables[part.key])))
          .join('');
        expect(renderTemplate(template, variables)).toBe(rendered);
      }),
      { numRuns: 500 },
    );
  });

  it('any template and variables give a string or an MfaSmsError, quickly', () => {
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 500 }),
          fc.string({ unit: fc.constantFrom('{', '}', ' ', 'a', '_', '1', '😀'), maxLength: 500 }),
        ),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(value, fc.constant(undefined))),
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
      { numRuns: 1000 },
    );
    expectNoSuperLinearWork(slowest);
  });

  it('any value at all gives a string or an MfaSmsError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (template, variables) => {
        try {
          renderTemplate(template as string, variables as Variables);
        } catch (error) {
          expect(isMfaSmsError(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays within a few milliseconds on 100k-character templates, hostile ones included', () => {
    const templates = fc.sample(fc.string({ unit: 'binary', minLength: 100_000, maxLength: 100_000 }), 4);
    templates.push(
      '{{a}}'.repeat(20_000),
      '{{'.repeat(50_000),
      `{{${' '.repeat(100_000)}`,
      `{{${'a'.repeat(100_000)}}}`,
      '}}'.repeat(50_000),
      `${'{'.repeat(50_000)}${'}'.repeat(50_000)}`,
      `{{ a }}${'x'.repeat(100_000)}{{`,
    );
    let slowest = 0;
    // A warm-up pass first: the bound is on the algorithm, not on V8's interpreter.
    for (const pass of ['warm-up', 'measured']) {
      for (const template of templates) {
        const started = performance.now();
        try {
          renderTemplate(template, { a: 'x' });
        } catch (error) {
          expect(isMfaSmsError(error)).toBe(true);
        }
        if (pass === 'measured') slowest = Math.max(slowest, performance.now() - started);
      }
    }
    expectNoSuperLinearWork(slowest);
    expect(renderTemplate('{{a}}'.repeat(20_000), { a: 'x' })).toBe('x'.repeat(20_000));
  });
});
