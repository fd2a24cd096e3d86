import { describe, expect, it } from 'vitest';
import { twilioSayLanguage, twilioSayLanguageDefaults, twilioSayLanguages } from './twilio-say-language.js';

describe('twilioSayLanguage', () => {
  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-PT'],
    ['pt-AO', 'pt-PT'],
    ['fr', 'fr-FR'],
    ['fr-CA', 'fr-CA'],
    ['fr-CH', 'fr-FR'],
    ['fr_ca', 'fr-CA'],
    ['en', 'en-US'],
    ['en-GB', 'en-GB'],
    ['en-UK', 'en-GB'],
    ['en-AU', 'en-AU'],
    ['en-SG', 'en-US'],
    ['es', 'es-ES'],
    ['es-419', 'es-MX'],
    ['es-AR', 'es-MX'],
    ['es-US', 'es-US'],
    ['de-CH', 'de-DE'],
    ['nb', 'nb-NO'],
    ['no', 'nb-NO'],
    ['zh', 'cmn-CN'],
    ['zh-Hans-CN', 'cmn-CN'],
    ['zh-Hant', 'cmn-TW'],
    ['zh-TW', 'cmn-TW'],
    ['zh-HK', 'yue-HK'],
    ['ar', 'arb'],
    ['ar-AE', 'ar-AE'],
    ['ja', 'ja-JP'],
    ['arb', 'arb'],
  ])('maps %s to %s', (tag, language) => {
    expect(twilioSayLanguage(tag)).toBe(language);
  });

  it('falls back for a missing, unknown or malformed tag', () => {
    expect(twilioSayLanguage(undefined)).toBe('en-US');
    expect(twilioSayLanguage('xx')).toBe('en-US');
    expect(twilioSayLanguage('', 'en-GB')).toBe('en-GB');
    expect(twilioSayLanguage('<Say>', 'en-GB')).toBe('en-GB');
  });

  it('only ever answers a value from the supported list', () => {
    for (const value of Object.values(twilioSayLanguageDefaults)) expect(twilioSayLanguages).toContain(value);
    for (const tag of ['zh-MO', 'es-CO', 'pt-MZ', 'en-IN', 'sv', 'tr-TR', 'yue']) {
      expect(twilioSayLanguages).toContain(twilioSayLanguage(tag));
    }
  });
});
