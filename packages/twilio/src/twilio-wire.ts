import { escapeXml, lazySchema } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

/** Twilio refuses a `Body` longer than this (error 21617 / 21658). */
export const twilioMaxBodyLength = 1600;
/** Twilio refuses a `Twiml` parameter longer than this. */
export const twilioMaxTwimlLength = 4000;

export function messagesPath(accountSid: string): string {
  return `/2010-04-01/Accounts/${accountSid}/Messages.json`;
}

export function callsPath(accountSid: string): string {
  return `/2010-04-01/Accounts/${accountSid}/Calls.json`;
}

// `Authorization: Basic …` for an account SID + auth token or an API key SID + secret: core's.
export { basicAuthorization } from '@mfa-sms/core/provider';

/**
 * Twilio has no free-form reference field on a Message or a Call; the only value it keeps and
 * sends back is the status callback URL, so the reference travels as its `reference` query
 * parameter. Without a status callback it is not sent.
 */
export function statusCallbackUrl(
  statusCallback: string | undefined,
  reference: string | undefined,
): string | undefined {
  if (statusCallback === undefined) return undefined;
  if (reference === undefined || reference === '') return statusCallback;
  const url = new URL(statusCallback);
  url.searchParams.set('reference', reference);
  return url.toString();
}

export interface MessageRequestInput {
  to: string;
  text: string;
  from?: string | undefined;
  messagingServiceSid?: string | undefined;
  statusCallback?: string | undefined;
}

/**
 * The form of `POST /Messages.json`. A Messaging Service wins over `From` when both are set:
 * it picks the sender per destination and is what Twilio recommends for production.
 */
export function messageRequestForm(input: MessageRequestInput): URLSearchParams {
  const form = new URLSearchParams();
  form.set('To', input.to);
  if (input.messagingServiceSid !== undefined) form.set('MessagingServiceSid', input.messagingServiceSid);
  else if (input.from !== undefined) form.set('From', input.from);
  form.set('Body', input.text);
  if (input.statusCallback !== undefined) form.set('StatusCallback', input.statusCallback);
  return form;
}

export interface SayOptions {
  /** A `<Say language>` value (`en-GB`). */
  language: string;
  /** A `<Say voice>` value (`Polly.Amy`); the account's default voice when absent. */
  voice?: string | undefined;
  /** How many times the text is read. */
  loop: number;
}

/**
 * `<Response><Say …>text</Say></Response>`: one fixed structure. The text and every attribute
 * are XML-escaped, so no input can close the `<Say>` or add a verb.
 */
export function sayTwiml(text: string, options: SayOptions): string {
  const attributes = [`language="${escapeXml(options.language)}"`];
  if (options.voice !== undefined) attributes.push(`voice="${escapeXml(options.voice)}"`);
  attributes.push(`loop="${Math.trunc(options.loop)}"`);
  return `<Response><Say ${attributes.join(' ')}>${escapeXml(text)}</Say></Response>`;
}

export interface CallRequestInput {
  to: string;
  from: string;
  twiml: string;
  statusCallback?: string | undefined;
}

/** The form of `POST /Calls.json`. */
export function callRequestForm(input: CallRequestInput): URLSearchParams {
  const form = new URLSearchParams();
  form.set('To', input.to);
  form.set('From', input.from);
  form.set('Twiml', input.twiml);
  if (input.statusCallback !== undefined) form.set('StatusCallback', input.statusCallback);
  return form;
}

const sid = (prefixes: string) =>
  z.string().check(z.regex(new RegExp(`^(?:${prefixes})[0-9a-fA-F]{32}$`), 'is not a Twilio SID'));

/** The fields of a created Message we read; Twilio sends many more. Built on first use. */
export const twilioMessageSchema = lazySchema(() => {
  // A `num_segments` of "0" is what a Messaging Service answers before it has picked a sender.
  const segmentCount = z.pipe(
    z.nullish(z.union([z.string(), z.number()])),
    z.transform((value: string | number | null | undefined) => {
      const count = typeof value === 'string' ? Number.parseInt(value, 10) : value;
      return typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : undefined;
    }),
  );
  return z.object({
    sid: sid('SM|MM'),
    status: z.string(),
    num_segments: segmentCount,
    error_code: z.nullish(z.coerce.number()),
    error_message: z.nullish(z.string()),
  });
});

/** The fields of a created Call we read. Built on first use. */
export const twilioCallSchema = lazySchema(() =>
  z.object({
    sid: sid('CA'),
    status: z.string(),
  }),
);

/** Statuses that mean Twilio has already given up on a message it just created. */
export const failedMessageStatuses: ReadonlySet<string> = new Set(['failed', 'undelivered', 'canceled']);
