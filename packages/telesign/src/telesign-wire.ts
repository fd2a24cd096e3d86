import { lazySchema } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

// Request and answer shapes of the SMS API (https://developer.telesign.com/enterprise/reference/sms)
// and the Voice API (https://standard.telesign.com/api-reference/apis/voice-api/send-a-voice-message/post-voice).

export const messagingPath = '/v1/messaging';
export const voicePath = '/v1/voice';

/** The Voice API reads at most 1,600 characters. */
export const telesignMaxVoiceLength = 1600;

/** `external_id` is echoed in status callbacks; Telesign refuses one over 100 characters or not ASCII (11016). */
const externalIdPattern = /^[\x20-\x7e]{1,100}$/;

// Telesign's Basic header (Customer ID : API key) is core's; telesign-wire.test.ts checks it
// against Telesign's own SDK tests.
export { basicAuthorization } from '@mfa-sms/core/provider';

export interface TelesignRequest {
  /** +E.164; Telesign wants the digits alone. */
  to: string;
  text: string;
  reference?: string | undefined;
  /** Voice only. */
  voice?: string | undefined;
}

/**
 * The form body of both endpoints. `message_type=OTP` tells Telesign the traffic is one-time
 * passcodes (the classic guide left it undefined for voice and sent ARN for SMS).
 */
export function telesignForm(request: TelesignRequest): URLSearchParams {
  const form = new URLSearchParams({
    phone_number: request.to.replace(/^\+/, ''),
    message: request.text,
    message_type: 'OTP',
  });
  if (request.voice !== undefined) form.set('voice', request.voice);
  if (request.reference !== undefined && externalIdPattern.test(request.reference)) {
    form.set('external_id', request.reference);
  }
  return form;
}

const statusCode = () =>
  z.union([
    z.number().check(z.int()),
    z.pipe(z.string().check(z.regex(/^\s*-?\d+\s*$/)), z.transform(Number)),
  ]);

/** Any answer with a status (success or not) and, on failures, an `errors` list. Built on first use. */
export const telesignAnswerSchema = lazySchema(() =>
  z.object({
    reference_id: z.optional(z.string()),
    status: z.object({
      code: statusCode(),
      description: z.optional(z.string()),
    }),
    errors: z.optional(
      z.array(
        z.object({
          code: z.optional(statusCode()),
          description: z.optional(z.string()),
        }),
      ),
    ),
  }),
);

/** A transaction Telesign took on: it has a reference id. Built on first use. */
export const telesignAcceptedSchema = lazySchema(() =>
  z.object({
    reference_id: z.string().check(z.minLength(1)),
    status: z.object({ code: statusCode() }),
  }),
);

export type TelesignAnswer = z.infer<ReturnType<typeof telesignAnswerSchema>>;
