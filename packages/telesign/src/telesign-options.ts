import type { Dispatcher } from '@mfa-sms/core';
import { lazySchema } from '@mfa-sms/core/provider';
import { transportOptions } from '@mfa-sms/provider-schemas';
import * as z from 'zod/mini';

/** Telesign's origin for self-service accounts; Enterprise accounts use `https://rest-ww.telesign.com`. */
export const telesignBaseUrl = 'https://rest-api.telesign.com';

// A Telesign voice name: `f-` and a language tag (`f-en-GB`), as the Voice API documents them.
const voiceName = () =>
  z.string().check(z.regex(/^[a-z]-[a-z]{2,3}-[A-Z]{2}$/, 'must be a Telesign voice such as "f-en-GB"'));

/** The options' one source of truth; `TelesignOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() =>
  z.strictObject({
    // Basic authentication puts the customer id before a colon: one inside it would shift the key.
    customerId: z
      .string()
      .check(
        z.minLength(1, 'must not be empty'),
        z.regex(/^[^\s:]+$/, 'must not contain white space or a colon'),
      ),
    apiKey: z
      .string()
      .check(z.minLength(1, 'must not be empty'), z.regex(/^\S+$/, 'must not contain white space')),
    ...transportOptions(telesignBaseUrl),
    voice: z._default(
      z.strictObject({
        voice: z.optional(
          z.union([voiceName(), z.record(z.string().check(z.minLength(2), z.maxLength(20)), voiceName())], {
            error: 'must be a Telesign voice such as "f-en-GB", or a map of language to voice',
          }),
        ),
      }),
      {},
    ),
  }),
);

/** Options of `createTelesign`. */
export interface TelesignOptions {
  /** The account's Customer ID (the classic guide's `TELESIGN_CUSTOMER_ID`). */
  customerId: string;
  /** The account's REST API key (the classic guide's `TELESIGN_API_KEY`). */
  apiKey: string;
  /**
   * Default `https://rest-api.telesign.com`; Enterprise accounts set `https://rest-ww.telesign.com`.
   * Scheme, host and port are replaced; a path is kept as a prefix.
   */
  baseUrl?: string;
  /** Per-request timeout, 100 to 60 000 ms. Default 10 000. */
  timeoutMs?: number;
  /** An undici dispatcher (proxy, `MockAgent`). */
  dispatcher?: Dispatcher;
  voice?: {
    /**
     * The `voice` of every call (`f-en-GB`), or a map from a message's language (`en-GB` or bare
     * `en`) to a voice. By default the voice Telesign documents for the message's language; for a
     * language it documents none for, Telesign's default (`f-en-US`).
     */
    voice?: string | Record<string, string>;
  };
}
