import { lazySchema } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

/** Where the Verify API lives; a `baseUrl` option replaces its scheme, host and port as well. */
export const twilioVerifyBaseUrl = 'https://verify.twilio.com';

export function verificationsPath(serviceSid: string): string {
  return `/v2/Services/${serviceSid}/Verifications`;
}

/** What Verify accepts as `CustomCode`: 4 to 10 characters. */
export const verifyCustomCodePattern = /^[0-9A-Za-z]{4,10}$/;

// The `Locale` values Verify documents for SMS and calls.
const verifyLocales = new Set([
  'af',
  'ar',
  'ca',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'fi',
  'fr',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'ms',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sv',
  'th',
  'tl',
  'tr',
  'vi',
  'zh',
  'zh-CN',
  'zh-HK',
]);

/**
 * Verify's `Locale` for a BCP 47 language: the tag itself when Verify has it (`pt-BR`), else its
 * bare language (`fr-CA` → `fr`), else none (Verify then picks by the number's country).
 */
export function verifyLocale(language: string | undefined): string | undefined {
  if (language === undefined) return undefined;
  if (verifyLocales.has(language)) return language;
  const bare = language.split('-')[0] ?? '';
  return verifyLocales.has(bare) ? bare : undefined;
}

export interface VerificationRequestInput {
  to: string;
  channel: 'sms' | 'voice';
  code: string;
  language?: string | undefined;
}

/**
 * The form of `POST /v2/Services/{sid}/Verifications`: Auth0's code as `CustomCode`, so that
 * Auth0 keeps checking it and Verify only delivers it (with its own wording and Fraud Guard).
 */
export function verificationRequestForm(input: VerificationRequestInput): URLSearchParams {
  const form = new URLSearchParams();
  form.set('To', input.to);
  form.set('Channel', input.channel === 'voice' ? 'call' : 'sms');
  form.set('CustomCode', input.code);
  const locale = verifyLocale(input.language);
  if (locale !== undefined) form.set('Locale', locale);
  return form;
}

/** The fields of a created Verification we read; Twilio sends many more. Built on first use. */
export const twilioVerificationSchema = lazySchema(() =>
  z.object({
    sid: z.string().check(z.regex(/^VE[0-9a-fA-F]{32}$/, 'is not a Verification SID')),
    status: z.string(),
  }),
);
