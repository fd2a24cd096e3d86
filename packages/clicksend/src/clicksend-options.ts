import type { Dispatcher, SenderOption } from '@mfa-sms/core';
import { lazySchema } from '@mfa-sms/core/provider';
import { senderOption, transportOptions } from '@mfa-sms/provider-schemas';
import * as z from 'zod/mini';
import { type ClickSendLanguage, type ClickSendVoice, clickSendLanguageNames } from './clicksend-voice.js';

export const clickSendBaseUrl = 'https://rest.clicksend.com';

/** Options of `createClickSend`. */
export interface ClickSendOptions {
  /** The API username (`CLICKSEND_USERNAME`), the Basic username. */
  username: string;
  /** The API key (`CLICKSEND_API_KEY`), the Basic password. */
  apiKey: string;
  /**
   * SMS sender (`CLICKSEND_FROM`): a dedicated number or an alpha tag; or one per country with
   * `'*'` for the rest. Without it ClickSend sends from the account's default sender or a
   * shared number.
   */
  from?: SenderOption;
  /**
   * Turns voice on: ClickSend no longer opens voice to new customers, so calls are offered only
   * when this is given. `voice` is the preferred voice (default `female`), `lang` the language
   * for messages whose own language ClickSend does not speak (default `en-us`).
   */
  voice?: { voice?: ClickSendVoice; lang?: ClickSendLanguage };
  /** Default `https://rest.clicksend.com`; replaces scheme, host and port (a path is kept as a prefix). */
  baseUrl?: string;
  /** Per-attempt timeout in ms, 100–60 000. Default 10 000. */
  timeoutMs?: number;
  /** An undici dispatcher (a proxy agent, a `MockAgent`). */
  dispatcher?: Dispatcher;
}

/** The options' one source of truth; `ClickSendOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() =>
  z.strictObject({
    username: z
      .string()
      .check(
        z.minLength(1, 'must not be empty'),
        z.regex(/^[^\s:]+$/, 'must not contain white space or ":"'),
      ),
    apiKey: z
      .string()
      .check(
        z.minLength(8, 'is too short to be a ClickSend API key'),
        z.regex(/^\S+$/, 'must not contain white space'),
      ),
    // ClickSend refuses a sender ID with a space (INVALID_SENDER_ID: "… contains no spaces").
    from: z.optional(
      senderOption().check(
        z.refine(
          (from) =>
            (typeof from === 'string' ? [from] : Object.values(from)).every((value) => !value.includes(' ')),
          'ClickSend refuses a sender ID with spaces',
        ),
      ),
    ),
    voice: z.optional(
      z.strictObject({
        voice: z.optional(z.enum(['female', 'male'], { error: 'must be "female" or "male"' })),
        lang: z.optional(
          z.enum(clickSendLanguageNames as [ClickSendLanguage, ...ClickSendLanguage[]], {
            error: `must be one of ClickSend's voice languages: ${clickSendLanguageNames.join(', ')}`,
          }),
        ),
      }),
    ),
    ...transportOptions(clickSendBaseUrl),
  }),
);
