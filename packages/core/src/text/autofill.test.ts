import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isMfaSmsError } from '../errors/errors.js';
import { appendAutofillLines, hasOriginBoundLine, parseAutofillOptions } from './autofill.js';

const hash = 'FA+9qCX9VSu';

describe('parseAutofillOptions', () => {
  it.each([
    'login.example.com',
    'example.co.uk',
    'xn--bcher-kva.example',
    'a-b.example.io',
    ' LOGIN.example.com ',
  ])('accepts the domain %j', (origin) => {
    expect(parseAutofillOptions({ origin }).origin).toBe(origin.trim());
  });

  it.each([
    'https://login.example.com',
    'login.example.com/',
    'login.example.com:443',
    'localhost',
    'login.example.com.',
    '-bad.example.com',
    'exa mple.com',
    '@login.example.com',
    '',
  ])('refuses %j as invalid_config naming the option, not the value', (origin) => {
    try {
      parseAutofillOptions({ origin });
      expect.unreachable();
    } catch (error) {
      expect(isMfaSmsError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'invalid_config', option: 'origin' });
      expect((error as Error).message).toContain('"origin"');
      if (origin.length > 3) expect(inspect(error, { depth: 5 })).not.toContain(origin);
    }
  });

  it('accepts an 11-character hash of the base64 alphabet and refuses others', () => {
    expect(parseAutofillOptions({ androidAppHash: hash }).androidAppHash).toBe(hash);
    for (const bad of ['FA+9qCX9VS', 'FA+9qCX9VSuu', 'FA+9qCX9VS=', 'FA 9qCX9VSu']) {
      expect(() => parseAutofillOptions({ androidAppHash: bad })).toThrow(
        expect.objectContaining({
          option: 'androidAppHash',
          message: expect.stringMatching(/"androidAppHash" is invalid: must be the 11-character/),
        }),
      );
    }
  });

  it('refuses unknown options and what is not an object, and accepts none', () => {
    expect(parseAutofillOptions(undefined)).toEqual({});
    expect(() => parseAutofillOptions({ orign: 'x' })).toThrow(
      expect.objectContaining({ code: 'invalid_config', option: 'orign' }),
    );
    expect(() => parseAutofillOptions('login.example.com')).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });
});

describe('appendAutofillLines', () => {
  const origin = 'login.example.com';

  it('ends the text with the origin-bound line, the hash before it', () => {
    expect(appendAutofillLines('Your code is 123456.', '123456', { origin })).toBe(
      'Your code is 123456.\n@login.example.com #123456',
    );
    expect(appendAutofillLines('Your code is 123456.\n', '123456', { origin, androidAppHash: hash })).toBe(
      `Your code is 123456.\n${hash}\n@login.example.com #123456`,
    );
    expect(appendAutofillLines('Your code is 123456.', '123456', { androidAppHash: hash })).toBe(
      `Your code is 123456.\n${hash}`,
    );
  });

  it('keeps a text that already ends with an origin-bound line, putting the hash before it', () => {
    const bound = 'Your code is 123456.\n\n@auth.example.org #123456';
    expect(hasOriginBoundLine(bound)).toBe(true);
    expect(appendAutofillLines(bound, '123456', { origin })).toBe(bound);
    expect(appendAutofillLines(bound, '123456', { origin, androidAppHash: hash })).toBe(
      `Your code is 123456.\n\n${hash}\n@auth.example.org #123456`,
    );
    expect(appendAutofillLines('@auth.example.org #123456', '123456', { androidAppHash: hash })).toBe(
      `${hash}\n@auth.example.org #123456`,
    );
  });

  it('does not add the hash twice, and adds nothing without options', () => {
    const text = `Code 123456\n${hash}`;
    expect(appendAutofillLines(text, '123456', { androidAppHash: hash })).toBe(text);
    expect(appendAutofillLines('Code 123456', '123456', {})).toBe('Code 123456');
  });

  it('does not take a mid-text "@" for an origin-bound last line', () => {
    expect(hasOriginBoundLine('Write to @support #1 for help.\nYour code is 123456')).toBe(false);
    expect(hasOriginBoundLine('Your code is 123456')).toBe(false);
    expect(hasOriginBoundLine('x\n@a.example #123456 @b.example')).toBe(true);
  });
});
