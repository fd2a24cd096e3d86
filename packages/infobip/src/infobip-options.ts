import type { Dispatcher, SenderOption } from '@mfa-sms/core';
import { lazySchema } from '@mfa-sms/core/provider';
import { senderOption, transportOptions } from '@mfa-sms/provider-schemas';
import * as z from 'zod/mini';
import { infobipTtsLanguage } from './infobip-tts-language.js';

/** Why `baseUrl` has no default: the classic Auth0 guide hard-coded one account's host. */
export const missingBaseUrl =
  'is required: every Infobip account has its own API host, such as https://xxxxx.api.infobip.com (shown on the Infobip portal homepage)';

const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The options' one source of truth; `InfobipOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() => {
  // The portal shows the host without a scheme (`xxxxx.api.infobip.com`): https is assumed then.
  const baseUrl = z.pipe(
    z.pipe(
      z.string({ error: (issue) => (issue.input === undefined ? missingBaseUrl : 'must be a URL') }),
      z.transform((value: string) => (hasScheme.test(value) ? value : `https://${value}`)),
    ),
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://xxxxx.api.infobip.com' }),
  );
  const voiceSchema = z.strictObject({
    from: z.optional(
      z.string().check(z.regex(/^\+?[1-9]\d{5,14}$/, 'must be a number in E.164 form, such as +41793026727')),
    ),
    language: z.optional(
      z
        .string()
        .check(
          z.refine(
            (value) => infobipTtsLanguage(value) !== undefined,
            'must be a language Infobip text to speech speaks, such as "en" or "de-AT"',
          ),
        ),
    ),
  });
  return z.strictObject({
    apiKey: z
      .string()
      .check(z.minLength(1, 'must not be empty'), z.regex(/^\S+$/, 'must not contain white space')),
    from: z.optional(senderOption()),
    voice: z._default(voiceSchema, {}),
    ...transportOptions(),
    baseUrl,
  });
});

/** Options of `createInfobip`. */
export interface InfobipOptions {
  /** An Infobip API key (sent as `Authorization: App <apiKey>`): the Action secret `INFOBIP_API_KEY`. */
  apiKey: string;
  /**
   * Your account's API base URL, `https://xxxxx.api.infobip.com` (the portal homepage shows it;
   * a host without `https://` is accepted). Required: Infobip has no shared host.
   */
  baseUrl: string;
  /**
   * SMS sender: an alphanumeric sender id or a number registered with Infobip, or one per country
   * with `'*'` for the rest (`{ '*': 'Acme', US: '+14155550100' }`). Without one, Infobip uses
   * the account's default sender.
   */
  from?: SenderOption;
  voice?: {
    /** Caller id for calls, a number in E.164 (`+41793026727`); Infobip's default when absent. */
    from?: string;
    /**
     * Language read when the message has none, or one Infobip cannot speak: a BCP 47 tag or an
     * Infobip TTS language (`en`, `de-at`). Default `en`.
     */
    language?: string;
  };
  /** Per-request timeout, 100 to 60 000 ms. Default 10 000. */
  timeoutMs?: number;
  /** An undici dispatcher (proxy, `MockAgent`). */
  dispatcher?: Dispatcher;
}
