import type { Channel, PhoneMessage, Provider, SendOptions } from '@mfa-sms/core';
import { countSegments, speakCodesInText } from '@mfa-sms/core';
import type { Delivered } from '@mfa-sms/core/provider';
import {
  basicAuthorization,
  buildProvider,
  chosenSender,
  createProviderClient,
  postMessage,
} from '@mfa-sms/core/provider';
import { clickSendError } from './clicksend-errors.js';
import { type ClickSendOptions, optionsSchema } from './clicksend-options.js';
import { clickSendLanguageFor, clickSendVoiceFor } from './clicksend-voice.js';
import { clickSendAnswerSchema, smsPath, smsRequest, voicePath, voiceRequest } from './clicksend-wire.js';

const label = 'ClickSend';
const name = 'clicksend';

/** A ClickSend provider: SMS through `/v3/sms/send`, and voice through `/v3/voice/send` when configured. */
export function createClickSend(options: ClickSendOptions): Provider {
  const { settings, errors, http, senders } = createProviderClient(optionsSchema, options, {
    name,
    label,
    version: __PACKAGE_VERSION__,
    secrets: (checked) => [checked.apiKey],
    authorization: (checked) => basicAuthorization(checked.username, checked.apiKey),
    encoding: 'json',
    // Without a sender ClickSend uses the account's default sender or a shared number.
    senderRequired: { sms: false, voice: false },
  });
  // ClickSend no longer opens voice to new customers: calls only for accounts that configure them.
  const voice = settings.voice;
  const channels: readonly Channel[] = voice === undefined ? ['sms'] : ['sms', 'voice'];

  async function post(
    path: string,
    body: object,
    message: PhoneMessage,
    sendOptions: SendOptions | undefined,
  ): Promise<{ id: string; parts: number | undefined }> {
    const { answer, response, sensitive } = await postMessage(http, {
      path,
      body,
      message,
      sendOptions,
      failure: (failed, values) =>
        clickSendError(http, failed, http.tryParseJson(failed, clickSendAnswerSchema()), {
          to: message.to,
          sensitive: values,
        }),
      schema: clickSendAnswerSchema(),
    });
    const refusal = () => clickSendError(http, response, answer, { to: message.to, sensitive: sensitive() });
    const sent = answer.data?.messages?.[0];
    // A 200 says nothing about the message: its own status does.
    if (sent === undefined) {
      if (answer.response_code !== undefined && answer.response_code !== 'SUCCESS') throw refusal();
      throw errors.unexpectedAnswer(response, 'data.messages: no message in the answer');
    }
    if (sent.status !== 'SUCCESS') throw refusal();
    if (!sent.message_id) throw errors.unexpectedAnswer(response, 'data.messages.0.message_id: missing');
    const parts = Number(sent.message_parts);
    return { id: sent.message_id, parts: Number.isInteger(parts) && parts > 0 ? parts : undefined };
  }

  async function sendSms(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<Delivered> {
    const body = smsRequest({
      to: message.to,
      text: message.text,
      from: chosenSender(senders(message)),
      reference: message.reference,
    });
    const sent = await post(smsPath, body, message, sendOptions);
    return { id: sent.id, segments: sent.parts ?? countSegments(message.text).segments };
  }

  async function sendVoice(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<Delivered> {
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
    return { id: sent.id };
  }

  return buildProvider({
    name,
    label,
    channels,
    send: (message, sendOptions) =>
      message.channel === 'voice' ? sendVoice(message, sendOptions) : sendSms(message, sendOptions),
  });
}
