import {
  type Channel,
  countSegments,
  type Dispatcher,
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
  type HttpResponse,
  isE164,
  lazySchema,
  parseOptions,
  senderIdOption,
  sensitiveValuesOf,
  transportOptions,
} from '@mfa-sms/core/provider';
import { z } from 'zod';
import { classifyTwilioError, twilioError } from './twilio-errors.js';
import { twilioSayLanguage } from './twilio-say-language.js';
import {
  twilioVerificationSchema,
  twilioVerifyBaseUrl,
  verificationRequestForm,
  verificationsPath,
  verifyCustomCodePattern,
} from './twilio-verify.js';
import { twilioVerifyError } from './twilio-verify-errors.js';
import {
  basicAuthorization,
  callRequestForm,
  callsPath,
  failedMessageStatuses,
  messageRequestForm,
  messagesPath,
  sayTwiml,
  statusCallbackUrl,
  twilioCallSchema,
  twilioMaxBodyLength,
  twilioMaxTwimlLength,
  twilioMessageSchema,
} from './twilio-wire.js';

const sidPattern = (prefix: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}[0-9a-fA-F]{32}$`),
      `must be "${prefix}" followed by 32 hexadecimal characters`,
    );

const twilioBaseUrl = 'https://api.twilio.com';

/** The options' one source of truth; `TwilioOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() => {
  const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
  const voiceSchema = z.strictObject({
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en-GB"')
      .optional(),
    voice: z
      .union([z.string().min(1).max(100), z.record(z.string().min(2).max(20), z.string().min(1).max(100))], {
        error: 'must be a voice name such as "Polly.Amy" or a map of language to voice name',
      })
      .optional(),
    loop: z.number().int().min(1).max(5).default(2),
  });
  return z
    .strictObject({
      accountSid: sidPattern('AC'),
      authToken: z.string().min(8, 'is too short to be a Twilio auth token').optional(),
      apiKeySid: sidPattern('SK').optional(),
      apiKeySecret: z.string().min(8, 'is too short to be a Twilio API key secret').optional(),
      from: senderIdOption().optional(),
      messagingServiceSid: sidPattern('MG').optional(),
      verifyServiceSid: sidPattern('VA').optional(),
      ...transportOptions(twilioBaseUrl),
      voice: voiceSchema.default({ loop: 2 }),
      statusCallback: httpUrl.optional(),
    })
    .superRefine((options, context) => {
      const hasKey = options.apiKeySid !== undefined || options.apiKeySecret !== undefined;
      if (options.authToken === undefined && !hasKey) {
        context.addIssue({
          code: 'custom',
          path: ['authToken'],
          message: 'is required unless apiKeySid and apiKeySecret are given',
        });
      } else if (options.authToken !== undefined && hasKey) {
        context.addIssue({
          code: 'custom',
          path: ['authToken'],
          message: 'give either authToken or apiKeySid + apiKeySecret, not both',
        });
      } else if (hasKey && options.apiKeySid === undefined) {
        context.addIssue({ code: 'custom', path: ['apiKeySid'], message: 'is required with apiKeySecret' });
      } else if (hasKey && options.apiKeySecret === undefined) {
        context.addIssue({ code: 'custom', path: ['apiKeySecret'], message: 'is required with apiKeySid' });
      }
      if (
        options.from === undefined &&
        options.messagingServiceSid === undefined &&
        options.verifyServiceSid === undefined
      ) {
        context.addIssue({
          code: 'custom',
          path: ['from'],
          message:
            'give from, messagingServiceSid or both (or verifyServiceSid to send one-time codes through Verify)',
        });
      }
    });
});

/** Options of `createTwilio`. */
export interface TwilioOptions {
  /** `AC` + 32 hex: the account that sends (it is always the one in the request path). */
  accountSid: string;
  /** The account's auth token; or use an API key (`apiKeySid` + `apiKeySecret`). */
  authToken?: string;
  /** `SK` + 32 hex. */
  apiKeySid?: string;
  apiKeySecret?: string;
  /**
   * Sender: a +E.164 Twilio number (SMS and voice), or for SMS only a short code or an
   * alphanumeric sender ID. Voice needs a +E.164 number.
   */
  from?: string;
  /** `MG` + 32 hex. Preferred over `from` for SMS when both are set. */
  messagingServiceSid?: string;
  /**
   * `VA` + 32 hex: sends one-time codes through Twilio Verify (`CustomCode`, so Auth0 keeps
   * checking the code) by SMS or call, with Verify's wording and its Fraud Guard. The service
   * must have custom verification codes enabled (Twilio enables them on request). Messages
   * without a code go through `from` / `messagingServiceSid`, if given.
   */
  verifyServiceSid?: string;
  /** Replaces scheme, host and port of `https://api.twilio.com` (and of `https://verify.twilio.com`); paths stay. */
  baseUrl?: string;
  /** Per-request timeout, 100 to 60 000 ms. Default 10 000. */
  timeoutMs?: number;
  /** An undici dispatcher (proxy, `MockAgent`). */
  dispatcher?: Dispatcher;
  voice?: {
    /** `<Say language>` for messages without a language, or in one Twilio cannot speak. Default `en-US`. */
    language?: string;
    /** `<Say voice>`: one voice (`Polly.Amy`), or a map from `<Say language>` value or bare language to voice. */
    voice?: string | Record<string, string>;
    /** How many times the call reads the text, 1 to 5. Default 2. */
    loop?: number;
  };
  /** Twilio's `StatusCallback` URL; a message's `reference` is added to it as `?reference=`. */
  statusCallback?: string;
}

const label = 'Twilio';
const name = 'twilio';

function voiceFor(
  setting: string | Record<string, string> | undefined,
  language: string,
): string | undefined {
  if (setting === undefined || typeof setting === 'string') return setting;
  const bare = language.split('-')[0] ?? language;
  return setting[language] ?? setting[bare];
}

/** A Twilio provider: SMS through the Messages API, voice through Calls with inline TwiML. */
export function createTwilio(options: TwilioOptions): Provider {
  const settings = parseOptions(optionsSchema, options, { provider: name, label });
  const username = settings.apiKeySid ?? settings.accountSid;
  const password = settings.apiKeySecret ?? settings.authToken ?? '';
  const authorization = basicAuthorization(username, password);
  const errors = createProviderErrors({
    provider: name,
    label,
    secrets: [settings.authToken, settings.apiKeySecret, authorization, authorization.slice(6)],
  });
  const transport = {
    errors,
    timeoutMs: settings.timeoutMs,
    dispatcher: settings.dispatcher,
    headers: {
      authorization,
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': `mfa-sms-twilio/${__PACKAGE_VERSION__}`,
    },
  };
  const http = createHttpClient({ ...transport, baseUrl: settings.baseUrl });
  // A call needs a number to come from; an SMS may also come from a short code or a sender id.
  const voiceFrom = isE164(settings.from) ? settings.from : undefined;
  const verifyServiceSid = settings.verifyServiceSid;
  // Verify has a host of its own; a given baseUrl (the simulator, a proxy) stands for both.
  const verifyHttp =
    verifyServiceSid === undefined
      ? undefined
      : createHttpClient({
          ...transport,
          baseUrl: options.baseUrl === undefined ? twilioVerifyBaseUrl : settings.baseUrl,
        });
  const channels: readonly Channel[] =
    voiceFrom === undefined && verifyServiceSid === undefined ? ['sms'] : ['sms', 'voice'];
  const messagesOn = settings.from !== undefined || settings.messagingServiceSid !== undefined;
  const provider = { name, label, channels };

  function rejectBeforeSending(message: PhoneMessage, reason: string): never {
    throw errors.create({
      code: 'rejected',
      message: `${label}: ${reason}`,
      sensitive: sensitiveValuesOf(message),
    });
  }

  async function post(
    path: string,
    form: URLSearchParams,
    message: PhoneMessage,
    sendOptions: SendOptions | undefined,
  ) {
    return http.request({
      path,
      body: form.toString(),
      sensitive: sensitiveValuesOf(message),
      signal: sendOptions?.signal,
      timeoutMs: sendOptions?.timeoutMs,
    });
  }

  function failure(response: HttpResponse, message: PhoneMessage) {
    return twilioError(http, response, { to: message.to, sensitive: sensitiveValuesOf(message) });
  }

  async function sendSms(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<SendResult> {
    if (message.text.length > twilioMaxBodyLength) {
      rejectBeforeSending(
        message,
        `the text has ${message.text.length} characters; Twilio accepts at most ${twilioMaxBodyLength}`,
      );
    }
    const form = messageRequestForm({
      to: message.to,
      text: message.text,
      from: message.from ?? settings.from,
      messagingServiceSid: settings.messagingServiceSid,
      statusCallback: statusCallbackUrl(settings.statusCallback, message.reference),
    });
    const response = await post(messagesPath(settings.accountSid), form, message, sendOptions);
    if (response.status !== 200 && response.status !== 201) throw failure(response, message);
    const created = http.parseJson(response, twilioMessageSchema());
    if (failedMessageStatuses.has(created.status)) {
      // Rare, but Twilio can create a message that has already failed (an opted-out recipient).
      const errorCode = created.error_code ?? undefined;
      const classified = classifyTwilioError(400, errorCode);
      throw errors.create({
        code: classified.code,
        retryable: classified.retryable,
        status: response.status,
        ...(errorCode === undefined ? {} : { providerCode: String(errorCode) }),
        message: `${label} created the message with status "${created.status}"${errorCode === undefined ? '' : ` (${errorCode}): ${classified.meaning ?? 'see the Twilio error documentation'}`}`,
        sensitive: sensitiveValuesOf(message),
      });
    }
    return {
      provider: name,
      channel: 'sms',
      id: created.sid,
      to: message.to,
      segments: created.num_segments ?? countSegments(message.text).segments,
    };
  }

  async function sendVoice(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<SendResult> {
    const language = twilioSayLanguage(message.language, settings.voice.language ?? 'en-US');
    const twiml = sayTwiml(speakCodesInText(message.text, message.code), {
      language,
      voice: voiceFor(settings.voice.voice, language),
      loop: settings.voice.loop,
    });
    if (twiml.length > twilioMaxTwimlLength) {
      rejectBeforeSending(
        message,
        `the call's TwiML would have ${twiml.length} characters; Twilio accepts at most ${twilioMaxTwimlLength}: shorten the text`,
      );
    }
    const form = callRequestForm({
      to: message.to,
      // A Phone Template's "From" is used for a call when it is a number; a name cannot call.
      from: isE164(message.from) ? message.from : (voiceFrom as string),
      twiml,
      statusCallback: statusCallbackUrl(settings.statusCallback, message.reference),
    });
    const response = await post(callsPath(settings.accountSid), form, message, sendOptions);
    if (response.status !== 200 && response.status !== 201) throw failure(response, message);
    const created = http.parseJson(response, twilioCallSchema());
    return { provider: name, channel: 'voice', id: created.sid, to: message.to };
  }

  async function sendVerification(
    message: PhoneMessage,
    code: string,
    sendOptions: SendOptions | undefined,
  ): Promise<SendResult> {
    const client = verifyHttp as NonNullable<typeof verifyHttp>;
    const form = verificationRequestForm({
      to: message.to,
      channel: message.channel,
      code,
      language: message.language,
    });
    const response = await client.request({
      path: verificationsPath(verifyServiceSid as string),
      body: form.toString(),
      sensitive: sensitiveValuesOf(message),
      signal: sendOptions?.signal,
      timeoutMs: sendOptions?.timeoutMs,
    });
    if (response.status !== 200 && response.status !== 201) {
      throw twilioVerifyError(client, response, { to: message.to, sensitive: sensitiveValuesOf(message) });
    }
    const created = client.parseJson(response, twilioVerificationSchema());
    return { provider: name, channel: message.channel, id: created.sid, to: message.to };
  }

  function verifiable(message: PhoneMessage): string | undefined {
    if (verifyServiceSid === undefined) return undefined;
    const code = message.code;
    if (code !== undefined && verifyCustomCodePattern.test(code)) return code;
    if (code !== undefined) {
      rejectBeforeSending(message, 'Verify takes a code of 4 to 10 letters or digits only');
    }
    // Verify delivers codes, never free text: other messages need a sender of our own.
    const canSendOtherwise = message.channel === 'voice' ? voiceFrom !== undefined : messagesOn;
    if (!canSendOtherwise) {
      rejectBeforeSending(
        message,
        `Verify sends one-time codes only and this message has none; give ${message.channel === 'voice' ? 'a +E.164 from' : 'from or messagingServiceSid'} for other messages`,
      );
    }
    return undefined;
  }

  return {
    name,
    channels,
    send(message, sendOptions) {
      // Checks run before any await so that bad input never reaches the network, even by a tick.
      let code: string | undefined;
      try {
        assertSendable(message, provider);
        code = verifiable(message);
      } catch (error) {
        return Promise.reject(error);
      }
      if (code !== undefined) return sendVerification(message, code, sendOptions);
      return message.channel === 'voice' ? sendVoice(message, sendOptions) : sendSms(message, sendOptions);
    },
  };
}
