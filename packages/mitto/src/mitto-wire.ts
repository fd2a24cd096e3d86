import { isGsm7, type PhoneMessage } from '@mfa-sms/core';
import { lazySchema } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

/** The body of `POST /sms.json`. */
export interface MittoSmsRequest {
  from: string;
  /** E.164 digits without `+`. */
  to: string;
  text: string;
  /** Left out for GSM-7 text (Mitto's default); `Unicode` otherwise, or Mitto answers responseCode 4. */
  type?: 'Unicode';
  reference?: string;
}

export function mittoSmsRequest(message: PhoneMessage, from: string): MittoSmsRequest {
  return {
    from,
    to: message.to.replace(/^\+/, ''),
    text: message.text,
    ...(isGsm7(message.text) ? {} : { type: 'Unicode' as const }),
    ...(message.reference === undefined ? {} : { reference: message.reference }),
  };
}

// Mitto's JSON numbers have been seen as strings (`"textLength":"13"`): accept both.
const integer = lazySchema(() =>
  z.union([
    z.number().check(z.int()),
    z.pipe(z.string().check(z.regex(/^\s*-?\d+\s*$/)), z.transform(Number)),
  ]),
);

/** Any answer carrying a `responseCode`, success or not. Built on first use. */
export const mittoAnswerSchema = lazySchema(() =>
  z.object({
    responseCode: integer(),
    responseText: z.optional(z.string()),
  }),
);

/** A successful send: `{id, timestamp, responseCode: 0, textLength, responseText, test}`. Built on first use. */
export const mittoSuccessSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    responseCode: integer().check(z.refine((code) => code === 0, 'must be 0 for a sent message')),
    textLength: z.optional(integer()),
  }),
);
