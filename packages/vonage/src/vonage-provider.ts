import type { KeyObject } from 'node:crypto';
import {
  type Channel,
  countSegments,
  type Dispatcher,
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
  type HttpClient,
  type HttpResponse,
  lazySchema,
  parseOptions,
  senderIdOption,
  sensitiveValuesOf,
  summarizeBody,
  transportOptions,
} from '@mfa-sms/core/provider';
import { z } from 'zod';
import { vonageProblemCode, vonageProblemCodeName, vonageStatusRule } from './vonage-errors.js';
import { readPrivateKey, vonageJwt } from './vonage-jwt.js';
import {
  callBody,
  callResponseSchema,
  messagesApiBody,
  messagesApiResponseSchema,
  problemSchema,
  smsApiForm,
  smsApiResponseSchema,
  type VonageTalkLanguage,
  vonageTalkLanguage,
  vonageTalkLanguages,
} from './vonage-wire.js';

export interface VonageOptions {
  /** `VONAGE_API_KEY`. */
  apiKey: string;
  /** `VONAGE_API_SECRET`. */
  apiSecret: string;
  /** `VONAGE_FROM_NUMBER`: an alphanumeric sender of at most 11 characters, or a number. */
  from: string;
  /** `sms` (default): the classic SMS API, as the `nexmo` package used; `messages`: the Messages API. */
  api?: 'sms' | 'messages';
  /** Vonage application id; with `privateKey`, enables voice. */
  applicationId?: string;
  /**
   * The application's private key (PEM); signs a short-lived JWT per call. A key pasted into a
   * one-line secret with `\n` escapes is accepted.
   */
  privateKey?: string;
  voice?: {
    /** Talk language when the message has none Vonage reads. Default `en-GB`. */
    language?: VonageTalkLanguage;
    /** Vonage voice style number for the language. Default 0. */
    style?: number;
    /** How many times the text is read. Default 2. */
    loop?: number;
    /**
     * Caller for calls: a number, or `'random'` for any number linked to the application. Required
     * when `from` is alphanumeric, since a call cannot come from a name. Default `from`.
     */
    from?: string;
  };
  /** One origin replacing both rest.nexmo.com and api.nexmo.com (regional hosts, the simulator). */
  baseUrl?: string;
  /** Per-attempt timeout. Default 10 000 ms. */
  timeoutMs?: number;
  /** An undici dispatcher (a proxy agent, a `MockAgent` in tests). */
  dispatcher?: Dispatcher;
}

const phoneNumber = /^\+?[1-9]\d{6,14}$/;

// Secret stores with one-line fields (Auth0's among them) turn a PEM's line breaks into "\n".
function unescapePem(value: string): string {
  return value.includes('\n') ? value.trim() : value.replace(/(?:\\r)?\\n/g, '\n').trim();
}

function isRsaPrivateKey(value: string): boolean {
  try {
    readPrivateKey(value);
    return true;
  } catch {
    return false;
  }
}

/** The options' one source of truth; `VonageOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() =>
  z
    .strictObject({
      apiKey: z.string().min(1, 'is required'),
      apiSecret: z.string().min(1, 'is required'),
      from: senderIdOption(),
      api: z.enum(['sms', 'messages']).default('sms'),
      // Any 8-4-4-4-12 hex form: Vonage's documentation shows ids that are not RFC 4122 UUIDs.
      applicationId: z.guid('must be a Vonage application id (8-4-4-4-12 hex digits)').optional(),
      privateKey: z
        .string()
        .transform(unescapePem)
        .refine(isRsaPrivateKey, 'must be the application’s RSA private key in PEM form')
        .optional(),
      voice: z
        .strictObject({
          language: z.enum(vonageTalkLanguages).default('en-GB'),
          style: z.number().int().min(0).default(0),
          loop: z.number().int().min(1).max(10).default(2),
          from: z
            .string()
            .refine((value) => value === 'random' || phoneNumber.test(value), 'must be a number or "random"')
            .optional(),
        })
        .default({ language: 'en-GB', style: 0, loop: 2 }),
      ...transportOptions(),
    })
    .superRefine((options, context) => {
      if ((options.applicationId === undefined) !== (options.privateKey === undefined)) {
        context.addIssue({
          code: 'custom',
          path: [options.applicationId === undefined ? 'applicationId' : 'privateKey'],
          message: 'applicationId and privateKey enable voice together; give both or neither',
        });
      }
      const caller = options.voice.from ?? options.from;
      if (options.applicationId && caller !== 'random' && !phoneNumber.test(caller)) {
        context.addIssue({
          code: 'custom',
          path: ['voice', 'from'],
          message: 'is required for voice when "from" is not a number (a number, or "random")',
        });
      }
    }),
);

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
    // The key's base64 lines too: a fragment of a key is as bad a leak as the whole of it.
    secrets: [
      settings.apiSecret,
      settings.apiKey,
      ...(settings.privateKey?.split('\n').filter((line) => !line.startsWith('-----')) ?? []),
    ],
  });
  const common = {
    errors,
    timeoutMs: settings.timeoutMs,
    dispatcher: settings.dispatcher,
    headers: { 'user-agent': `mfa-sms-vonage/${__PACKAGE_VERSION__}` },
  };
  const rest = createHttpClient({ ...common, baseUrl: settings.baseUrl ?? 'https://rest.nexmo.com' });
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
        from: (message.from ?? settings.from).replace(/^\+/, ''),
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
      const text = summarizeBody(failed['error-text'] ?? rule.meaning, 160);
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
        from: (message.from ?? settings.from).replace(/^\+/, ''),
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
        from: (message.from !== undefined && phoneNumber.test(message.from)
          ? message.from
          : (settings.voice.from ?? settings.from)
        ).replace(/^\+/, ''),
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
    if (response.status !== 201 && response.status !== 200) throw problemError(api, response, sensitive);
    const answer = api.parseJson(response, callResponseSchema());
    return { provider: 'vonage', channel: 'voice', id: answer.uuid, to: message.to };
  }

  return {
    name: 'vonage',
    channels,
    async send(message: PhoneMessage, options: SendOptions = {}): Promise<SendResult> {
      assertSendable(message, provider);
      const sensitive = sensitiveValuesOf(message);
      if (message.channel === 'voice') return sendCall(message, options, sensitive);
      return settings.api === 'messages'
        ? sendMessagesApi(message, options, sensitive)
        : sendSmsApi(message, options, sensitive);
    },
  };
}
