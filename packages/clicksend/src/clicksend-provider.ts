import {
  type Channel,
  countSegments,
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
  parseOptions,
  sensitiveValuesOf,
} from '@mfa-sms/core/provider';
import { clickSendError } from './clicksend-errors.js';
import { type ClickSendOptions, optionsSchema } from './clicksend-options.js';
import { clickSendLanguageFor, clickSendVoiceFor } from './clicksend-voice.js';
import {
  basicAuthorization,
  type ClickSendAnswer,
  clickSendAnswerSchema,
  smsPath,
  smsRequest,
  voicePath,
  voiceRequest,
} from './clicksend-wire.js';

const label = 'ClickSend';
const name = 'clicksend';

/** A ClickSend provider: SMS through `/v3/sms/send`, and voice through `/v3/voice/send` when configured. */
export function createClickSend(options: ClickSendOptions): Provider {
  const settings = parseOptions(optionsSchema, options, { provider: name, label });
  const authorization = basicAuthorization(settings.username, settings.apiKey);
  const errors = createProviderErrors({
    provider: name,
    label,
    secrets: [settings.apiKey, authorization, authorization.slice(6)],
  });
  const http = createHttpClient({
    errors,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    dispatcher: settings.dispatcher,
    headers: {
      authorization,
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': `mfa-sms-clicksend/${__PACKAGE_VERSION__}`,
    },
  });
  // Without a sender ClickSend uses the account's default sender or a shared number.
  const senders = createSenderResolver(settings.from, {
    provider: name,
    label,
    required: { sms: false, voice: false },
  });
  // ClickSend no longer opens voice to new customers: calls only for accounts that configure them.
  const voice = settings.voice;
  const channels: readonly Channel[] = voice === undefined ? ['sms'] : ['sms', 'voice'];

  async function post(
    path: string,
    body: unknown,
    message: PhoneMessage,
    sendOptions: SendOptions | undefined,
  ): Promise<{ id: string; parts: number | undefined }> {
    const sensitive = () => sensitiveValuesOf(message);
    const response = await http.request({
      path,
      body: JSON.stringify(body),
      sensitive,
      signal: sendOptions?.signal,
      timeoutMs: sendOptions?.timeoutMs,
    });
    const failure = (answer: ClickSendAnswer | undefined) =>
      clickSendError(http, response, answer, { to: message.to, sensitive: sensitive() });
    if (response.status < 200 || response.status >= 300) {
      throw failure(http.tryParseJson(response, clickSendAnswerSchema()));
    }
    const answer = http.parseJson(response, clickSendAnswerSchema());
    const sent = answer.data?.messages?.[0];
    // A 200 says nothing about the message: its own status does.
    if (sent === undefined) {
      if (answer.response_code !== undefined && answer.response_code !== 'SUCCESS') throw failure(answer);
      throw errors.unexpectedAnswer(response, 'data.messages: no message in the answer');
    }
    if (sent.status !== 'SUCCESS') throw failure(answer);
    if (!sent.message_id) throw errors.unexpectedAnswer(response, 'data.messages.0.message_id: missing');
    const parts = Number(sent.message_parts);
    return { id: sent.message_id, parts: Number.isInteger(parts) && parts > 0 ? parts : undefined };
  }

  async function sendSms(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<SendResult> {
    const choice = senders(message);
    if (choice.problem) throw choice.problem;
    const body = smsRequest({
      to: message.to,
      text: message.text,
      from: choice.sender,
      reference: message.reference,
    });
    const sent = await post(smsPath, body, message, sendOptions);
    return {
      provider: name,
      channel: 'sms',
      id: sent.id,
      to: message.to,
      segments: sent.parts ?? countSegments(message.text).segments,
    };
  }

  async function sendVoice(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<SendResult> {
    const lang = clickSendLanguageFor(message.language, voice?.lang);
    const body = voiceRequest({
      to: message.to,
      // ClickSend reads a comma as a short pause: the code comes out one character at a time.
      body: speakCodesInText(message.text, message.code),
      voice: clickSendVoiceFor(lang, voice?.voice),
      lang,
      reference: message.reference,
    });
    const sent = await post(voicePath, body, message, sendOptions);
    return { provider: name, channel: 'voice', id: sent.id, to: message.to };
  }

  return {
    name,
    channels,
    cannotSend: (message) => (message.channel === 'sms' ? senders(message).problem : undefined),
    send(message, sendOptions) {
      // Checked before any await: bad input never reaches the network.
      try {
        assertSendable(message, { name, label, channels });
      } catch (error) {
        return Promise.reject(error);
      }
      return message.channel === 'voice' ? sendVoice(message, sendOptions) : sendSms(message, sendOptions);
    },
  };
}
