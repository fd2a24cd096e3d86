import { describe, expect, it } from 'vitest';
import { infobipTtsLanguage, infobipTtsLanguages } from './infobip-tts-language.js';

describe('infobipTtsLanguage', () => {
  const cases: [string | undefined, string | undefined][] = [
    ['en', 'en'],
    ['en-GB', 'en-gb'],
    ['en-US', 'en'],
    ['en_US', 'en'],
    ['pt', 'pt-br'],
    ['pt-PT', 'pt-pt'],
    ['es-419', 'es-419'],
    ['zh', 'zh-cn'],
    ['zh-Hant-TW', 'zh-tw'],
    ['cy', 'wls'],
    ['nb', 'nb-no'],
    ['nn', 'no'],
    ['sw', 'sw-ke'],
    ['de-LU', 'de'],
    ['xx', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [tag, expected] of cases) {
    it(`${tag} → ${expected}`, () => expect(infobipTtsLanguage(tag)).toBe(expected));
  }

  it('maps every Infobip language to itself', () => {
    for (const language of infobipTtsLanguages) expect(infobipTtsLanguage(language)).toBe(language);
  });
});
