import type { Channel, Purpose } from '../contract/types.js';
import { MfaSmsError } from '../errors/errors.js';
import { type AutofillOptions, appendValidatedLines, parseAutofillOptions } from './autofill.js';
import { catalog, type LanguageTemplates } from './message-templates.js';
import { countSegments } from './segments.js';
import { speakableCode } from './speakable-code.js';
import { renderTemplate } from './template.js';

type CatalogLanguage = keyof typeof catalog;

/** Languages of the built-in catalog, as BCP 47 tags. */
export const supportedLanguages: readonly string[] = Object.keys(catalog);

/** Norwegian without a written standard named, and Nynorsk, read Bokmål best. */
const aliases: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb' };

/**
 * The best of `available` for a requested language: the exact tag, then the tag with its last
 * subtag dropped, again and again (`zh-Hant-TW` → `zh-Hant` → `zh`), then English (or the first
 * available when there is no English). Case does not matter and Auth0's `_` separator is read
 * as `-`: `pt_br` → `pt-BR`, `pt-PT` → `pt`, `no` → `nb`, `xx` → `en`.
 */
export function negotiateLanguage(
  requested: string | undefined,
  available: readonly string[] = supportedLanguages,
): string {
  const byLowerCase = new Map(available.map((language) => [language.toLowerCase(), language]));
  const fallback = byLowerCase.get('en') ?? available[0] ?? 'en';
  if (typeof requested !== 'string') return fallback;
  // Real tags are far shorter; the cap keeps the subtag loop below cheap on hostile input.
  let wanted = requested.trim().slice(0, 64).replaceAll('_', '-').toLowerCase();
  while (wanted !== '') {
    const found = byLowerCase.get(wanted) ?? byLowerCase.get(aliases[wanted] ?? '');
    if (found !== undefined) return found;
    const cut = wanted.lastIndexOf('-');
    wanted = cut === -1 ? '' : wanted.slice(0, cut);
  }
  return fallback;
}

export interface CatalogMessageOptions extends AutofillOptions {
  channel: Channel;
  purpose: Purpose;
  /** BCP 47 tag or Auth0 locale (`en_US`); negotiated against `supportedLanguages`. */
  language?: string | undefined;
  /** The one-time code; sent as given by SMS, spelled out by voice. */
  code: string;
  /** Named in the text when given (trimmed, at most 40 characters); the wording works without it. */
  appName?: string | undefined;
}

/**
 * A built-in message for a one-time code, in the user's language when the catalog has it
 * (else English), with the language actually used, for the text-to-speech voice.
 * Notifications use the sign-in wording. A code without a letter or digit is `rejected`.
 * An SMS gets the autofill lines of `origin` and `androidAppHash` (an invalid one is
 * `invalid_config`); when they would push it past one segment, the wording without the
 * application's name is used (the origin line names the site), then the sign-in wording.
 */
export function defaultMessage(options: CatalogMessageOptions): { text: string; language: string } {
  const { channel, purpose } = options;
  if (channel !== 'sms' && channel !== 'voice') {
    throw new MfaSmsError({
      code: 'unsupported_channel',
      message: 'The built-in messages exist for the "sms" and "voice" channels only',
    });
  }
  if (typeof options.code !== 'string' || !/[0-9A-Za-z]/.test(options.code)) {
    throw new MfaSmsError({
      code: 'rejected',
      message: 'The one-time code is empty or has no speakable character (ASCII letter or digit)',
    });
  }
  const language = negotiateLanguage(options.language) as CatalogLanguage;
  const templates: LanguageTemplates = catalog[language];
  const pair =
    channel === 'voice'
      ? templates.voice
      : purpose === 'enrollment'
        ? templates.enrollment
        : templates.authentication;
  // Cut by code points, so that an emoji at the limit is not halved.
  const appName =
    typeof options.appName === 'string' ? Array.from(options.appName.trim()).slice(0, 40).join('') : '';
  const code = channel === 'voice' ? speakableCode(options.code) : options.code.trim();
  const render = (template: string) =>
    renderTemplate(template, appName === '' ? { code } : { appName, code });
  if (channel === 'voice' || (!options.origin && !options.androidAppHash)) {
    return { text: render(appName === '' ? pair[1] : pair[0]), language };
  }
  // With autofill lines, the first wording that keeps the SMS in one segment: the full one, then
  // without the application's name (the origin line names the site), then the shorter sign-in
  // wording; the last one is sent even if it does not fit.
  const autofill = parseAutofillOptions({ origin: options.origin, androidAppHash: options.androidAppHash });
  const candidates = [...(appName === '' ? [] : [pair[0]]), pair[1], templates.authentication[1]];
  let text = '';
  for (const template of candidates) {
    text = appendValidatedLines(render(template), code, autofill);
    if (countSegments(text).segments === 1) break;
  }
  return { text, language };
}
