import { lazySchema } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

/** Languages Vonage's `talk` action reads (the NCCO schema's enum). */
export const vonageTalkLanguages = [
  'ar',
  'bn-IN',
  'ca-ES',
  'cmn-CN',
  'cmn-TW',
  'cs-CZ',
  'cy-GB',
  'da-DK',
  'de-DE',
  'el-GR',
  'en-AU',
  'en-GB',
  'en-GB-WLS',
  'en-IN',
  'en-US',
  'en-ZA',
  'es-ES',
  'es-MX',
  'es-US',
  'eu-ES',
  'fi-FI',
  'fil-PH',
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
  'ml-IN',
  'nb-NO',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ro-RO',
  'ru-RU',
  'sk-SK',
  'sv-SE',
  'ta-IN',
  'te-IN',
  'th-TH',
  'tr-TR',
  'uk-UA',
  'vi-VN',
  'yue-CN',
] as const;

export type VonageTalkLanguage = (typeof vonageTalkLanguages)[number];

// The usual region for a bare language, where Vonage has several.
const primaryDefaults: Readonly<Record<string, VonageTalkLanguage>> = {
  en: 'en-GB',
  es: 'es-ES',
  fr: 'fr-FR',
  pt: 'pt-PT',
  zh: 'cmn-CN',
  cmn: 'cmn-CN',
  yue: 'yue-CN',
  no: 'nb-NO',
  nn: 'nb-NO',
};

/**
 * The talk language for a message's BCP 47 tag: exact match (case-insensitive), then Chinese
 * script/region forms, then the language's usual region or its only one, then `fallback`.
 * `pt-BR` → `pt-BR`, `pt` → `pt-PT`, `de` → `de-DE`, `zh-TW` → `cmn-TW`, `xx` → fallback.
 */
export function vonageTalkLanguage(
  language: string | undefined,
  fallback: VonageTalkLanguage,
): VonageTalkLanguage {
  if (!language) return fallback;
  const wanted = language.replace(/_/g, '-').toLowerCase();
  const exact = vonageTalkLanguages.find((candidate) => candidate.toLowerCase() === wanted);
  if (exact) return exact;
  const [primary = '', region] = wanted.split('-');
  if (primary === 'zh')
    return region === 'tw' || region === 'hant' ? 'cmn-TW' : region === 'hk' ? 'yue-CN' : 'cmn-CN';
  if (region) {
    const regional = vonageTalkLanguages.find(
      (candidate) => candidate.toLowerCase() === `${primary}-${region}`,
    );
    if (regional) return regional;
  }
  const preferred = primaryDefaults[primary];
  if (preferred) return preferred;
  const same = vonageTalkLanguages.filter((candidate) => candidate.toLowerCase().split('-')[0] === primary);
  return same[0] ?? fallback;
}

export const smsApiResponseSchema = lazySchema(() => {
  // The SMS API sends every value as a string ("0", "2"); accept numbers too, but not "abc".
  const numeric = z.pipe(
    z.union([
      z.string().check(z.regex(/^\d{1,9}$/, 'must be a number')),
      z.number().check(z.int(), z.gte(0)),
    ]),
    z.transform(Number),
  );
  return z.object({
    'message-count': numeric,
    messages: z
      .array(
        z.object({
          status: numeric,
          'message-id': z.optional(z.string()),
          'error-text': z.optional(z.string()),
        }),
      )
      .check(z.minLength(1)),
  });
});

export const messagesApiResponseSchema = lazySchema(() =>
  z.object({ message_uuid: z.string().check(z.minLength(1)) }),
);
export const callResponseSchema = lazySchema(() => z.object({ uuid: z.string().check(z.minLength(1)) }));

export const problemSchema = lazySchema(() =>
  z.object({
    type: z.optional(z.string()),
    title: z.optional(z.string()),
    detail: z.optional(z.string()),
    // Only the names are read; a malformed list must not hide the rest of the problem.
    invalid_parameters: z.catch(
      z.optional(z.array(z.object({ name: z.optional(z.string()), reason: z.optional(z.string()) }))),
      undefined,
    ),
  }),
);

/**
 * The form of a classic SMS API request. Form-urlencoded rather than JSON: it is the format the
 * API's specification defines and the one the classic `nexmo` package sent, so an account that
 * worked with the classic hook keeps working byte for byte; JSON (what the newer SDK sends) adds
 * nothing for a single message. The credentials travel in the body, as the spec says.
 */
export function smsApiForm(input: {
  apiKey: string;
  apiSecret: string;
  from: string;
  to: string;
  text: string;
  unicode: boolean;
  reference?: string | undefined;
}): string {
  const form = new URLSearchParams({
    api_key: input.apiKey,
    api_secret: input.apiSecret,
    from: input.from,
    to: input.to,
    text: input.text,
  });
  if (input.unicode) form.set('type', 'unicode');
  if (input.reference) form.set('client-ref', input.reference.slice(0, 40));
  return form.toString();
}

export function messagesApiBody(input: {
  from: string;
  to: string;
  text: string;
  reference?: string | undefined;
}): string {
  return JSON.stringify({
    message_type: 'text',
    channel: 'sms',
    to: input.to,
    from: input.from,
    text: input.text,
    ...(input.reference ? { client_ref: input.reference.slice(0, 100) } : {}),
    sms: { encoding_type: 'auto' },
  });
}

export interface TalkOptions {
  language: VonageTalkLanguage;
  style: number;
  loop: number;
}

/**
 * A Voice API call that reads one text. The NCCO is built as an object and serialised by
 * `JSON.stringify`, so no text can add an action or change the call's structure.
 */
export function callBody(input: {
  /** A number, or `random`: one of the numbers linked to the Vonage application. */
  from: string;
  to: string;
  text: string;
  talk: TalkOptions;
}): string {
  return JSON.stringify({
    to: [{ type: 'phone', number: input.to }],
    ...(input.from === 'random'
      ? { random_from_number: true }
      : { from: { type: 'phone', number: input.from } }),
    ncco: [
      {
        action: 'talk',
        text: input.text,
        language: input.talk.language,
        style: input.talk.style,
        loop: input.talk.loop,
      },
    ],
  });
}
