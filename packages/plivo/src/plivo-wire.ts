import { lazySchema } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

/** `POST /v1/Account/{auth_id}/Message/` (https://www.plivo.com/docs/messaging/api/message#send-a-message). */
export function messagePath(authId: string): string {
  return `/v1/Account/${encodeURIComponent(authId)}/Message/`;
}

/** The JSON body of a message: numbers as digits, the way Plivo's own examples write them. */
export interface PlivoMessageRequest {
  src: string;
  dst: string;
  text: string;
  type: 'sms';
}

export function plivoMessageRequest(input: { to: string; from: string; text: string }): PlivoMessageRequest {
  // A leading + is dropped from numbers; an alphanumeric sender ID is sent as it is.
  const src = /^\+\d+$/.test(input.from) ? input.from.slice(1) : input.from;
  return { src, dst: input.to.replace(/^\+/, ''), text: input.text, type: 'sms' };
}

/**
 * The 202 answer: `{ api_id, message: "message(s) queued", message_uuid: [...] }`, and for a
 * destination Plivo refused, `invalid_number: [...]` beside an empty `message_uuid`. Built on
 * first use.
 */
export const plivoQueuedSchema = lazySchema(() =>
  z.object({
    api_id: z.optional(z.string()),
    message: z.optional(z.string()),
    message_uuid: z._default(z.array(z.string().check(z.minLength(1))), []),
    invalid_number: z.optional(z.array(z.union([z.string(), z.number()]))),
  }),
);

/** Plivo's error body: `{ api_id, error }` (https://www.plivo.com/docs/messaging/api/response). */
export const plivoErrorBodySchema = lazySchema(() =>
  z.object({
    api_id: z.optional(z.string()),
    error: z.union([z.string(), z.record(z.string(), z.unknown())]),
  }),
);
