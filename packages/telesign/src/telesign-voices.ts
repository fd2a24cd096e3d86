// The text-to-speech voices of `POST /v1/voice`, one per language tag, all female ("f-"):
// https://standard.telesign.com/api-reference/apis/voice-api/send-a-voice-message/post-voice
const documentedTags = [
  'zh-HK',
  'zh-CN',
  'zh-TW',
  'da-DK',
  'nl-NL',
  'en-AU',
  'en-GB',
  'en-US',
  'en-CA',
  'en-IN',
  'fi-FI',
  'fr-FR',
  'fr-CA',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nb-NO',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'es-MX',
  'es-ES',
] as const;

const voiceByTag = new Map<string, string>(documentedTags.map((tag) => [tag.toLowerCase(), `f-${tag}`]));

/** For a bare language, the region its speakers most often mean; Norwegian `no` is Bokmål. */
const regionOfLanguage: Readonly<Record<string, string>> = {
  zh: 'zh-CN',
  da: 'da-DK',
  nl: 'nl-NL',
  en: 'en-US',
  fi: 'fi-FI',
  fr: 'fr-FR',
  it: 'it-IT',
  ja: 'ja-JP',
  ko: 'ko-KR',
  nb: 'nb-NO',
  no: 'nb-NO',
  pl: 'pl-PL',
  pt: 'pt-PT',
  es: 'es-ES',
};

/**
 * The documented voice for a BCP 47 language (`en-GB`, `pt`, `zh-Hant-TW`), or `undefined` when
 * Telesign documents none for it: Telesign then speaks with its default, `f-en-US`.
 */
export function telesignVoiceFor(language: string | undefined): string | undefined {
  if (language === undefined) return undefined;
  const subtags = language.replace(/_/g, '-').toLowerCase().split('-');
  const base = subtags[0] ?? '';
  const region = subtags.find((subtag, index) => index > 0 && /^[a-z]{2}$/.test(subtag));
  const exact = region === undefined ? undefined : voiceByTag.get(`${base}-${region}`);
  if (exact !== undefined) return exact;
  // Traditional Chinese without a documented region reads best with the Taiwan voice.
  if (base === 'zh' && subtags.includes('hant')) return voiceByTag.get('zh-tw');
  const fallback = regionOfLanguage[base];
  return fallback === undefined ? undefined : voiceByTag.get(fallback.toLowerCase());
}

/**
 * The voice of one call: the configured one (one voice, or the map's entry for the message's
 * language or its bare language), else the documented one for the language.
 */
export function chooseVoice(
  setting: string | Record<string, string> | undefined,
  language: string | undefined,
): string | undefined {
  if (typeof setting === 'string') return setting;
  if (setting !== undefined && language !== undefined) {
    const normalised = language.replace(/_/g, '-');
    const bare = normalised.split('-')[0] ?? normalised;
    const configured = setting[normalised] ?? setting[bare];
    if (configured !== undefined) return configured;
  }
  return telesignVoiceFor(language);
}
