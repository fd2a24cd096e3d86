import type { KeyObject } from 'node:crypto';
import {
  type Channel,
  countSegments,
  type MfaSmsError,
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
  type SenderChoice,
  sensitiveValuesOf,
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

const label = 'Vonage';
const talkTextLimit = 1500;

/** Vonage (formerly Nexmo): SMS through the SMS API or the Messages API, voice through the Voice API. */
export function createVonage(options: VonageOptions): Provider {
  const settings = parseOptions(optionsSchema, options, { provider: 'vonage', label });
  const key: KeyObject | undefined = settings.privateKey ? readPrivateKey(settings.privateKey) : undefined;
  const channels: readonly Channel[] = key ? ['sms', 'voice'] : ['sms'];
  const errors = createProviderErrors({
    provider: 'vonage',
    label,
    // Core redacts each in every form it travels in: the Basic header's base64, the SMS API's
    // form encoding, each line of the key.
    secrets: [settings.apiSecret, settings.apiKey, settings.privateKey],
  });
  const common = {
    errors,
    timeoutMs: settings.timeoutMs,
    dispatcher: settings.dispatcher,
    headers: { 'user-agent': `mfa-sms-vonage/${__PACKAGE_VERSION__}` },
  };
  const rest = createHttpClient({ ...common, baseUrl: settings.baseUrl ?? 'https://rest.nexmo.com' });
  const senders = createSenderResolver(settings.from, {
    provider: 'vonage',
    label,
    required: { sms: true, voice: true },
  });
  // voice.from is the caller for every call; otherwise calls take a number from `from`.
  function senderChoice(message: Pick<PhoneMessage, 'to' | 'channel' | 'from'>): SenderChoice {
    if (message.channel !== 'voice' || settings.voice.from === undefined) return senders(message);
    const given = message.from !== undefined && phoneNumber.test(message.from);
    return { sender: given ? (message.from as string) : settings.voice.from };
  }
  // Called after senderChoice found no problem.
  function senderOf(message: PhoneMessage): string {
    return senderChoice(message).sender as string;
  }
  const basic = `Basic ${Buffer.from(`${settings.apiKey}:${settings.apiSecret}`).toString('base64')}`;
  const api = createHttpClient({ ...common, baseUrl: settings.baseUrl ?? 'https://api.nexmo.com' });
  const provider = { name: 'vonage', label, channels };

  function problemError(http: HttpClient, response: HttpResponse, sensitive: readonly string[]): MfaSmsError {
    const problem = http.tryParseJson(response, problemSchema());
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
    options: SendOptions,
    sensitive: string[],
  ): Promise<SendResult> {
    const segments = countSegments(message.text);
    const response = await rest.request({
      path: '/sms/json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: smsApiForm({
        apiKey: settings.apiKey,
        apiSecret: settings.apiSecret,
        from: senderOf(message).replace(/^\+/, ''),
        to: message.to.slice(1),
        text: message.text,
        unicode: segments.encoding === 'UCS-2',
        reference: message.reference,
      }),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      sensitive,
    });
    if (response.status !== 200) throw errors.fromResponse(response, { sensitive });
    const answer = rest.parseJson(response, smsApiResponseSchema());
    // A long text is sent in parts, each with its own status: one failed part fails the message.
    const failed = answer.messages.find((part) => part.status !== 0);
    if (failed) {
      const rule = vonageStatusRule(failed.status, failed['error-text']);
      const partial = answer.messages.length > 1 && answer.messages.some((part) => part.status === 0);
      // Redacted first: shortening first could cut the code or a secret into pieces that escape.
      const text = summarizeBody(errors.redact(failed['error-text'] ?? rule.meaning, sensitive), 160);
      throw errors.create({
        code: rule.code,
        retryable: rule.retryable,
        status: response.status,
        providerCode: String(failed.status),
        message: `${label} refused the message${partial ? ` (part of a ${answer.messages.length}-part text was sent)` : ''}: ${text} (status ${failed.status})`,
        sensitive,
      });
    }
    const id = answer.messages[0]?.['message-id'];
    if (!id)
      throw errors.create({
        code: 'bad_response',
        status: response.status,
        message: `${label} accepted the message without a message-id`,
      });
    return {
      provider: 'vonage',
      channel: 'sms',
      id,
      to: message.to,
      segments: answer['message-count'] || segments.segments,
    };
  }

  async function sendMessagesApi(
    message: PhoneMessage,
    options: SendOptions,
    sensitive: string[],
  ): Promise<SendResult> {
    const response = await api.request({
      path: '/v1/messages',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: basic },
      body: messagesApiBody({
        from: senderOf(message).replace(/^\+/, ''),
        to: message.to.slice(1),
        text: message.text,
        reference: message.reference,
      }),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      sensitive,
    });
    if (response.status !== 202 && response.status !== 200) throw problemError(api, response, sensitive);
    const answer = api.parseJson(response, messagesApiResponseSchema());
    return {
      provider: 'vonage',
      channel: 'sms',
      id: answer.message_uuid,
      to: message.to,
      // The Messages API does not say; with encoding_type "auto" it splits as countSegments counts.
      segments: countSegments(message.text).segments,
    };
  }

  async function sendCall(
    message: PhoneMessage,
    options: SendOptions,
    sensitive: string[],
  ): Promise<SendResult> {
    const text = speakCodesInText(message.text, message.code);
    if (text.length > talkTextLimit) {
      throw errors.create({
        code: 'rejected',
        message: `${label} reads at most ${talkTextLimit} characters in a call; this text has ${text.length}`,
      });
    }
    const token = vonageJwt(settings.applicationId as string, key as KeyObject);
    const response = await api.request({
      path: '/v1/calls',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: callBody({
        // A Phone Template's "From" is used for a call when it is a number; a name cannot call.
        from: senderOf(message).replace(/^\+/, ''),
        to: message.to.slice(1),
        text,
        talk: {
          language: vonageTalkLanguage(message.language, settings.voice.language),
          style: settings.voice.style,
          loop: settings.voice.loop,
        },
      }),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      sensitive: [...sensitive, token],
    });
    if (response.status !== 201 && response.status !== 200)
      throw problemError(api, response, [...sensitive, token]);
    const answer = api.parseJson(response, callResponseSchema());
    return { provider: 'vonage', channel: 'voice', id: answer.uuid, to: message.to };
  }

  return {
    name: 'vonage',
    channels,
    cannotSend: (message) => senderChoice(message).problem,
    async send(message: PhoneMessage, options: SendOptions = {}): Promise<SendResult> {
      assertSendable(message, provider);
      const problem = senderChoice(message).problem;
      if (problem) throw problem;
      const sensitive = sensitiveValuesOf(message);
      if (message.channel === 'voice') return sendCall(message, options, sensitive);
      return settings.api === 'messages'
        ? sendMessagesApi(message, options, sensitive)
        : sendSmsApi(message, options, sensitive);
    },
  };
}
