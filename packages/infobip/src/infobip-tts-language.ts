/**
 * The languages Infobip's text to speech reads: the `language` enum of its Voice API
 * (https://www.infobip.com/docs/voice-and-video/reference#text-to-speech-languages; the same list
 * in `specs/infobip/infobip-voice-openapi.json`, which infobip-tts-language.test.ts compares).
 * `ar_xa` is left out: it is written with an underscore no BCP 47 tag can produce.
 */
export const infobipTtsLanguages: readonly string[] = [
  'ar',
  'ar-ma',
  'bg',
  'bn',
  'bn-in',
  'ca',
  'cmn-cn',
  'cs',
  'da',
  'de',
  'de-at',
  'de-ch',
  'el',
  'en',
  'en-au',
  'en-ca',
  'en-gb',
  'en-gb-wls',
  'en-ie',
  'en-in',
  'en-ph',
  'es',
  'es-419',
  'es-ar',
  'es-co',
  'es-mx',
  'es-us',
  'et-ee',
  'fi',
  'fil-ph',
  'fr',
  'fr-ca',
  'fr-ch',
  'gu',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'is',
  'it',
  'ja',
  'kk-kz',
  'kn',
  'ko',
  'lt',
  'lv',
  'ml',
  'mr-in',
  'ms',
  'nb-no',
  'nl',
  'nl-be',
  'no',
  'pa-in',
  'pl',
  'pt-br',
  'pt-pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sr-rs',
  'sv',
  'sw-ke',
  'sw-tz',
  'ta',
  'te',
  'th',
  'tr',
  'uk',
  'ur-in',
  'ur-pk',
  'uz-uz',
  'vi',
  'wls',
  'yue-hk',
  'zh-cn',
  'zh-tw',
];

const known = new Set(infobipTtsLanguages);

/**
 * A bare language Infobip only speaks with a region, or under another name. Portuguese without a
 * region is Brazilian (most speakers); Chinese is Mandarin as written in China; Welsh (`cy`) is
 * Infobip's `wls`; Norwegian Bokmål and Nynorsk are read by its Norwegian voice.
 */
const bareLanguageDefaults: Readonly<Record<string, string>> = {
  pt: 'pt-br',
  zh: 'zh-cn',
  cmn: 'cmn-cn',
  yue: 'yue-hk',
  cy: 'wls',
  nb: 'nb-no',
  nn: 'no',
  fil: 'fil-ph',
  tl: 'fil-ph',
  et: 'et-ee',
  kk: 'kk-kz',
  mr: 'mr-in',
  pa: 'pa-in',
  sr: 'sr-rs',
  sw: 'sw-ke',
  ur: 'ur-pk',
  uz: 'uz-uz',
  iw: 'he',
  in: 'id',
};

/**
 * The Infobip TTS language for a BCP 47 tag (`pt-BR` → `pt-br`, `de-DE` → `de`, `zh-Hant-TW` →
 * `zh-tw`), or `undefined` when Infobip has no voice for it. The whole tag wins, then language
 * and region, then the bare language.
 */
export function infobipTtsLanguage(tag: string | undefined): string | undefined {
  if (typeof tag !== 'string' || tag === '') return undefined;
  const lower = tag.replaceAll('_', '-').toLowerCase();
  if (known.has(lower)) return lower;
  const [language = '', ...rest] = lower.split('-');
  const region = rest.find((part) => /^(?:[a-z]{2}|\d{3})$/.test(part));
  if (region !== undefined && known.has(`${language}-${region}`)) return `${language}-${region}`;
  if (known.has(language)) return language;
  const fallback = bareLanguageDefaults[language];
  return fallback !== undefined && known.has(fallback) ? fallback : undefined;
}
