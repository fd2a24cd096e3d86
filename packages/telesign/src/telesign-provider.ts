import {
  countSegments,
  maskPhoneNumber,
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
  parseOptions,
  sensitiveValuesOf,
} from '@mfa-sms/core/provider';
import { telesignAcceptedCodes, telesignError } from './telesign-errors.js';
import { optionsSchema, type TelesignOptions } from './telesign-options.js';
import { chooseVoice } from './telesign-voices.js';
import {
  basicAuthorization,
  messagingPath,
  telesignAcceptedSchema,
  telesignAnswerSchema,
  telesignForm,
  telesignMaxVoiceLength,
  voicePath,
} from './telesign-wire.js';

const label = 'Telesign';
const name = 'telesign';
const channels = ['sms', 'voice'] as const;

/**
 * A Telesign provider: SMS through `POST /v1/messaging`, voice (text to speech) through
 * `POST /v1/voice`, with Basic authentication. Options are checked now: a bad one throws
 * `invalid_config` naming it (never its value).
 */
export function createTelesign(options: TelesignOptions): Provider {
  const settings = parseOptions(optionsSchema, options, { provider: name, label });
  const authorization = basicAuthorization(settings.customerId, settings.apiKey);
  const errors = createProviderErrors({
    provider: name,
    label,
    // The Customer ID is not a password, but with the key it is the whole credential.
    secrets: [settings.apiKey, settings.customerId, authorization, authorization.slice(6)],
  });
  const http = createHttpClient({
    errors,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    dispatcher: settings.dispatcher,
    headers: {
      authorization,
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': `mfa-sms-telesign/${__PACKAGE_VERSION__}`,
    },
  });
  const provider = { name, label, channels };

  function spoken(message: PhoneMessage): string {
    const text = speakCodesInText(message.text, message.code);
    if (text.length > telesignMaxVoiceLength) {
      throw errors.create({
        code: 'rejected',
        message: `${label}: the call's text has ${text.length} characters; Telesign reads at most ${telesignMaxVoiceLength}`,
        sensitive: sensitiveValuesOf(message),
      });
    }
    return text;
  }

  async function post(message: PhoneMessage, text: string, sendOptions: SendOptions | undefined) {
    const voice =
      message.channel === 'voice' ? chooseVoice(settings.voice.voice, message.language) : undefined;
    const form = telesignForm({ to: message.to, text, reference: message.reference, voice });
    const response = await http.request({
      path: message.channel === 'voice' ? voicePath : messagingPath,
      body: form.toString(),
      sensitive: () => sensitiveValuesOf(message),
      signal: sendOptions?.signal,
      timeoutMs: sendOptions?.timeoutMs,
    });
    // A refusal can come with any HTTP status, a 200 included: the body's status code decides.
    const success = response.status >= 200 && response.status < 300;
    const answer = success ? http.tryParseJson(response, telesignAnswerSchema()) : undefined;
    if (!success || (answer !== undefined && !telesignAcceptedCodes.has(answer.status.code))) {
      throw telesignError(http, response, {
        sensitive: sensitiveValuesOf(message),
        maskedRecipient: maskPhoneNumber(message.to),
      });
    }
    return http.parseJson(response, telesignAcceptedSchema());
  }

  return {
    name,
    channels,
    send(message, sendOptions) {
      // Checks run before any await so that bad input never reaches the network, even by a tick.
      let text: string;
      try {
        assertSendable(message, provider);
        text = message.channel === 'voice' ? spoken(message) : message.text;
      } catch (error) {
        return Promise.reject(error);
      }
      return post(message, text, sendOptions).then(
        (accepted): SendResult =>
          message.channel === 'voice'
            ? { provider: name, channel: 'voice', id: accepted.reference_id, to: message.to }
            : {
                provider: name,
                channel: 'sms',
                id: accepted.reference_id,
                to: message.to,
                segments: countSegments(message.text).segments,
              },
      );
    },
  };
}
