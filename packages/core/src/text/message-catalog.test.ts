import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMfaSmsError } from '../errors/errors.js';
import {
  type CatalogMessageOptions,
  defaultMessage,
  negotiateLanguage,
  supportedLanguages,
} from './message-catalog.js';
import { countSegments } from './segments.js';

const purposes = ['authentication', 'enrollment', 'notification'] as const;

describe('negotiateLanguage', () => {
  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt_br', 'pt-BR'],
    ['PT_BR', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['pt', 'pt'],
    ['en_US', 'en'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['zh-Hant-TW', 'zh'],
    ['zh_CN', 'zh'],
    ['DE', 'de'],
    ['  it  ', 'it'],
    ['no', 'nb'],
    ['nb-NO', 'nb'],
    ['nn-NO', 'nb'],
    ['ja-JP', 'ja'],
    ['ar-EG', 'ar'],
    ['xx', 'en'],
    ['x-private', 'en'],
    ['-', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [`fr-${'a-'.repeat(50_000)}`, 'fr'],
  ])('%j → %s', (requested, expected) => {
    expect(negotiateLanguage(requested)).toBe(expected);
  });

  it('negotiates against a given list, keeping its spelling', () => {
    expect(negotiateLanguage('pt_br', ['en', 'pt-BR'])).toBe('pt-BR');
    expect(negotiateLanguage('pt-BR', ['en', 'pt'])).toBe('pt');
    expect(negotiateLanguage('fr-CA', ['de', 'fr'])).toBe('fr');
    expect(negotiateLanguage('xx', ['de', 'EN'])).toBe('EN');
    expect(negotiateLanguage('xx', ['de', 'fr'])).toBe('de');
    expect(negotiateLanguage('de', [])).toBe('en');
  });

  it('always answers one of the available languages', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: undefined }),
        (requested) => {
          expect(supportedLanguages).toContain(negotiateLanguage(requested));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('defaultMessage', () => {
  it('has at least 12 languages, the widely used ones among them', () => {
    expect(supportedLanguages.length).toBeGreaterThanOrEqual(12);
    for (const language of [
      'en',
      'es',
      'fr',
      'de',
      'it',
      'pt',
      'pt-BR',
      'nl',
      'pl',
      'ja',
      'zh',
      'ar',
      'hi',
    ]) {
      expect(supportedLanguages).toContain(language);
    }
  });

  it('renders the code, the application and the language used', () => {
    expect(
      defaultMessage({
        channel: 'sms',
        purpose: 'authentication',
        language: 'en-GB',
        code: '123456',
        appName: 'Acme',
      }),
    ).toEqual({ text: '123456 is your Acme verification code.', language: 'en' });
    expect(defaultMessage({ channel: 'sms', purpose: 'enrollment', code: '123456' })).toEqual({
      text: '123456 is your code to confirm this phone number.',
      language: 'en',
    });
    expect(
      defaultMessage({
        channel: 'sms',
        purpose: 'authentication',
        language: 'pt_BR',
        code: '123456',
        appName: 'Acme',
      }),
    ).toEqual({ text: '123456 é seu código de verificação Acme.', language: 'pt-BR' });
  });

  it('uses the sign-in wording for notifications', () => {
    const options = { channel: 'sms', language: 'de', code: '123456', appName: 'Acme' } as const;
    expect(defaultMessage({ ...options, purpose: 'notification' })).toEqual(
      defaultMessage({ ...options, purpose: 'authentication' }),
    );
  });

  it('reads the code digit by digit on voice, twice', () => {
    const { text, language } = defaultMessage({
      channel: 'voice',
      purpose: 'authentication',
      language: 'fr_FR',
      code: '123456',
    });
    expect(language).toBe('fr');
    expect(text).toBe(
      'Votre code de vérification est 1, 2, 3, 4, 5, 6. Je répète, votre code est 1, 2, 3, 4, 5, 6.',
    );
  });

  it('trims the code for SMS and the application name, and cuts the name at 40 characters', () => {
    expect(
      defaultMessage({ channel: 'sms', purpose: 'authentication', code: ' 123456 ', appName: '  Acme  ' })
        .text,
    ).toBe('123456 is your Acme verification code.');
    const long = `${'n'.repeat(39)}😀😀`;
    expect(defaultMessage({ channel: 'sms', purpose: 'authentication', code: '1', appName: long }).text).toBe(
      `1 is your ${'n'.repeat(39)}😀 verification code.`,
    );
    expect(
      defaultMessage({ channel: 'sms', purpose: 'authentication', code: '1', appName: '   ' }).text,
    ).toBe('1 is your verification code.');
  });

  it('inserts an application name verbatim, placeholders and all', () => {
    expect(
      defaultMessage({ channel: 'sms', purpose: 'authentication', code: '123456', appName: '{{code}} $& Co' })
        .text,
    ).toBe('123456 is your {{code}} $& Co verification code.');
  });

  it.each([
    ['', 'rejected'],
    [' ', 'rejected'],
    ['..', 'rejected'],
  ])('refuses the code %j as %s, on both channels', (code, errorCode) => {
    for (const channel of ['sms', 'voice'] as const) {
      expect(() => defaultMessage({ channel, purpose: 'authentication', code })).toThrow(
        expect.objectContaining({ code: errorCode }),
      );
    }
  });

  it('refuses an unknown channel', () => {
    expect(() =>
      defaultMessage({
        channel: 'fax',
        purpose: 'authentication',
        code: '1',
      } as unknown as CatalogMessageOptions),
    ).toThrow(expect.objectContaining({ code: 'unsupported_channel' }));
  });

  const appName = 'Twenty Char App Name';
  it.each(supportedLanguages.flatMap((language) => purposes.map((purpose) => [language, purpose] as const)))(
    '%s %s: one SMS segment with a 6-digit code and a 20-character name, code read out by voice',
    (language, purpose) => {
      expect(appName).toHaveLength(20);
      for (const withApp of [true, false]) {
        const options = { purpose, language, code: '987654', ...(withApp ? { appName } : {}) };
        const sms = defaultMessage({ channel: 'sms', ...options });
        expect(sms.language).toBe(language);
        expect(countSegments(sms.text).segments, sms.text).toBe(1);
        expect(sms.text).toContain('987654');
        expect(sms.text.includes(appName)).toBe(withApp);
        expect(sms.text).not.toMatch(/\{\{|\}\}|^\s|\s$| {2}/);
        const voice = defaultMessage({ channel: 'voice', ...options });
        expect(voice.text.split('9, 8, 7, 6, 5, 4')).toHaveLength(3);
        expect(voice.text.includes(appName)).toBe(withApp);
        expect(voice.text).not.toContain('987654');
        expect(voice.text).not.toMatch(/\{\{|\}\}|^\s|\s$| {2}/);
      }
    },
  );

  it('keeps Latin-script languages in GSM-7 where the language allows it', () => {
    for (const language of ['en', 'fr', 'de', 'it', 'nl', 'pl', 'sv', 'da', 'nb', 'fi']) {
      for (const purpose of purposes) {
        for (const name of [undefined, appName]) {
          const { text } = defaultMessage({
            channel: 'sms',
            purpose,
            language,
            code: '123456',
            appName: name,
          });
          expect(countSegments(text).encoding, `${language}: ${text}`).toBe('GSM-7');
        }
      }
    }
  });

  it('gives a message or an MfaSmsError for any input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sms', 'voice'),
        fc.constantFrom(...purposes),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.option(fc.string({ unit: 'binary', maxLength: 60 }), { nil: undefined }),
        (channel, purpose, language, code, name) => {
          try {
            const message = defaultMessage({ channel, purpose, language, code, appName: name });
            expect(supportedLanguages).toContain(message.language);
            if (channel === 'sms') expect(message.text).toContain(code.trim());
          } catch (error) {
            expect(isMfaSmsError(error)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('defaultMessage with autofill lines', () => {
  const appName = 'Twenty Char App Name';
  const origin = 'login.example.com';
  const androidAppHash = 'FA+9qCX9VSu';
  // Where the full wording and the origin line do not fit one segment together, the name goes
  // (the origin line names the site), and where that is not enough, the shorter sign-in wording
  // is used. These are the places, with an 8-digit code and a 20-character name.
  const nameless = new Set([
    ...['es', 'pt', 'pt-BR', 'tr', 'ru', 'ar', 'hi'].flatMap((l) => [
      `${l} authentication`,
      `${l} enrollment`,
    ]),
    ...['ja', 'ko', 'zh'].map((l) => `${l} enrollment`),
  ]);
  const signInWording = new Set([
    'es enrollment',
    'pt enrollment',
    'pt-BR enrollment',
    'ru enrollment',
    'hi enrollment',
  ]);

  it.each(supportedLanguages.flatMap((language) => purposes.map((purpose) => [language, purpose] as const)))(
    '%s %s: one segment with the origin line, an 8-digit code and a 20-character name',
    (language, purpose) => {
      const wording = purpose === 'notification' ? 'authentication' : purpose;
      for (const hash of [undefined, androidAppHash]) {
        const options = { purpose, language, code: '98765432', appName, origin, androidAppHash: hash };
        const { text } = defaultMessage({ channel: 'sms', ...options });
        // With the app hash as well, UCS-2 languages may need a second segment.
        if (hash === undefined || countSegments(text).encoding === 'GSM-7') {
          expect(countSegments(text).segments, text).toBe(1);
        }
        const lines = text.split('\n');
        expect(lines.at(-1)).toBe('@login.example.com #98765432');
        if (hash) expect(lines.at(-2)).toBe(androidAppHash);
        expect(lines[0]).toContain('98765432');
        if (hash === undefined) {
          const plain = defaultMessage({ channel: 'sms', purpose, language, code: '98765432', appName }).text;
          const expectedFirst = nameless.has(`${language} ${wording}`)
            ? defaultMessage({
                channel: 'sms',
                purpose: signInWording.has(`${language} ${wording}`) ? 'authentication' : purpose,
                language,
                code: '98765432',
              }).text
            : plain;
          expect(lines[0]).toBe(expectedFirst);
        }
        // Voice is unaffected.
        const voice = defaultMessage({ channel: 'voice', ...options });
        expect(voice.text).toBe(
          defaultMessage({ channel: 'voice', purpose, language, code: '98765432', appName }).text,
        );
      }
    },
  );

  it('adds the lines to the wording without a name too, and nothing without options', () => {
    expect(
      defaultMessage({
        channel: 'sms',
        purpose: 'authentication',
        code: '123456',
        origin: 'Login.Example.com',
      }).text,
    ).toBe('123456 is your verification code.\n@login.example.com #123456');
    expect(
      defaultMessage({ channel: 'sms', purpose: 'authentication', code: '123456', androidAppHash }).text,
    ).toBe(`123456 is your verification code.\n${androidAppHash}`);
    expect(
      defaultMessage({ channel: 'sms', purpose: 'authentication', code: '123456', origin: undefined }).text,
    ).toBe('123456 is your verification code.');
  });

  it('adds no origin line for a code browsers would not read (shorter than 4 or longer than 10)', () => {
    for (const code of ['123', '12345678901']) {
      expect(defaultMessage({ channel: 'sms', purpose: 'authentication', code, origin }).text).toBe(
        `${code} is your verification code.`,
      );
    }
  });
});
