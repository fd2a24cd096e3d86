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
  type HttpResponse,
  isE164,
  parseOptions,
  sensitiveValuesOf,
} from '@mfa-sms/core/provider';
import { classifyTwilioError, twilioError } from './twilio-errors.js';
import { optionsSchema, type TwilioOptions } from './twilio-options.js';
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
  const fromValues =
    settings.from === undefined
      ? []
      : typeof settings.from === 'string'
        ? [settings.from]
        : Object.values(settings.from);
  const voiceCapable = fromValues.some((value) => isE164(value));
  // With a Messaging Service, an SMS without a usable sender of ours is the service's to send.
  const senders = createSenderResolver(settings.from, {
    provider: name,
    label,
    required: { sms: settings.messagingServiceSid === undefined, voice: true },
  });
  function senderFor(message: Pick<PhoneMessage, 'to' | 'channel' | 'from'>) {
    const choice = senders(message);
    if (message.channel === 'voice' && choice.sender !== undefined && !isE164(choice.sender)) {
      return {
        problem: errors.create({
          code: 'invalid_config',
          message: `${label}: a call needs a +E.164 number in option "from" for this destination`,
        }),
      };
    }
    return choice;
  }
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
    !voiceCapable && verifyServiceSid === undefined ? ['sms'] : ['sms', 'voice'];
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
      sensitive: () => sensitiveValuesOf(message),
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
    const choice = senderFor(message);
    if (choice.problem) throw choice.problem;
    const form = messageRequestForm({
      to: message.to,
      text: message.text,
      from: choice.sender,
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
        providerCode: errorCode === undefined ? undefined : String(errorCode),
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
    // A Phone Template's "From" is used for a call when it is a number; a name cannot call.
    const choice = senderFor(message);
    if (choice.problem) throw choice.problem;
    const form = callRequestForm({
      to: message.to,
      from: choice.sender as string,
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
      sensitive: () => sensitiveValuesOf(message),
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
    const canSendOtherwise = message.channel === 'voice' ? voiceCapable : messagesOn;
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
    // Verify needs no sender of ours for a code; otherwise a destination may have none.
    cannotSend: (message) => (verifyServiceSid === undefined ? senderFor(message).problem : undefined),
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
