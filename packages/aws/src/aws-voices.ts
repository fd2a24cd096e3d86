// The voices SendVoiceMessage offers (its `VoiceId` enum, API_SendVoiceMessage) are Amazon Polly
// standard voices; their languages are Polly's list (https://docs.aws.amazon.com/polly/latest/dg/available-voices.html).
// One voice per language AWS can speak, a language's usual region first for a bare tag.
const voiceByLanguage: Readonly<Record<string, string>> = {
  'en-US': 'JOANNA',
  'en-GB': 'AMY',
  'en-AU': 'NICOLE',
  'en-IN': 'RAVEENA',
  'cy-GB': 'GWYNETH',
  'da-DK': 'NAJA',
  'de-DE': 'MARLENE',
  'es-ES': 'CONCHITA',
  'es-MX': 'MIA',
  'es-US': 'PENELOPE',
  'fr-FR': 'CELINE',
  'fr-CA': 'CHANTAL',
  'is-IS': 'DORA',
  'it-IT': 'CARLA',
  'ja-JP': 'MIZUKI',
  'ko-KR': 'SEOYEON',
  'nb-NO': 'LIV',
  'nl-NL': 'LOTTE',
  'pl-PL': 'EWA',
  'pt-BR': 'VITORIA',
  'pt-PT': 'INES',
  'ro-RO': 'CARMEN',
  'ru-RU': 'TATYANA',
  'sv-SE': 'ASTRID',
  'tr-TR': 'FILIZ',
  'cmn-CN': 'ZHIYU',
  arb: 'ZEINA',
};

const defaultRegion: Readonly<Record<string, string>> = {
  en: 'en-US',
  cy: 'cy-GB',
  da: 'da-DK',
  de: 'de-DE',
  es: 'es-ES',
  fr: 'fr-FR',
  is: 'is-IS',
  it: 'it-IT',
  ja: 'ja-JP',
  ko: 'ko-KR',
  nb: 'nb-NO',
  no: 'nb-NO',
  nl: 'nl-NL',
  pl: 'pl-PL',
  pt: 'pt-BR',
  ro: 'ro-RO',
  ru: 'ru-RU',
  sv: 'sv-SE',
  tr: 'tr-TR',
  zh: 'cmn-CN',
  ar: 'arb',
};

/**
 * The `VoiceId` for a message: the configured one, else the voice of the message's language
 * (`pt-BR`, then `pt`), else none, and AWS speaks with its default voice.
 */
export function awsVoiceFor(
  language: string | undefined,
  configured: string | undefined,
): string | undefined {
  if (configured !== undefined) return configured.toUpperCase();
  if (language === undefined) return undefined;
  const [base = '', regionPart] = language.split('-');
  const bare = base.toLowerCase();
  const exact = regionPart === undefined ? undefined : voiceByLanguage[`${bare}-${regionPart.toUpperCase()}`];
  if (exact !== undefined) return exact;
  const fallback = defaultRegion[bare];
  return fallback === undefined ? undefined : voiceByLanguage[fallback];
}
