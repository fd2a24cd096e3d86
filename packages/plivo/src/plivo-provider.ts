import type { Provider } from '@mfa-sms/core';
import { countSegments, maskPhoneNumber } from '@mfa-sms/core';
import {
  basicAuthorization,
  buildProvider,
  chosenSender,
  createProviderClient,
  postMessage,
} from '@mfa-sms/core/provider';
import { plivoError } from './plivo-errors.js';
import { optionsSchema, type PlivoOptions } from './plivo-options.js';
import { messagePath, plivoMessageRequest, plivoQueuedSchema } from './plivo-wire.js';

const label = 'Plivo';
const name = 'plivo';
// Plivo's voice API fetches its call instructions from an answer URL the sender hosts, which an
// Auth0 Action does not have: voice is left to the next provider.
const channels = ['sms'] as const;

/** A Plivo provider: SMS through the Message API. */
export function createPlivo(options: PlivoOptions): Provider {
  const { settings, errors, http, senders } = createProviderClient(optionsSchema, options, {
    name,
    label,
    version: __PACKAGE_VERSION__,
    secrets: (checked) => [checked.authToken],
    authorization: (checked) => basicAuthorization(checked.authId, checked.authToken),
    encoding: 'json',
    senderRequired: { sms: true, voice: true },
  });
  const path = messagePath(settings.authId);

  return buildProvider({
    name,
    label,
    channels,
    // Only SMS gets this far: the router offers a provider its own channels, buildProvider refuses others.
    cannotSend: (message) => senders(message).problem,
    async send(message, sendOptions) {
      const from = chosenSender(senders(message)) as string;
      const { answer, response, sensitive } = await postMessage(http, {
        path,
        body: plivoMessageRequest({ to: message.to, from, text: message.text }),
        message,
        sendOptions,
        failure: (failed, values) => plivoError(http, failed, { to: message.to, sensitive: values }),
        schema: plivoQueuedSchema(),
      });
      const id = answer.message_uuid[0];
      if (id !== undefined) return { id, segments: countSegments(message.text).segments };
      // A 202 can list the destination under invalid_number and queue nothing.
      if (answer.invalid_number !== undefined && answer.invalid_number.length > 0) {
        throw errors.create({
          code: 'invalid_recipient',
          status: response.status,
          message: `${label} queued nothing: the recipient ${maskPhoneNumber(message.to)} is listed as an invalid number`,
          sensitive: sensitive(),
        });
      }
      throw errors.unexpectedAnswer(response, 'message_uuid: no message was queued');
    },
  });
}
