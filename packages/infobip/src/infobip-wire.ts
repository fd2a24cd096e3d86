import { lazySchema } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

/** SMS API v3, "Send SMS message" (https://www.infobip.com/docs/api/channels/sms/sms-messaging/outbound-sms/send-sms-messages). */
export const smsPath = '/sms/3/messages';
/** Voice, "Send advanced voice message" (https://www.infobip.com/docs/api/channels/voice/voice-message/send-advanced-voice-tts). */
export const ttsPath = '/tts/3/advanced';

/** Infobip refuses a TTS text longer than this (the request schema's `text` description). */
export const infobipMaxTtsTextLength = 1400;
/** The longest `callbackData` a TTS message takes (the request schema's description). */
export const infobipMaxTtsCallbackData = 700;
/** The longest `webhooks.callbackData` an SMS takes (the request schema's description). */
export const infobipMaxSmsCallbackData = 4000;

/** Infobip writes numbers as E.164 digits without `+` (`41793026727`) in every example. */
export function infobipNumber(e164: string): string {
  return e164.startsWith('+') ? e164.slice(1) : e164;
}

export interface SmsRequestInput {
  to: string;
  text: string;
  sender?: string | undefined;
  reference?: string | undefined;
}

/** The body of `POST /sms/3/messages` for one message to one destination. */
export function smsRequestBody(input: SmsRequestInput): Record<string, unknown> {
  const message: Record<string, unknown> = {
    ...(input.sender === undefined ? {} : { sender: input.sender }),
    destinations: [{ to: infobipNumber(input.to) }],
    content: { text: input.text },
  };
  // The only field Infobip hands back untouched (in delivery reports) is the callback data.
  if (input.reference !== undefined && input.reference !== '') {
    message.webhooks = { callbackData: input.reference.slice(0, infobipMaxSmsCallbackData) };
  }
  // With the count in the answer, the segments reported are Infobip's own, not our estimate.
  return { messages: [message], options: { includeSmsCountInResponse: true } };
}

export interface TtsRequestInput {
  to: string;
  text: string;
  language: string;
  from?: string | undefined;
  reference?: string | undefined;
}

/** The body of `POST /tts/3/advanced` for one call reading `text` once. */
export function ttsRequestBody(input: TtsRequestInput): Record<string, unknown> {
  const message: Record<string, unknown> = {
    destinations: [{ to: infobipNumber(input.to) }],
    text: input.text,
    language: input.language,
    ...(input.from === undefined ? {} : { from: infobipNumber(input.from) }),
  };
  if (input.reference !== undefined && input.reference !== '') {
    message.callbackData = input.reference.slice(0, infobipMaxTtsCallbackData);
  }
  return { messages: [message] };
}

/** Infobip's status object (https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes). */
const statusSchema = () =>
  z.object({
    groupId: z.number().check(z.int()),
    groupName: z.string(),
    id: z.optional(z.number().check(z.int())),
    name: z.string(),
    description: z.optional(z.string()),
    action: z.optional(z.string()),
  });

export type InfobipStatus = z.infer<ReturnType<typeof statusSchema>>;

/** The 200 answer of `POST /sms/3/messages` (`SmsResponseEnvelope`): only what we read. */
export const smsAnswerSchema = lazySchema(() =>
  z.object({
    bulkId: z.optional(z.string()),
    messages: z
      .array(
        z.object({
          messageId: z.string().check(z.minLength(1)),
          status: statusSchema(),
          details: z.optional(z.object({ messageCount: z.optional(z.number().check(z.int())) })),
        }),
      )
      .check(z.minLength(1)),
  }),
);

/** The 200 answer of `POST /tts/3/advanced` (`StandardVoiceResponse`): only what we read. */
export const ttsAnswerSchema = lazySchema(() =>
  z.object({
    bulkId: z.optional(z.string()),
    messages: z
      .array(z.object({ messageId: z.string().check(z.minLength(1)), status: statusSchema() }))
      .check(z.minLength(1)),
  }),
);
