import {
  countSegments,
  maskPhoneNumber,
  type PhoneMessage,
  type Provider,
  type SendOptions,
  type SendResult,
  speakCodesInText,
} from '@mfa-sms/core';
import {
  assertSendable,
  createHttpClient,
  createProviderErrors,
  createSenderResolver,
  type HttpResponse,
  parseOptions,
  type Schema,
  sensitiveValuesOf,
} from '@mfa-sms/core/provider';
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
  const settings = parseOptions(optionsSchema, options, { provider: name, label });
  const authorization = `App ${settings.apiKey}`;
  const errors = createProviderErrors({ provider: name, label, secrets: [settings.apiKey, authorization] });
  const http = createHttpClient({
    errors,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    dispatcher: settings.dispatcher,
    headers: {
      authorization,
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': `mfa-sms-infobip/${__PACKAGE_VERSION__}`,
    },
  });
  // Infobip sends from the account's default sender or caller id when none is given.
  const smsSenders = createSenderResolver(settings.from, {
    provider: name,
    label,
    required: { sms: false, voice: false },
  });
  const voiceSenders = createSenderResolver(settings.voice.from, {
    provider: name,
    label,
    option: 'voice.from',
    required: { sms: false, voice: false },
  });
  const defaultLanguage = infobipTtsLanguage(settings.voice.language) ?? 'en';

  async function post<T extends { messages: readonly { status: InfobipStatus }[] }>(
    path: string,
    body: Record<string, unknown>,
    message: PhoneMessage,
    schema: Schema<T>,
    sendOptions: SendOptions | undefined,
  ): Promise<T> {
    const sensitive = sensitiveValuesOf(message);
    const response: HttpResponse = await http.request({
      path,
      body: JSON.stringify(body),
      sensitive,
      signal: sendOptions?.signal,
      timeoutMs: sendOptions?.timeoutMs,
    });
    if (response.status < 200 || response.status > 299) throw infobipHttpError(http, response, sensitive);
    const answer = http.parseJson(response, schema);
    const [sent] = answer.messages;
    // Infobip answers 200 for a message it refused at once (no credit, a blocked destination).
    if (sent !== undefined && isRefused(sent.status)) {
      throw refusedMessageError(errors, sent.status, {
        httpStatus: response.status,
        sensitive,
        recipient: maskPhoneNumber(message.to),
      });
    }
    return answer;
  }

  async function sendSms(message: PhoneMessage, sendOptions?: SendOptions): Promise<SendResult> {
    const sender = smsSenders(message).sender;
    const body = smsRequestBody({ to: message.to, text: message.text, sender, reference: message.reference });
    const answer = await post(smsPath, body, message, smsAnswerSchema(), sendOptions);
    const sent = answer.messages[0] as (typeof answer.messages)[number];
    return {
      provider: name,
      channel: 'sms',
      id: sent.messageId,
      to: message.to,
      segments: sent.details?.messageCount ?? countSegments(message.text).segments,
    };
  }

  async function sendVoice(message: PhoneMessage, sendOptions?: SendOptions): Promise<SendResult> {
    const text = speakCodesInText(message.text, message.code);
    if (text.length > infobipMaxTtsTextLength) {
      throw errors.create({
        code: 'rejected',
        message: `${label}: the call's text has ${text.length} characters; Infobip reads at most ${infobipMaxTtsTextLength}`,
        sensitive: sensitiveValuesOf(message),
      });
    }
    // A Phone Template's "From" is used for a call when it is a number; a name cannot call.
    const from = voiceSenders(message).sender;
    const language = infobipTtsLanguage(message.language) ?? defaultLanguage;
    const body = ttsRequestBody({ to: message.to, text, language, from, reference: message.reference });
    const answer = await post(ttsPath, body, message, ttsAnswerSchema(), sendOptions);
    const sent = answer.messages[0] as (typeof answer.messages)[number];
    return { provider: name, channel: 'voice', id: sent.messageId, to: message.to };
  }

  return {
    name,
    channels,
    send(message, sendOptions) {
      // Checks run before any await so that bad input never reaches the network, even by a tick.
      try {
        assertSendable(message, { name, label, channels });
      } catch (error) {
        return Promise.reject(error);
      }
      return message.channel === 'voice' ? sendVoice(message, sendOptions) : sendSms(message, sendOptions);
    },
  };
}
