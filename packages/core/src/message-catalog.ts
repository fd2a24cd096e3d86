import { MfaSmsError } from './errors.js';
import { speakableCode } from './speakable-code.js';
import { renderTemplate } from './template.js';
import type { Channel, Purpose } from './types.js';

/** A template with the application's name, and one without for when none is known. */
type Pair = readonly [withApp: string, withoutApp: string];

interface LanguageTemplates {
  /** Texts for sign-in codes; notifications use them too. */
  authentication: Pair;
  /** Texts for confirming a new phone number. */
  enrollment: Pair;
  /** What a voice call reads; `{{code}}` there is already spoken digit by digit. */
  voice: Pair;
}

// SMS texts stay within one segment with a 6-digit code and a 20-character application name:
// 160 characters in GSM-7, 70 in UCS-2 (the test proves it for every entry). Latin-script
// texts avoid letters outside GSM 03.38 where the language allows, so they stay GSM-7.
const catalog: Readonly<Record<string, LanguageTemplates>> = {
  en: {
    authentication: [
      '{{code}} is your {{appName}} verification code.',
      '{{code}} is your verification code.',
    ],
    enrollment: [
      '{{code}} is your code to confirm this phone number for {{appName}}.',
      '{{code}} is your code to confirm this phone number.',
    ],
    voice: [
      'Your {{appName}} verification code is {{code}}. Again, your code is {{code}}.',
      'Your verification code is {{code}}. Again, your code is {{code}}.',
    ],
  },
  es: {
    authentication: [
      '{{code}} es tu codigo de verificacion de {{appName}}.',
      '{{code}} es tu codigo de verificacion.',
    ],
    enrollment: [
      '{{code}} es tu codigo para confirmar este telefono en {{appName}}.',
      '{{code}} es tu codigo para confirmar este telefono.',
    ],
    voice: [
      'Tu código de verificación de {{appName}} es {{code}}. Repito, tu código es {{code}}.',
      'Tu código de verificación es {{code}}. Repito, tu código es {{code}}.',
    ],
  },
  fr: {
    authentication: [
      '{{code}} est votre code de vérification {{appName}}.',
      '{{code}} est votre code de vérification.',
    ],
    enrollment: [
      '{{code}} est votre code pour confirmer ce numéro sur {{appName}}.',
      '{{code}} est votre code pour confirmer ce numéro.',
    ],
    voice: [
      'Votre code de vérification {{appName}} est {{code}}. Je répète, votre code est {{code}}.',
      'Votre code de vérification est {{code}}. Je répète, votre code est {{code}}.',
    ],
  },
  de: {
    authentication: [
      '{{code}} ist Ihr Bestätigungscode für {{appName}}.',
      '{{code}} ist Ihr Bestätigungscode.',
    ],
    enrollment: [
      '{{code}} ist Ihr Code, um diese Telefonnummer für {{appName}} zu bestätigen.',
      '{{code}} ist Ihr Code, um diese Telefonnummer zu bestätigen.',
    ],
    voice: [
      'Ihr Bestätigungscode für {{appName}} lautet {{code}}. Noch einmal: {{code}}.',
      'Ihr Bestätigungscode lautet {{code}}. Noch einmal: {{code}}.',
    ],
  },
  it: {
    authentication: [
      '{{code}} è il tuo codice di verifica {{appName}}.',
      '{{code}} è il tuo codice di verifica.',
    ],
    enrollment: [
      '{{code}} è il codice per confermare questo numero su {{appName}}.',
      '{{code}} è il codice per confermare questo numero.',
    ],
    voice: [
      'Il tuo codice di verifica {{appName}} è {{code}}. Ripeto, il codice è {{code}}.',
      'Il tuo codice di verifica è {{code}}. Ripeto, il codice è {{code}}.',
    ],
  },
  pt: {
    authentication: [
      '{{code}} é o seu código de verificação {{appName}}.',
      '{{code}} é o seu código de verificação.',
    ],
    enrollment: [
      '{{code}} é o código para confirmar este número em {{appName}}.',
      '{{code}} é o código para confirmar este número.',
    ],
    voice: [
      'O seu código de verificação {{appName}} é {{code}}. Repito, o código é {{code}}.',
      'O seu código de verificação é {{code}}. Repito, o código é {{code}}.',
    ],
  },
  'pt-BR': {
    authentication: [
      '{{code}} é seu código de verificação {{appName}}.',
      '{{code}} é seu código de verificação.',
    ],
    enrollment: [
      '{{code}} é o código para confirmar este celular no {{appName}}.',
      '{{code}} é o código para confirmar este celular.',
    ],
    voice: [
      'Seu código de verificação {{appName}} é {{code}}. Repetindo, seu código é {{code}}.',
      'Seu código de verificação é {{code}}. Repetindo, seu código é {{code}}.',
    ],
  },
  nl: {
    authentication: ['{{code}} is je verificatiecode voor {{appName}}.', '{{code}} is je verificatiecode.'],
    enrollment: [
      '{{code}} is je code om dit telefoonnummer te bevestigen bij {{appName}}.',
      '{{code}} is je code om dit telefoonnummer te bevestigen.',
    ],
    voice: [
      'Je verificatiecode voor {{appName}} is {{code}}. Nogmaals, je code is {{code}}.',
      'Je verificatiecode is {{code}}. Nogmaals, je code is {{code}}.',
    ],
  },
  sv: {
    authentication: ['{{code}} är din verifieringskod för {{appName}}.', '{{code}} är din verifieringskod.'],
    enrollment: [
      '{{code}} är din kod för att bekräfta detta nummer hos {{appName}}.',
      '{{code}} är din kod för att bekräfta detta nummer.',
    ],
    voice: [
      'Din verifieringskod för {{appName}} är {{code}}. Jag upprepar, din kod är {{code}}.',
      'Din verifieringskod är {{code}}. Jag upprepar, din kod är {{code}}.',
    ],
  },
  da: {
    authentication: [
      '{{code}} er din bekræftelseskode til {{appName}}.',
      '{{code}} er din bekræftelseskode.',
    ],
    enrollment: [
      '{{code}} er din kode til at bekræfte dette nummer hos {{appName}}.',
      '{{code}} er din kode til at bekræfte dette nummer.',
    ],
    voice: [
      'Din bekræftelseskode til {{appName}} er {{code}}. Jeg gentager, din kode er {{code}}.',
      'Din bekræftelseskode er {{code}}. Jeg gentager, din kode er {{code}}.',
    ],
  },
  nb: {
    authentication: [
      '{{code}} er din bekreftelseskode for {{appName}}.',
      '{{code}} er din bekreftelseskode.',
    ],
    enrollment: [
      '{{code}} er koden for å bekrefte dette nummeret hos {{appName}}.',
      '{{code}} er koden for å bekrefte dette nummeret.',
    ],
    voice: [
      'Din bekreftelseskode for {{appName}} er {{code}}. Jeg gjentar, koden er {{code}}.',
      'Din bekreftelseskode er {{code}}. Jeg gjentar, koden er {{code}}.',
    ],
  },
  fi: {
    authentication: ['{{code}} on {{appName}}-vahvistuskoodisi.', '{{code}} on vahvistuskoodisi.'],
    enrollment: [
      '{{code}} on koodisi tämän puhelinnumeron vahvistamiseen palvelussa {{appName}}.',
      '{{code}} on koodisi tämän puhelinnumeron vahvistamiseen.',
    ],
    voice: [
      '{{appName}}-vahvistuskoodisi on {{code}}. Toistan, koodisi on {{code}}.',
      'Vahvistuskoodisi on {{code}}. Toistan, koodisi on {{code}}.',
    ],
  },
  pl: {
    authentication: [
      '{{code}} to Twój kod weryfikacyjny {{appName}}.',
      '{{code}} to Twój kod weryfikacyjny.',
    ],
    enrollment: [
      '{{code}} to kod do potwierdzenia numeru w {{appName}}.',
      '{{code}} to kod do potwierdzenia numeru.',
    ],
    voice: [
      'Twój kod weryfikacyjny {{appName}} to {{code}}. Powtarzam, Twój kod to {{code}}.',
      'Twój kod weryfikacyjny to {{code}}. Powtarzam, Twój kod to {{code}}.',
    ],
  },
  tr: {
    authentication: ['{{appName}} doğrulama kodunuz: {{code}}', 'Doğrulama kodunuz: {{code}}'],
    enrollment: ['{{appName}} telefon onay kodunuz: {{code}}', 'Telefon onay kodunuz: {{code}}'],
    voice: [
      '{{appName}} doğrulama kodunuz {{code}}. Tekrar ediyorum, kodunuz {{code}}.',
      'Doğrulama kodunuz {{code}}. Tekrar ediyorum, kodunuz {{code}}.',
    ],
  },
  ja: {
    authentication: ['{{appName}}の確認コード: {{code}}', '確認コード: {{code}}'],
    enrollment: ['{{appName}}の電話番号確認コード: {{code}}', '電話番号確認コード: {{code}}'],
    voice: [
      '{{appName}}の確認コードは、{{code}}です。もう一度言います、{{code}}です。',
      '確認コードは、{{code}}です。もう一度言います、{{code}}です。',
    ],
  },
  zh: {
    authentication: ['{{appName}}验证码：{{code}}', '您的验证码：{{code}}'],
    enrollment: ['{{appName}}手机号确认码：{{code}}', '您的手机号确认码：{{code}}'],
    voice: [
      '您的{{appName}}验证码是{{code}}。再说一遍，验证码是{{code}}。',
      '您的验证码是{{code}}。再说一遍，验证码是{{code}}。',
    ],
  },
};

/** Languages of the built-in catalog, as BCP 47 tags. */
export const supportedLanguages: readonly string[] = Object.keys(catalog);

const aliases: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb' };

/**
 * The catalog language for a requested one: exact tag, then its primary language, then English.
 * Case and Auth0's `_` separator do not matter (`pt_br` → `pt-BR`, `pt-PT` → `pt`, `xx` → `en`).
 */
export function negotiateLanguage(
  requested: string | undefined,
  available: readonly string[] = supportedLanguages,
): string {
  const fallback = available.includes('en') ? 'en' : (available[0] ?? 'en');
  if (typeof requested !== 'string' || requested.trim() === '') return fallback;
  const wanted = requested.trim().replace(/_/g, '-').toLowerCase();
  const byLower = new Map(available.map((language) => [language.toLowerCase(), language]));
  const exact = byLower.get(wanted);
  if (exact) return exact;
  const primary = wanted.split('-')[0] ?? '';
  return byLower.get(primary) ?? byLower.get(aliases[primary] ?? '') ?? fallback;
}

export interface CatalogMessageOptions {
  channel: Channel;
  purpose: Purpose;
  /** BCP 47 or Auth0 locale; negotiated against `supportedLanguages`. */
  language?: string | undefined;
  code: string;
  /** Shown in the text when given; at most 40 characters. */
  appName?: string;
}

/** A built-in message for a one-time code, in the user's language where the catalog has it. */
export function defaultMessage(options: CatalogMessageOptions): { text: string; language: string } {
  if (typeof options.code !== 'string' || options.code.trim() === '') {
    throw new MfaSmsError({ code: 'invalid_config', message: 'defaultMessage needs the one-time code' });
  }
  const language = negotiateLanguage(options.language);
  const templates = catalog[language] as LanguageTemplates;
  const pair =
    options.channel === 'voice'
      ? templates.voice
      : options.purpose === 'enrollment'
        ? templates.enrollment
        : templates.authentication;
  const appName = options.appName?.trim().slice(0, 40);
  const code = options.channel === 'voice' ? speakableCode(options.code) : options.code.trim();
  const text = appName ? renderTemplate(pair[0], { appName, code }) : renderTemplate(pair[1], { code });
  return { text, language };
}
