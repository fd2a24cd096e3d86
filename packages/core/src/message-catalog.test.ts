import { describe, expect, it } from 'vitest';
import { defaultMessage, negotiateLanguage, supportedLanguages } from './message-catalog.js';
import { countSegments } from './segments.js';

describe('negotiateLanguage', () => {
  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt_br', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['fr-CA', 'fr'],
    ['DE', 'de'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['xx', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('%j → %s', (requested, expected) => {
    expect(negotiateLanguage(requested)).toBe(expected);
  });
});

describe('defaultMessage', () => {
  it('has at least 12 languages', () => {
    expect(supportedLanguages.length).toBeGreaterThanOrEqual(12);
  });

  it('renders the code, the application and the language', () => {
    expect(
      defaultMessage({
        channel: 'sms',
        purpose: 'authentication',
        language: 'en-GB',
        code: '123456',
        appName: 'Acme',
      }),
    ).toEqual({
      text: '123456 is your Acme verification code.',
      language: 'en',
    });
    expect(defaultMessage({ channel: 'sms', purpose: 'enrollment', code: '123456' }).text).toBe(
      '123456 is your code to confirm this phone number.',
    );
  });

  it('reads the code digit by digit on voice', () => {
    const { text } = defaultMessage({
      channel: 'voice',
      purpose: 'authentication',
      language: 'fr',
      code: '123456',
    });
    expect(text).toContain('1, 2, 3, 4, 5, 6');
    expect(text.startsWith('Votre code')).toBe(true);
  });

  it('needs a code', () => {
    expect(() => defaultMessage({ channel: 'sms', purpose: 'authentication', code: ' ' })).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });

  const appName = 'Twenty Char App Name';
  it.each(
    supportedLanguages.flatMap((language) =>
      (['authentication', 'enrollment', 'notification'] as const).map(
        (purpose) => [language, purpose] as const,
      ),
    ),
  )(
    '%s %s fits one SMS segment with a 6-digit code and a 20-character app name, and mentions both',
    (language, purpose) => {
      expect(appName).toHaveLength(20);
      for (const withApp of [true, false]) {
        const { text } = defaultMessage({
          channel: 'sms',
          purpose,
          language,
          code: '987654',
          ...(withApp ? { appName } : {}),
        });
        expect(countSegments(text).segments, text).toBe(1);
        expect(text).toContain('987654');
        if (withApp) expect(text).toContain(appName);
      }
      const voice = defaultMessage({ channel: 'voice', purpose, language, code: '987654', appName }).text;
      expect(voice).toContain('9, 8, 7, 6, 5, 4');
    },
  );

  it('keeps Latin-script languages in GSM-7 where the language allows', () => {
    for (const language of ['en', 'es', 'fr', 'de', 'it', 'nl', 'sv', 'da', 'nb', 'fi']) {
      const { text } = defaultMessage({
        channel: 'sms',
        purpose: 'authentication',
        language,
        code: '123456',
        appName: 'Acme',
      });
      expect(countSegments(text).encoding, `${language}: ${text}`).toBe('GSM-7');
    }
  });
});
