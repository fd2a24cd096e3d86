import { lazySchema } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

// AWS End User Messaging SMS and Voice, v2 API (JSON 1.0, service `sms-voice`):
// https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_SendTextMessage.html
// https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_SendVoiceMessage.html

export const smsVoiceContentType = 'application/x-amz-json-1.0';
export const sendTextTarget = 'PinpointSMSVoiceV2.SendTextMessage';
export const sendVoiceTarget = 'PinpointSMSVoiceV2.SendVoiceMessage';
/** `MessageBody` of SendTextMessage: 1 to 1,600 characters. */
export const textMaxLength = 1600;
/** `MessageBody` of SendVoiceMessage as TEXT: 1 to 3,000 characters. */
export const voiceMaxLength = 3000;

export function sendTextBody(input: {
  to: string;
  text: string;
  sender?: string | undefined;
  reference?: string | undefined;
}): string {
  return JSON.stringify({
    DestinationPhoneNumber: input.to,
    ...(input.sender === undefined ? {} : { OriginationIdentity: input.sender }),
    MessageBody: input.text,
    MessageType: 'TRANSACTIONAL',
    ...(input.reference === undefined ? {} : { Context: { reference: input.reference } }),
  });
}

export function sendVoiceBody(input: {
  to: string;
  text: string;
  from: string;
  voiceId?: string | undefined;
  reference?: string | undefined;
}): string {
  return JSON.stringify({
    DestinationPhoneNumber: input.to,
    OriginationIdentity: input.from,
    MessageBody: input.text,
    MessageBodyTextType: 'TEXT',
    ...(input.voiceId === undefined ? {} : { VoiceId: input.voiceId }),
    ...(input.reference === undefined ? {} : { Context: { reference: input.reference } }),
  });
}

/** Both sends answer `{ MessageId }`. Built on first use. */
export const messageIdSchema = lazySchema(() => z.object({ MessageId: z.string().check(z.minLength(1)) }));

/**
 * A JSON 1.0 error body: `__type` (`com.amazonaws.pinpointsmsvoicev2#ConflictException`, or bare),
 * `Message` or `message`, and for some exceptions a `Reason`. Built on first use.
 */
export const jsonErrorSchema = lazySchema(() =>
  z.object({
    __type: z.optional(z.string()),
    Message: z.optional(z.string()),
    message: z.optional(z.string()),
    Reason: z.optional(z.string()),
  }),
);

/**
 * The error type of a JSON 1.0 answer: the `x-amzn-errortype` header (`Type:http://…` or `Type`)
 * wins, else the body's `__type` after its namespace (`…#Type`).
 */
export function jsonErrorType(header: string | undefined, bodyType: string | undefined): string | undefined {
  const fromHeader = header?.split(':')[0]?.trim();
  if (fromHeader) return fromHeader;
  const fromBody = bodyType?.split('#').pop()?.trim();
  return fromBody ? fromBody : undefined;
}
