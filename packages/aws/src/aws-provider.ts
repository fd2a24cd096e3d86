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
  type HttpClient,
  type HttpResponse,
  parseOptions,
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
  const settings = parseOptions(optionsSchema, options, { provider: name, label });
  const errors = createProviderErrors({
    provider: name,
    label,
    secrets: [settings.secretAccessKey, settings.sessionToken, settings.accessKeyId],
  });
  const signer = createSigner(settings);
  const region = settings.region;

  function endpoint(service: Endpoint['service']): Endpoint {
    const base = new URL(settings.baseUrl ?? `https://${service}.${region}.amazonaws.com`);
    const prefix = decodeURI(base.pathname).replace(/\/$/, '');
    const http = createHttpClient({
      errors,
      baseUrl: base.href,
      timeoutMs: settings.timeoutMs,
      dispatcher: settings.dispatcher,
      headers: { 'user-agent': `mfa-sms-aws/${__PACKAGE_VERSION__}` },
    });
    return { http, service, host: base.host, path: `${prefix}/` };
  }

  const voice = settings.voice;
  const sns = settings.api === 'sns' ? endpoint('sns') : undefined;
  const smsVoice =
    settings.api === 'end-user-messaging' || voice !== undefined ? endpoint('sms-voice') : undefined;
  // Voice is listed without `voice.from` too: `cannotSend` then names the option to set, where a
  // router would only say that no provider offers voice.
  const channels: readonly Channel[] = ['sms', 'voice'];
  const provider = { name, label, channels };
  // Without a sender of ours AWS picks the account's default origination identity.
  const smsSenders = createSenderResolver(settings.from, {
    provider: name,
    label,
    required: { sms: false, voice: true },
  });
  const voiceSenders = createSenderResolver(voice?.from, {
    provider: name,
    label,
    option: 'voice.from',
    required: { sms: true, voice: true },
  });

  function post(
    to: Endpoint,
    headers: Record<string, string>,
    body: string,
    message: PhoneMessage,
    sendOptions: SendOptions | undefined,
  ): Promise<HttpResponse> {
    const signed = signer.sign(
      { method: 'POST', path: to.path, headers: { ...headers, host: to.host }, body },
      { region, service: to.service },
    );
    return to.http.request({
      path: '/',
      headers: { ...headers, ...signed },
      body,
      sensitive: () => sensitiveValuesOf(message),
      signal: sendOptions?.signal,
      timeoutMs: sendOptions?.timeoutMs,
    });
  }

  function refuseLongText(message: PhoneMessage, text: string, limit: number): void {
    if (text.length <= limit) return;
    throw errors.create({
      code: 'rejected',
      message: `${label}: the text has ${text.length} characters; AWS accepts at most ${limit}`,
      sensitive: sensitiveValuesOf(message),
    });
  }

  function messageIdOf(to: Endpoint, response: HttpResponse, message: PhoneMessage): string {
    if (response.status < 200 || response.status >= 300) {
      throw awsError(to.http, response, sensitiveValuesOf(message));
    }
    if (to.service === 'sms-voice') return to.http.parseJson(response, messageIdSchema()).MessageId;
    const id = snsMessageId(response.body);
    if (id !== undefined) return id;
    // An ErrorResponse is AWS's refusal whatever the status line says; anything else is not an answer.
    if (snsErrorBody(response.body) !== undefined)
      throw awsError(to.http, response, sensitiveValuesOf(message));
    throw errors.unexpectedAnswer(response, 'not a PublishResponse with a MessageId');
  }

  async function sendSms(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<SendResult> {
    const choice = smsSenders(message);
    if (choice.problem) throw choice.problem;
    let response: HttpResponse;
    let to: Endpoint;
    if (sns !== undefined) {
      refuseLongText(message, message.text, snsMaxMessageLength);
      to = sns;
      const form = snsPublishForm({ to: message.to, text: message.text, sender: choice.sender });
      response = await post(
        to,
        { 'content-type': 'application/x-www-form-urlencoded' },
        form,
        message,
        sendOptions,
      );
    } else {
      refuseLongText(message, message.text, textMaxLength);
      to = smsVoice as Endpoint;
      const body = sendTextBody({
        to: message.to,
        text: message.text,
        sender: choice.sender,
        reference: message.reference,
      });
      response = await post(to, jsonHeaders(sendTextTarget), body, message, sendOptions);
    }
    const id = messageIdOf(to, response, message);
    return {
      provider: name,
      channel: 'sms',
      id,
      to: message.to,
      segments: countSegments(message.text).segments,
    };
  }

  async function sendVoice(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<SendResult> {
    const choice = voiceSenders(message);
    if (choice.problem) throw choice.problem;
    const text = speakCodesInText(message.text, message.code);
    refuseLongText(message, text, voiceMaxLength);
    const to = smsVoice as Endpoint;
    const body = sendVoiceBody({
      to: message.to,
      text,
      from: choice.sender as string,
      voiceId: awsVoiceFor(message.language, voice?.voiceId),
      reference: message.reference,
    });
    const response = await post(to, jsonHeaders(sendVoiceTarget), body, message, sendOptions);
    return { provider: name, channel: 'voice', id: messageIdOf(to, response, message), to: message.to };
  }

  function voiceRefusal(message: Pick<PhoneMessage, 'channel'>) {
    if (message.channel !== 'voice' || voice !== undefined) return undefined;
    return errors.create({
      code: 'unsupported_channel',
      message: `${label}: voice needs option "voice.from" (a +E.164 origination number with voice capability in AWS End User Messaging)`,
    });
  }

  return {
    name,
    channels,
    cannotSend: (message) =>
      voiceRefusal(message) ??
      (message.channel === 'voice' ? voiceSenders(message) : smsSenders(message)).problem,
    send(message, sendOptions) {
      // Checks run before any await so that bad input never reaches the network, even by a tick.
      try {
        const refusal = typeof message === 'object' && message !== null ? voiceRefusal(message) : undefined;
        if (refusal) throw refusal;
        assertSendable(message, provider);
      } catch (error) {
        return Promise.reject(error);
      }
      return message.channel === 'voice' ? sendVoice(message, sendOptions) : sendSms(message, sendOptions);
    },
  };
}

function jsonHeaders(target: string): Record<string, string> {
  return { 'content-type': smsVoiceContentType, 'x-amz-target': target };
}
