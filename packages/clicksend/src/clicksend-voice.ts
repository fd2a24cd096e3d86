/** A ClickSend text-to-speech voice. */
export type ClickSendVoice = 'female' | 'male';

/**
 * ClickSend's voice languages and the voices each offers, the default first ("Allowed
 * Languages", https://developers.clicksend.com/docs/messaging/voice-messaging).
 */
export const clickSendLanguages = {
  'en-us': ['female', 'male'],
  'en-au': ['female', 'male'],
  'en-gb': ['female', 'male'],
  'en-in': ['female'],
  'en-gb-wls': ['female', 'male'],
  'cy-gb-wls': ['female', 'male'],
  'de-de': ['female', 'male'],
  'es-es': ['female', 'male'],
  'es-us': ['female', 'male'],
  'fr-ca': ['female'],
  'fr-fr': ['female', 'male'],
  'is-is': ['female', 'male'],
  'it-it': ['female', 'male'],
  'da-dk': ['female', 'male'],
  'nl-nl': ['female', 'male'],
  'nb-no': ['female'],
  'pl-pl': ['female', 'male'],
  'pt-pt': ['male'],
  'pt-br': ['female', 'male'],
  'ro-ro': ['female'],
  'ru-ru': ['female', 'male'],
  'sv-se': ['female'],
  'tr-tr': ['female'],
} as const satisfies Record<string, readonly ClickSendVoice[]>;

/** A `lang` value ClickSend accepts. */
export type ClickSendLanguage = keyof typeof clickSendLanguages;

export const clickSendLanguageNames = Object.keys(clickSendLanguages) as ClickSendLanguage[];

function isClickSendLanguage(value: string): value is ClickSendLanguage {
  return Object.hasOwn(clickSendLanguages, value);
}

// For a bare language, the locale its speakers most often mean; Norwegian "no" is Bokmål.
const bareLanguageLocale: Readonly<Record<string, ClickSendLanguage>> = {
  en: 'en-us',
  cy: 'cy-gb-wls',
  de: 'de-de',
  es: 'es-es',
  fr: 'fr-fr',
  is: 'is-is',
  it: 'it-it',
  da: 'da-dk',
  nl: 'nl-nl',
  nb: 'nb-no',
  no: 'nb-no',
  pl: 'pl-pl',
  pt: 'pt-br',
  ro: 'ro-ro',
  ru: 'ru-ru',
  sv: 'sv-se',
  tr: 'tr-tr',
};

/**
 * The `lang` for a message: its own language where ClickSend speaks it (`en-GB` → `en-gb`, `de`
 * → `de-de`, or the configured `lang` when it is the same language), else the configured `lang`,
 * else `en-us`.
 */
export function clickSendLanguageFor(
  language: string | undefined,
  configured: ClickSendLanguage | undefined,
): ClickSendLanguage {
  const fallback = configured ?? 'en-us';
  if (language === undefined) return fallback;
  const tag = language.toLowerCase().replace(/_/g, '-');
  if (isClickSendLanguage(tag)) return tag;
  const bare = tag.split('-')[0] ?? tag;
  if (configured !== undefined && configured.split('-')[0] === bare) return configured;
  return bareLanguageLocale[bare] ?? fallback;
}

/** The configured voice where the language offers it, else the one voice the language has. */
export function clickSendVoiceFor(
  lang: ClickSendLanguage,
  configured: ClickSendVoice | undefined,
): ClickSendVoice {
  const offered: readonly ClickSendVoice[] = clickSendLanguages[lang];
  if (configured !== undefined && offered.includes(configured)) return configured;
  return offered[0] as ClickSendVoice;
}
