import type { Dispatcher, SenderOption } from '@mfa-sms/core';
import { lazySchema } from '@mfa-sms/core/provider';
import { senderOption, transportOptions } from '@mfa-sms/provider-schemas';
import * as z from 'zod/mini';

export const sidPattern = (prefix: string) =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(`^${prefix}[0-9a-fA-F]{32}$`),
        `must be "${prefix}" followed by 32 hexadecimal characters`,
      ),
    );

export const twilioBaseUrl = 'https://api.twilio.com';

/** The options' one source of truth; `TwilioOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() => {
  const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
  const voiceName = z.string().check(z.minLength(1), z.maxLength(100));
  const voiceSchema = z.strictObject({
    language: z.optional(
      z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en-GB"')),
    ),
    voice: z.optional(
      z.union([voiceName, z.record(z.string().check(z.minLength(2), z.maxLength(20)), voiceName)], {
        error: 'must be a voice name such as "Polly.Amy" or a map of language to voice name',
      }),
    ),
    loop: z._default(z.number().check(z.int(), z.gte(1), z.lte(5)), 2),
  });
  return z
    .strictObject({
      accountSid: sidPattern('AC'),
      authToken: z.optional(z.string().check(z.minLength(8, 'is too short to be a Twilio auth token'))),
      apiKeySid: z.optional(sidPattern('SK')),
      apiKeySecret: z.optional(
        z.string().check(z.minLength(8, 'is too short to be a Twilio API key secret')),
      ),
      from: z.optional(senderOption()),
      messagingServiceSid: z.optional(sidPattern('MG')),
      verifyServiceSid: z.optional(sidPattern('VA')),
      ...transportOptions(twilioBaseUrl),
      voice: z._default(voiceSchema, { loop: 2 }),
      statusCallback: z.optional(httpUrl),
    })
    .check(
      z.superRefine((options, context) => {
        const hasKey = options.apiKeySid !== undefined || options.apiKeySecret !== undefined;
        if (options.authToken === undefined && !hasKey) {
          context.addIssue({
            code: 'custom',
            path: ['authToken'],
            message: 'is required unless apiKeySid and apiKeySecret are given',
          });
        } else if (options.authToken !== undefined && hasKey) {
          context.addIssue({
            code: 'custom',
            path: ['authToken'],
            message: 'give either authToken or apiKeySid + apiKeySecret, not both',
          });
        } else if (hasKey && options.apiKeySid === undefined) {
          context.addIssue({ code: 'custom', path: ['apiKeySid'], message: 'is required with apiKeySecret' });
        } else if (hasKey && options.apiKeySecret === undefined) {
          context.addIssue({ code: 'custom', path: ['apiKeySecret'], message: 'is required with apiKeySid' });
        }
        if (
          options.from === undefined &&
          options.messagingServiceSid === undefined &&
          options.verifyServiceSid === undefined
        ) {
          context.addIssue({
            code: 'custom',
            path: ['from'],
            message:
              'give from, messagingServiceSid or both (or verifyServiceSid to send one-time codes through Verify)',
          });
        }
      }),
    );
});

/** Options of `createTwilio`. */
export interface TwilioOptions {
  /** `AC` + 32 hex: the account that sends (it is always the one in the request path). */
  accountSid: string;
  /** The account's auth token; or use an API key (`apiKeySid` + `apiKeySecret`). */
  authToken?: string;
  /** `SK` + 32 hex. */
  apiKeySid?: string;
  apiKeySecret?: string;
  /**
   * Sender: a +E.164 Twilio number (SMS and voice), or for SMS only a short code or an
   * alphanumeric sender ID; or one per country with `'*'` for the rest:
   * `{ '*': 'Acme', US: '+14155550100', CA: '+14155550100' }`. Voice needs a +E.164 number, and
   * countries that refuse alphanumeric senders (US, CA) get a number or nothing.
   */
  from?: SenderOption;
  /** `MG` + 32 hex. Preferred over `from` for SMS when both are set. */
  messagingServiceSid?: string;
  /**
   * `VA` + 32 hex: sends one-time codes through Twilio Verify (`CustomCode`, so Auth0 keeps
   * checking the code) by SMS or call, with Verify's wording and its Fraud Guard. The service
   * must have custom verification codes enabled (Twilio enables them on request). Messages
   * without a code go through `from` / `messagingServiceSid`, if given.
   */
  verifyServiceSid?: string;
  /** Replaces scheme, host and port of `https://api.twilio.com` (and of `https://verify.twilio.com`); paths stay. */
  baseUrl?: string;
  /** Per-request timeout, 100 to 60 000 ms. Default 10 000. */
  timeoutMs?: number;
  /** An undici dispatcher (proxy, `MockAgent`). */
  dispatcher?: Dispatcher;
  voice?: {
    /** `<Say language>` for messages without a language, or in one Twilio cannot speak. Default `en-US`. */
    language?: string;
    /** `<Say voice>`: one voice (`Polly.Amy`), or a map from `<Say language>` value or bare language to voice. */
    voice?: string | Record<string, string>;
    /** How many times the call reads the text, 1 to 5. Default 2. */
    loop?: number;
  };
  /** Twilio's `StatusCallback` URL; a message's `reference` is added to it as `?reference=`. */
  statusCallback?: string;
}
