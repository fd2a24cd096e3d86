import { lazySchema } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';
import type { ClickSendLanguage, ClickSendVoice } from './clicksend-voice.js';

/** https://developers.clicksend.com/docs/messaging/sms (`POST /v3/sms/send`). */
export const smsPath = '/v3/sms/send';
/** https://developers.clicksend.com/docs/messaging/voice-messaging (`POST /v3/voice/send`). */
export const voicePath = '/v3/voice/send';
/** ClickSend's `source`: the sending application, shown in its dashboard. */
export const source = 'mfa-sms';

export interface ClickSendSmsMessage {
  source: string;
  to: string;
  body: string;
  from?: string;
  custom_string?: string;
}

export interface ClickSendVoiceMessage {
  source: string;
  to: string;
  body: string;
  voice: ClickSendVoice;
  lang: ClickSendLanguage;
  custom_string?: string;
}

function reference(value: string | undefined): { custom_string?: string } {
  return value === undefined || value === '' ? {} : { custom_string: value };
}

/** `{ messages: [one SMS] }`; the recipient in E.164 with its `+`, as ClickSend's examples write it. */
export function smsRequest(input: {
  to: string;
  text: string;
  from?: string | undefined;
  reference?: string | undefined;
}) {
  const message: ClickSendSmsMessage = {
    source,
    to: input.to,
    body: input.text,
    ...(input.from === undefined ? {} : { from: input.from }),
    ...reference(input.reference),
  };
  return { messages: [message] };
}

/** `{ messages: [one call] }`: the text to read, the voice and language it is read in. */
export function voiceRequest(input: {
  to: string;
  body: string;
  voice: ClickSendVoice;
  lang: ClickSendLanguage;
  reference?: string | undefined;
}) {
  const message: ClickSendVoiceMessage = {
    source,
    to: input.to,
    body: input.body,
    voice: input.voice,
    lang: input.lang,
    ...reference(input.reference),
  };
  return { messages: [message] };
}

/**
 * Every ClickSend answer: `{ http_code, response_code, response_msg, data }`; a send's `data`
 * holds one entry per message, each with its own `status` (the top-level `response_code` may say
 * SUCCESS while a message failed). Only what we read; built on first use.
 */
export const clickSendAnswerSchema = lazySchema(() =>
  z.object({
    http_code: z.optional(z.number()),
    response_code: z.optional(z.string()),
    response_msg: z.optional(z.string()),
    data: z.optional(
      z.nullable(
        z.object({
          messages: z.optional(
            z.array(
              z.object({
                status: z.string(),
                message_id: z.optional(z.nullable(z.string())),
                message_parts: z.optional(z.nullable(z.union([z.number(), z.string()]))),
              }),
            ),
          ),
        }),
      ),
    ),
  }),
);

export type ClickSendAnswer = z.infer<ReturnType<typeof clickSendAnswerSchema>>;
