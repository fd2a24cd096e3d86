import type { Channel, PhoneMessage, Provider, SendOptions } from '@mfa-sms/core';
import { countSegments, speakCodesInText } from '@mfa-sms/core';
import type { Delivered, HttpClient, HttpResponse } from '@mfa-sms/core/provider';
import {
  buildProvider,
  chosenSender,
  createProviderClient,
  postMessage,
  sensitiveValuesOf,
} from '@mfa-sms/core/provider';
import { awsError } from './aws-errors.js';
import { type AwsOptions, optionsSchema } from './aws-options.js';
import { createSigner } from './aws-sigv4.js';
import {
  messageIdSchema,
  sendTextBody,
  sendTextTarget,
  sendVoiceBody,
  sendVoiceTarget,
  smsVoiceContentType,
  textMaxLength,
  voiceMaxLength,
} from './aws-sms-voice-wire.js';
import { snsErrorBody, snsMaxMessageLength, snsMessageId, snsPublishForm } from './aws-sns-wire.js';
import { awsVoiceFor } from './aws-voices.js';

const name = 'aws';
const label = 'AWS';

/** One AWS endpoint: its client, its SigV4 service and what its signature covers. */
interface Endpoint {
  http: HttpClient;
  service: 'sns' | 'sms-voice';
  host: string;
  path: string;
}

/**
 * A provider for Amazon SNS (`Publish`) or AWS End User Messaging (`SendTextMessage`) for SMS,
 * and End User Messaging `SendVoiceMessage` for voice, signed with SigV4. Options are checked
 * now: a bad one throws `invalid_config` naming it (never its value).
 */
export function createAws(options: AwsOptions): Provider {
  // Two hosts (SNS, End User Messaging), each with its own client: `connect`, not `http`.
  const client = createProviderClient(optionsSchema, options, {
    name,
    label,
    version: __PACKAGE_VERSION__,
    secrets: (checked) => [checked.secretAccessKey, checked.sessionToken, checked.accessKeyId],
    // Without a sender of ours AWS picks the account's default origination identity.
    senderRequired: { sms: false, voice: true },
  });
  const { settings, errors, connect } = client;
  const smsSenders = client.senders;
  const signer = createSigner(settings);
  const region = settings.region;

  function endpoint(service: Endpoint['service']): Endpoint {
    const base = new URL(settings.baseUrl ?? `https://${service}.${region}.amazonaws.com`);
    const prefix = decodeURI(base.pathname).replace(/\/$/, '');
    return { http: connect(base.href), service, host: base.host, path: `${prefix}/` };
  }

  const voice = settings.voice;
  const sns = settings.api === 'sns' ? endpoint('sns') : undefined;
  const smsVoice =
    settings.api === 'end-user-messaging' || voice !== undefined ? endpoint('sms-voice') : undefined;
  // Voice is listed without `voice.from` too: `cannotSend` then names the option to set, where a
  // router would only say that no provider offers voice.
  const channels: readonly Channel[] = ['sms', 'voice'];
  const voiceSenders = client.senderResolver(voice?.from, 'voice.from', { sms: true, voice: true });

  /** Posts a signed request and resolves with the id of the message or call AWS created. */
  async function post(
    to: Endpoint,
    headers: Record<string, string>,
    body: string,
    message: PhoneMessage,
    sendOptions: SendOptions | undefined,
  ): Promise<string> {
    const signed = signer.sign(
      { method: 'POST', path: to.path, headers: { ...headers, host: to.host }, body },
      { region, service: to.service },
    );
    const { answer } = await postMessage(to.http, {
      path: '/',
      headers: { ...headers, ...signed },
      body,
      message,
      sendOptions,
      failure: (response, sensitive) => awsError(to.http, response, sensitive),
      read: (response) => messageIdOf(to, response, message),
    });
    return answer;
  }

  function refuseLongText(message: PhoneMessage, text: string, limit: number): void {
    if (text.length <= limit) return;
    throw errors.rejected(message, `the text has ${text.length} characters; AWS accepts at most ${limit}`);
  }

  function messageIdOf(to: Endpoint, response: HttpResponse, message: PhoneMessage): string {
    if (to.service === 'sms-voice') return to.http.parseJson(response, messageIdSchema()).MessageId;
    const id = snsMessageId(response.body);
    if (id !== undefined) return id;
    // An ErrorResponse is AWS's refusal whatever the status line says; anything else is not an answer.
    if (snsErrorBody(response.body) !== undefined)
      throw awsError(to.http, response, sensitiveValuesOf(message));
    throw errors.unexpectedAnswer(response, 'not a PublishResponse with a MessageId');
  }

  async function sendSms(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<Delivered> {
    const sender = chosenSender(smsSenders(message));
    let id: string;
    if (sns !== undefined) {
      refuseLongText(message, message.text, snsMaxMessageLength);
      const form = snsPublishForm({ to: message.to, text: message.text, sender });
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      id = await post(sns, headers, form, message, sendOptions);
    } else {
      refuseLongText(message, message.text, textMaxLength);
      const body = sendTextBody({
        to: message.to,
        text: message.text,
        sender,
        reference: message.reference,
      });
      id = await post(smsVoice as Endpoint, jsonHeaders(sendTextTarget), body, message, sendOptions);
    }
    return { id, segments: countSegments(message.text).segments };
  }

  async function sendVoice(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<Delivered> {
    const from = chosenSender(voiceSenders(message)) as string;
    const text = speakCodesInText(message.text, message.code);
    refuseLongText(message, text, voiceMaxLength);
    const body = sendVoiceBody({
      to: message.to,
      text,
      from,
      voiceId: awsVoiceFor(message.language, voice?.voiceId),
      reference: message.reference,
    });
    return { id: await post(smsVoice as Endpoint, jsonHeaders(sendVoiceTarget), body, message, sendOptions) };
  }

  function voiceRefusal(message: Pick<PhoneMessage, 'channel'>) {
    if (message.channel !== 'voice' || voice !== undefined) return undefined;
    return errors.create({
      code: 'unsupported_channel',
      message: `${label}: voice needs option "voice.from" (a +E.164 origination number with voice capability in AWS End User Messaging)`,
    });
  }

  const provider = buildProvider({
    name,
    label,
    channels,
    cannotSend: (message) =>
      voiceRefusal(message) ??
      (message.channel === 'voice' ? voiceSenders(message) : smsSenders(message)).problem,
    send: (message, sendOptions) =>
      message.channel === 'voice' ? sendVoice(message, sendOptions) : sendSms(message, sendOptions),
  });
  return {
    ...provider,
    send(message, sendOptions) {
      // A voice message without voice.from is refused for that first, before any other check.
      const refusal = typeof message === 'object' && message !== null ? voiceRefusal(message) : undefined;
      return refusal ? Promise.reject(refusal) : provider.send(message, sendOptions);
    },
  };
}

function jsonHeaders(target: string): Record<string, string> {
  return { 'content-type': smsVoiceContentType, 'x-amz-target': target };
}
