import type { PhoneMessage, Provider, SendOptions } from '@mfa-sms/core';
import { countSegments, maskPhoneNumber, speakCodesInText } from '@mfa-sms/core';
import type { Delivered, Schema } from '@mfa-sms/core/provider';
import { buildProvider, createProviderClient, postMessage } from '@mfa-sms/core/provider';
import { infobipHttpError, isRefused, refusedMessageError } from './infobip-errors.js';
import { type InfobipOptions, optionsSchema } from './infobip-options.js';
import { infobipTtsLanguage } from './infobip-tts-language.js';
import {
  type InfobipStatus,
  infobipMaxTtsTextLength,
  smsAnswerSchema,
  smsPath,
  smsRequestBody,
  ttsAnswerSchema,
  ttsPath,
  ttsRequestBody,
} from './infobip-wire.js';

const name = 'infobip';
const label = 'Infobip';
const channels = ['sms', 'voice'] as const;

/**
 * An Infobip provider: SMS through the SMS API v3 (`POST /sms/3/messages`), voice through text to
 * speech (`POST /tts/3/advanced`) with the code read one character at a time. Options are checked
 * now: a bad one throws `invalid_config` naming it (never its value).
 */
export function createInfobip(options: InfobipOptions): Provider {
  const {
    settings,
    errors,
    http,
    senders: smsSenders,
    senderResolver,
  } = createProviderClient(optionsSchema, options, {
    name,
    label,
    version: __PACKAGE_VERSION__,
    secrets: (checked) => [checked.apiKey],
    authorization: (checked) => `App ${checked.apiKey}`,
    encoding: 'json',
  });
  // Infobip sends from the account's default sender or caller id when none is given.
  const voiceSenders = senderResolver(settings.voice.from, 'voice.from');
  const defaultLanguage = infobipTtsLanguage(settings.voice.language) ?? 'en';

  async function post<T extends { messages: readonly { status: InfobipStatus }[] }>(
    path: string,
    body: Record<string, unknown>,
    message: PhoneMessage,
    schema: Schema<T>,
    sendOptions: SendOptions | undefined,
  ): Promise<T> {
    const { answer, response, sensitive } = await postMessage(http, {
      path,
      body,
      message,
      sendOptions,
      failure: (failed, values) => infobipHttpError(http, failed, values),
      schema,
    });
    const [sent] = answer.messages;
    // Infobip answers 200 for a message it refused at once (no credit, a blocked destination).
    if (sent !== undefined && isRefused(sent.status)) {
      throw refusedMessageError(errors, sent.status, {
        httpStatus: response.status,
        sensitive: sensitive(),
        recipient: maskPhoneNumber(message.to),
      });
    }
    return answer;
  }

  async function sendSms(message: PhoneMessage, sendOptions?: SendOptions): Promise<Delivered> {
    const sender = smsSenders(message).sender;
    const body = smsRequestBody({ to: message.to, text: message.text, sender, reference: message.reference });
    const answer = await post(smsPath, body, message, smsAnswerSchema(), sendOptions);
    const sent = answer.messages[0] as (typeof answer.messages)[number];
    return {
      id: sent.messageId,
      segments: sent.details?.messageCount ?? countSegments(message.text).segments,
    };
  }

  async function sendVoice(message: PhoneMessage, sendOptions?: SendOptions): Promise<Delivered> {
    const text = speakCodesInText(message.text, message.code);
    if (text.length > infobipMaxTtsTextLength) {
      const reason = `the call's text has ${text.length} characters; Infobip reads at most ${infobipMaxTtsTextLength}`;
      throw errors.rejected(message, reason);
    }
    // A Phone Template's "From" is used for a call when it is a number; a name cannot call.
    const from = voiceSenders(message).sender;
    const language = infobipTtsLanguage(message.language) ?? defaultLanguage;
    const body = ttsRequestBody({ to: message.to, text, language, from, reference: message.reference });
    const answer = await post(ttsPath, body, message, ttsAnswerSchema(), sendOptions);
    return { id: (answer.messages[0] as (typeof answer.messages)[number]).messageId };
  }

  return buildProvider({
    name,
    label,
    channels,
    send: (message, sendOptions) =>
      message.channel === 'voice' ? sendVoice(message, sendOptions) : sendSms(message, sendOptions),
  });
}
