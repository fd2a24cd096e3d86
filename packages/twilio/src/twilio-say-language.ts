/**
 * `<Say language>` values Twilio's text-to-speech accepts (its Amazon Polly and Google voices,
 * https://www.twilio.com/docs/voice/twiml/say/text-speech). A BCP 47 tag that names one of these
 * exactly (case-insensitive) is sent as is.
 */
export const twilioSayLanguages: readonly string[] = [
  'arb',
  'ar-AE',
  'ca-ES',
  'cmn-CN',
  'cmn-TW',
  'cs-CZ',
  'cy-GB',
  'da-DK',
  'de-AT',
  'de-DE',
  'el-GR',
  'en-AU',
  'en-GB',
  'en-IE',
  'en-IN',
  'en-NZ',
  'en-US',
  'en-ZA',
  'es-ES',
  'es-MX',
  'es-US',
  'fi-FI',
  'fr-BE',
  'fr-CA',
  'fr-FR',
  'he-IL',
  'hi-IN',
  'hu-HU',
  'id-ID',
  'is-IS',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nb-NO',
  'nl-BE',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ro-RO',
  'ru-RU',
  'sk-SK',
  'sv-SE',
  'th-TH',
  'tr-TR',
  'uk-UA',
  'vi-VN',
  'yue-HK',
];

const byLowerCase = new Map(twilioSayLanguages.map((value) => [value.toLowerCase(), value]));

/**
 * A bare language, or a region Twilio has no voice for, gets the locale most of its speakers
 * use. Portuguese without a region is Brazilian (most speakers, and Auth0's `pt-BR` is the
 * common one); Spanish outside Spain and the US is Mexican, the Latin American voice Twilio has.
 */
export const twilioSayLanguageDefaults: Readonly<Record<string, string>> = {
  ar: 'arb',
  ca: 'ca-ES',
  cmn: 'cmn-CN',
  cs: 'cs-CZ',
  cy: 'cy-GB',
  da: 'da-DK',
  de: 'de-DE',
  el: 'el-GR',
  en: 'en-US',
  es: 'es-ES',
  fi: 'fi-FI',
  fr: 'fr-FR',
  he: 'he-IL',
  hi: 'hi-IN',
  hu: 'hu-HU',
  id: 'id-ID',
  is: 'is-IS',
  it: 'it-IT',
  iw: 'he-IL',
  ja: 'ja-JP',
  ko: 'ko-KR',
  nb: 'nb-NO',
  nl: 'nl-NL',
  nn: 'nb-NO',
  no: 'nb-NO',
  pl: 'pl-PL',
  pt: 'pt-BR',
  ro: 'ro-RO',
  ru: 'ru-RU',
  sk: 'sk-SK',
  sv: 'sv-SE',
  th: 'th-TH',
  tr: 'tr-TR',
  uk: 'uk-UA',
  vi: 'vi-VN',
  yue: 'yue-HK',
  zh: 'cmn-CN',
};

function chineseLocale(script: string | undefined, region: string | undefined): string {
  if (region === 'HK' || region === 'MO') return 'yue-HK';
  if (script === 'hant' || region === 'TW') return 'cmn-TW';
  return 'cmn-CN';
}

/**
 * Maps a BCP 47 tag (`pt-BR`, `pt`, `fr_CA`, `zh-Hant-TW`) to a `<Say language>` value;
 * `fallback` when the tag is missing or names a language Twilio cannot speak.
 */
export function twilioSayLanguage(tag: string | undefined, fallback = 'en-US'): string {
  if (tag === undefined) return fallback;
  const parts = tag.trim().replace(/_/g, '-').split('-');
  const language = parts[0]?.toLowerCase() ?? '';
  if (!/^[a-z]{2,3}$/.test(language)) return fallback;
  const script = parts
    .slice(1)
    .find((part) => /^[a-z]{4}$/i.test(part))
    ?.toLowerCase();
  const region = parts
    .slice(1)
    .find((part) => /^([a-z]{2}|\d{3})$/i.test(part))
    ?.toUpperCase();
  if (region !== undefined) {
    const exact = byLowerCase.get(`${language}-${region}`.toLowerCase());
    if (exact !== undefined) return exact;
  }
  if (language === 'zh') return chineseLocale(script, region);
  if (language === 'en' && region === 'UK') return 'en-GB';
  if (language === 'es' && region !== undefined && region !== 'ES') return 'es-MX';
  if (language === 'pt' && region !== undefined && region !== 'BR') return 'pt-PT';
  return twilioSayLanguageDefaults[language] ?? byLowerCase.get(language) ?? fallback;
}
