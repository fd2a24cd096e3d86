import type { Dispatcher, SenderOption } from '@mfa-sms/core';
import { lazySchema } from '@mfa-sms/core/provider';
import { senderOption, transportOptions } from '@mfa-sms/provider-schemas';
import * as z from 'zod/mini';
import { readPrivateKey } from './vonage-jwt.js';
import { type VonageTalkLanguage, vonageTalkLanguages } from './vonage-wire.js';

export interface VonageOptions {
  /** `VONAGE_API_KEY`. */
  apiKey: string;
  /** `VONAGE_API_SECRET`. */
  apiSecret: string;
  /**
   * `VONAGE_FROM_NUMBER`: an alphanumeric sender of at most 11 characters, or a number; or one per
   * country with `'*'` for the rest (`{ '*': 'Acme', US: '14155550100' }`). Countries that refuse
   * alphanumeric senders (US, CA) get a number or nothing.
   */
  from: SenderOption;
  /** `sms` (default): the classic SMS API, as the `nexmo` package used; `messages`: the Messages API. */
  api?: 'sms' | 'messages';
  /** Vonage application id; with `privateKey`, enables voice. */
  applicationId?: string;
  /**
   * The application's private key (PEM); signs a short-lived JWT per call. A key pasted into a
   * one-line secret with `\n` escapes is accepted.
   */
  privateKey?: string;
  voice?: {
    /** Talk language when the message has none Vonage reads. Default `en-GB`. */
    language?: VonageTalkLanguage;
    /** Vonage voice style number for the language. Default 0. */
    style?: number;
    /** How many times the text is read. Default 2. */
    loop?: number;
    /**
     * Caller for calls: a number, or `'random'` for any number linked to the application. Required
     * when `from` is alphanumeric, since a call cannot come from a name. Default `from`.
     */
    from?: string;
  };
  /** One origin replacing both rest.nexmo.com and api.nexmo.com (regional hosts, the simulator). */
  baseUrl?: string;
  /** Per-attempt timeout. Default 10 000 ms. */
  timeoutMs?: number;
  /** An undici dispatcher (a proxy agent, a `MockAgent` in tests). */
  dispatcher?: Dispatcher;
}

export const phoneNumber = /^\+?[1-9]\d{6,14}$/;

// Secret stores with one-line fields (Auth0's among them) turn a PEM's line breaks into "\n".
export function unescapePem(value: string): string {
  return value.includes('\n') ? value.trim() : value.replace(/(?:\\r)?\\n/g, '\n').trim();
}

export function isRsaPrivateKey(value: string): boolean {
  try {
    readPrivateKey(value);
    return true;
  } catch {
    return false;
  }
}

/** The options' one source of truth; `VonageOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() =>
  z
    .strictObject({
      apiKey: z.string().check(z.minLength(1, 'is required')),
      apiSecret: z.string().check(z.minLength(1, 'is required')),
      from: senderOption(),
      api: z._default(z.enum(['sms', 'messages']), 'sms'),
      // Any 8-4-4-4-12 hex form: Vonage's documentation shows ids that are not RFC 4122 UUIDs.
      applicationId: z.optional(z.guid('must be a Vonage application id (8-4-4-4-12 hex digits)')),
      privateKey: z.optional(
        z
          .pipe(z.string(), z.transform(unescapePem))
          .check(z.refine(isRsaPrivateKey, 'must be the application’s RSA private key in PEM form')),
      ),
      voice: z._default(
        z.strictObject({
          language: z._default(z.enum(vonageTalkLanguages), 'en-GB'),
          style: z._default(z.number().check(z.int(), z.gte(0)), 0),
          loop: z._default(z.number().check(z.int(), z.gte(1), z.lte(10)), 2),
          from: z.optional(
            z
              .string()
              .check(
                z.refine(
                  (value) => value === 'random' || phoneNumber.test(value),
                  'must be a number or "random"',
                ),
              ),
          ),
        }),
        { language: 'en-GB', style: 0, loop: 2 },
      ),
      ...transportOptions(),
    })
    .check(
      z.superRefine((options, context) => {
        if ((options.applicationId === undefined) !== (options.privateKey === undefined)) {
          context.addIssue({
            code: 'custom',
            path: [options.applicationId === undefined ? 'applicationId' : 'privateKey'],
            message: 'applicationId and privateKey enable voice together; give both or neither',
          });
        }
        const callers =
          options.voice.from !== undefined
            ? [options.voice.from]
            : typeof options.from === 'string'
              ? [options.from]
              : Object.values(options.from);
        if (
          options.applicationId &&
          !callers.some((caller) => caller === 'random' || phoneNumber.test(caller))
        ) {
          context.addIssue({
            code: 'custom',
            path: ['voice', 'from'],
            message: 'is required for voice when "from" is not a number (a number, or "random")',
          });
        }
      }),
    ),
);
