import type { PhoneMessage, Provider } from '@mfa-sms/core';
import { countSegments, maskPhoneNumber, speakCodesInText } from '@mfa-sms/core';
import { buildProvider, createProviderClient, postMessage } from '@mfa-sms/core/provider';
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
  const { settings, errors, http } = createProviderClient(optionsSchema, options, {
    name,
    label,
    version: __PACKAGE_VERSION__,
    // The Customer ID is not a password, but with the key it is the whole credential.
    secrets: (checked) => [checked.apiKey, checked.customerId],
    authorization: (checked) => basicAuthorization(checked.customerId, checked.apiKey),
    encoding: 'form',
  });

  function spoken(message: PhoneMessage): string {
    const text = speakCodesInText(message.text, message.code);
    if (text.length > telesignMaxVoiceLength) {
      const reason = `the call's text has ${text.length} characters; Telesign reads at most ${telesignMaxVoiceLength}`;
      throw errors.rejected(message, reason);
    }
    return text;
  }

  return buildProvider({
    name,
    label,
    channels,
    async send(message, sendOptions) {
      const voice = message.channel === 'voice';
      const text = voice ? spoken(message) : message.text;
      const { answer } = await postMessage(http, {
        path: voice ? voicePath : messagingPath,
        body: telesignForm({
          to: message.to,
          text,
          reference: message.reference,
          voice: voice ? chooseVoice(settings.voice.voice, message.language) : undefined,
        }).toString(),
        message,
        sendOptions,
        // A refusal can come with any HTTP status, a 200 included: the body's status code decides.
        refused: (response) => {
          const said = http.tryParseJson(response, telesignAnswerSchema());
          return said !== undefined && !telesignAcceptedCodes.has(said.status.code);
        },
        failure: (response, sensitive) =>
          telesignError(http, response, { sensitive, maskedRecipient: maskPhoneNumber(message.to) }),
        schema: telesignAcceptedSchema(),
      });
      return voice
        ? { id: answer.reference_id }
        : { id: answer.reference_id, segments: countSegments(message.text).segments };
    },
  });
}
