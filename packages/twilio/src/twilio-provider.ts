import type { Channel, PhoneMessage, Provider, SendOptions } from '@mfa-sms/core';
import { countSegments, speakCodesInText } from '@mfa-sms/core';
import type { Delivered, HttpClient, MessageAnswer, Schema } from '@mfa-sms/core/provider';
import {
  buildProvider,
  chosenSender,
  createProviderClient,
  isE164,
  postMessage,
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
  const { settings, errors, http, connect, senders } = createProviderClient(optionsSchema, options, {
    name,
    label,
    version: __PACKAGE_VERSION__,
    secrets: (checked) => [checked.authToken, checked.apiKeySecret],
    authorization: (checked) =>
      basicAuthorization(
        checked.apiKeySid ?? checked.accountSid,
        checked.apiKeySecret ?? checked.authToken ?? '',
      ),
    encoding: 'form',
    // With a Messaging Service, an SMS without a usable sender of ours is the service's to send.
    senderRequired: (checked) => ({ sms: checked.messagingServiceSid === undefined, voice: true }),
  });
  // A call needs a number to come from; an SMS may also come from a short code or a sender id.
  const fromValues =
    settings.from === undefined
      ? []
      : typeof settings.from === 'string'
        ? [settings.from]
        : Object.values(settings.from);
  const voiceCapable = fromValues.some((value) => isE164(value));
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
      : connect(options.baseUrl === undefined ? twilioVerifyBaseUrl : settings.baseUrl);
  const channels: readonly Channel[] =
    !voiceCapable && verifyServiceSid === undefined ? ['sms'] : ['sms', 'voice'];
  const messagesOn = settings.from !== undefined || settings.messagingServiceSid !== undefined;

  // The account's paths, made once: a send only picks one.
  const messagesAt = messagesPath(settings.accountSid);
  const callsAt = callsPath(settings.accountSid);

  // Twilio answers 200 or 201 for a message, a call or a verification it created.
  function post<T>(
    client: HttpClient,
    path: string,
    form: URLSearchParams,
    message: PhoneMessage,
    sendOptions: SendOptions | undefined,
    schema: Schema<T>,
  ): Promise<MessageAnswer<T>> {
    const failure = client === verifyHttp ? twilioVerifyError : twilioError;
    return postMessage(client, {
      path,
      body: form.toString(),
      message,
      sendOptions,
      accepted: (status) => status === 200 || status === 201,
      failure: (response, sensitive) => failure(client, response, { to: message.to, sensitive }),
      schema,
    });
  }

  async function sendSms(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<Delivered> {
    if (message.text.length > twilioMaxBodyLength) {
      throw errors.rejected(
        message,
        `the text has ${message.text.length} characters; Twilio accepts at most ${twilioMaxBodyLength}`,
      );
    }
    const form = messageRequestForm({
      to: message.to,
      text: message.text,
      from: chosenSender(senderFor(message)),
      messagingServiceSid: settings.messagingServiceSid,
      statusCallback: statusCallbackUrl(settings.statusCallback, message.reference),
    });
    const { answer: created, response } = await post(
      http,
      messagesAt,
      form,
      message,
      sendOptions,
      twilioMessageSchema(),
    );
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
    return { id: created.sid, segments: created.num_segments ?? countSegments(message.text).segments };
  }

  async function sendVoice(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<Delivered> {
    const language = twilioSayLanguage(message.language, settings.voice.language ?? 'en-US');
    const twiml = sayTwiml(speakCodesInText(message.text, message.code), {
      language,
      voice: voiceFor(settings.voice.voice, language),
      loop: settings.voice.loop,
    });
    if (twiml.length > twilioMaxTwimlLength) {
      throw errors.rejected(
        message,
        `the call's TwiML would have ${twiml.length} characters; Twilio accepts at most ${twilioMaxTwimlLength}: shorten the text`,
      );
    }
    // A Phone Template's "From" is used for a call when it is a number; a name cannot call.
    const from = chosenSender(senderFor(message)) as string;
    const form = callRequestForm({
      to: message.to,
      from,
      twiml,
      statusCallback: statusCallbackUrl(settings.statusCallback, message.reference),
    });
    const { answer } = await post(http, callsAt, form, message, sendOptions, twilioCallSchema());
    return { id: answer.sid };
  }

  async function sendVerification(
    message: PhoneMessage,
    code: string,
    sendOptions: SendOptions | undefined,
  ): Promise<Delivered> {
    const form = verificationRequestForm({
      to: message.to,
      channel: message.channel,
      code,
      language: message.language,
    });
    const path = verificationsPath(verifyServiceSid as string);
    const client = verifyHttp as HttpClient;
    const { answer } = await post(client, path, form, message, sendOptions, twilioVerificationSchema());
    return { id: answer.sid };
  }

  function verifiable(message: PhoneMessage): string | undefined {
    if (verifyServiceSid === undefined) return undefined;
    const code = message.code;
    if (code !== undefined && verifyCustomCodePattern.test(code)) return code;
    if (code !== undefined) {
      throw errors.rejected(message, 'Verify takes a code of 4 to 10 letters or digits only');
    }
    // Verify delivers codes, never free text: other messages need a sender of our own.
    const canSendOtherwise = message.channel === 'voice' ? voiceCapable : messagesOn;
    if (!canSendOtherwise) {
      throw errors.rejected(
        message,
        `Verify sends one-time codes only and this message has none; give ${message.channel === 'voice' ? 'a +E.164 from' : 'from or messagingServiceSid'} for other messages`,
      );
    }
    return undefined;
  }

  return buildProvider({
    name,
    label,
    channels,
    // Verify needs no sender of ours for a code; otherwise a destination may have none.
    cannotSend: (message) => (verifyServiceSid === undefined ? senderFor(message).problem : undefined),
    send(message, sendOptions) {
      // Thrown before any await, as assertSendable's errors are: bad input never reaches the network.
      const code = verifiable(message);
      if (code !== undefined) return sendVerification(message, code, sendOptions);
      return message.channel === 'voice' ? sendVoice(message, sendOptions) : sendSms(message, sendOptions);
    },
  });
}
