import type { KeyObject } from 'node:crypto';
import type { Channel, MfaSmsError, PhoneMessage, Provider, SendOptions } from '@mfa-sms/core';
import { countSegments, speakCodesInText } from '@mfa-sms/core';
import type { Delivered, HttpResponse, SenderChoice } from '@mfa-sms/core/provider';
import {
  basicAuthorization,
  buildProvider,
  chosenSender,
  createProviderClient,
  postMessage,
  summarizeBody,
} from '@mfa-sms/core/provider';
import { vonageProblemCode, vonageProblemCodeName, vonageStatusRule } from './vonage-errors.js';
import { readPrivateKey, vonageJwt } from './vonage-jwt.js';
import { optionsSchema, phoneNumber, type VonageOptions } from './vonage-options.js';
import {
  callBody,
  callResponseSchema,
  messagesApiBody,
  messagesApiResponseSchema,
  problemSchema,
  smsApiForm,
  smsApiResponseSchema,
  vonageTalkLanguage,
} from './vonage-wire.js';

const name = 'vonage';
const label = 'Vonage';
const talkTextLimit = 1500;

/** Vonage (formerly Nexmo): SMS through the SMS API or the Messages API, voice through the Voice API. */
export function createVonage(options: VonageOptions): Provider {
  // The SMS API on its host, the Messages and Voice APIs on theirs; a baseUrl stands for both.
  const client = createProviderClient(optionsSchema, options, {
    name,
    label,
    version: __PACKAGE_VERSION__,
    // Core redacts each in every form it travels in: the Basic header's base64, the SMS API's
    // form encoding, each line of the key.
    secrets: (checked) => [checked.apiSecret, checked.apiKey, checked.privateKey],
    baseUrl: (checked) => checked.baseUrl ?? 'https://rest.nexmo.com',
    senderRequired: { sms: true, voice: true },
  });
  const { settings, errors, senders } = client;
  const rest = client.http;
  const api = client.connect(settings.baseUrl ?? 'https://api.nexmo.com');
  const key: KeyObject | undefined = settings.privateKey ? readPrivateKey(settings.privateKey) : undefined;
  const channels: readonly Channel[] = key ? ['sms', 'voice'] : ['sms'];
  // voice.from is the caller for every call; otherwise calls take a number from `from`.
  function senderChoice(message: Pick<PhoneMessage, 'to' | 'channel' | 'from'>): SenderChoice {
    if (message.channel !== 'voice' || settings.voice.from === undefined) return senders(message);
    const given = message.from !== undefined && phoneNumber.test(message.from);
    return { sender: given ? (message.from as string) : settings.voice.from };
  }
  const basic = basicAuthorization(settings.apiKey, settings.apiSecret);

  function problemError(response: HttpResponse, sensitive: readonly string[]): MfaSmsError {
    const problem = api.tryParseJson(response, problemSchema());
    const code = vonageProblemCode(response.status, problem);
    const providerCode = vonageProblemCodeName(problem);
    const detail = [problem?.title, problem?.detail].filter(Boolean).join(': ');
    return errors.fromResponse(response, {
      ...(code ? { code } : {}),
      ...(providerCode ? { providerCode } : {}),
      ...(detail ? { detail } : {}),
      sensitive,
    });
  }

  async function sendSmsApi(
    message: PhoneMessage,
    from: string,
    sendOptions: SendOptions | undefined,
  ): Promise<Delivered> {
    const segments = countSegments(message.text);
    const { answer, response, sensitive } = await postMessage(rest, {
      path: '/sms/json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: smsApiForm({
        apiKey: settings.apiKey,
        apiSecret: settings.apiSecret,
        from,
        to: message.to.slice(1),
        text: message.text,
        unicode: segments.encoding === 'UCS-2',
        reference: message.reference,
      }),
      message,
      sendOptions,
      accepted: (status) => status === 200,
      failure: (failed, values) => errors.fromResponse(failed, { sensitive: values }),
      schema: smsApiResponseSchema(),
    });
    // A long text is sent in parts, each with its own status: one failed part fails the message.
    const failed = answer.messages.find((part) => part.status !== 0);
    if (failed) {
      const rule = vonageStatusRule(failed.status, failed['error-text']);
      const partial = answer.messages.length > 1 && answer.messages.some((part) => part.status === 0);
      // Redacted first: shortening first could cut the code or a secret into pieces that escape.
      const text = summarizeBody(errors.redact(failed['error-text'] ?? rule.meaning, sensitive()), 160);
      throw errors.create({
        code: rule.code,
        retryable: rule.retryable,
        status: response.status,
        providerCode: String(failed.status),
        message: `${label} refused the message${partial ? ` (part of a ${answer.messages.length}-part text was sent)` : ''}: ${text} (status ${failed.status})`,
        sensitive: sensitive(),
      });
    }
    const id = answer.messages[0]?.['message-id'];
    if (!id)
      throw errors.create({
        code: 'bad_response',
        status: response.status,
        message: `${label} accepted the message without a message-id`,
      });
    return { id, segments: answer['message-count'] || segments.segments };
  }

  async function sendMessagesApi(
    message: PhoneMessage,
    from: string,
    sendOptions: SendOptions | undefined,
  ): Promise<Delivered> {
    const { answer } = await postMessage(api, {
      path: '/v1/messages',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: basic },
      body: messagesApiBody({
        from,
        to: message.to.slice(1),
        text: message.text,
        reference: message.reference,
      }),
      message,
      sendOptions,
      accepted: (status) => status === 202 || status === 200,
      failure: problemError,
      schema: messagesApiResponseSchema(),
    });
    // The Messages API does not say; with encoding_type "auto" it splits as countSegments counts.
    return { id: answer.message_uuid, segments: countSegments(message.text).segments };
  }

  async function sendCall(
    message: PhoneMessage,
    from: string,
    sendOptions: SendOptions | undefined,
  ): Promise<Delivered> {
    const text = speakCodesInText(message.text, message.code);
    if (text.length > talkTextLimit) {
      throw errors.create({
        code: 'rejected',
        message: `${label} reads at most ${talkTextLimit} characters in a call; this text has ${text.length}`,
      });
    }
    const token = vonageJwt(settings.applicationId as string, key as KeyObject);
    const { answer } = await postMessage(api, {
      path: '/v1/calls',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: callBody({
        // A Phone Template's "From" is used for a call when it is a number; a name cannot call.
        from,
        to: message.to.slice(1),
        text,
        talk: {
          language: vonageTalkLanguage(message.language, settings.voice.language),
          style: settings.voice.style,
          loop: settings.voice.loop,
        },
      }),
      message,
      sendOptions,
      sensitive: [token],
      accepted: (status) => status === 201 || status === 200,
      failure: problemError,
      schema: callResponseSchema(),
    });
    return { id: answer.uuid };
  }

  return buildProvider({
    name,
    label,
    channels,
    cannotSend: (message) => senderChoice(message).problem,
    send(message, sendOptions) {
      // Vonage writes numbers without their +.
      const from = (chosenSender(senderChoice(message)) as string).replace(/^\+/, '');
      if (message.channel === 'voice') return sendCall(message, from, sendOptions);
      return settings.api === 'messages'
        ? sendMessagesApi(message, from, sendOptions)
        : sendSmsApi(message, from, sendOptions);
    },
  });
}
