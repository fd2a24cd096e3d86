import {
  countSegments,
  maskPhoneNumber,
  type PhoneMessage,
  type Provider,
  type SendOptions,
  type SendResult,
} from '@mfa-sms/core';
import {
  assertSendable,
  createHttpClient,
  createProviderErrors,
  createSenderResolver,
  parseOptions,
  sensitiveValuesOf,
} from '@mfa-sms/core/provider';
import { plivoError } from './plivo-errors.js';
import { optionsSchema, type PlivoOptions } from './plivo-options.js';
import { basicAuthorization, messagePath, plivoMessageRequest, plivoQueuedSchema } from './plivo-wire.js';

const label = 'Plivo';
const name = 'plivo';
// Plivo's voice API fetches its call instructions from an answer URL the sender hosts, which an
// Auth0 Action does not have: voice is left to the next provider.
const channels = ['sms'] as const;

/** A Plivo provider: SMS through the Message API. */
export function createPlivo(options: PlivoOptions): Provider {
  const settings = parseOptions(optionsSchema, options, { provider: name, label });
  const authorization = basicAuthorization(settings.authId, settings.authToken);
  const errors = createProviderErrors({
    provider: name,
    label,
    secrets: [settings.authToken, authorization, authorization.slice(6)],
  });
  const http = createHttpClient({
    errors,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    dispatcher: settings.dispatcher,
    headers: {
      authorization,
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': `mfa-sms-plivo/${__PACKAGE_VERSION__}`,
    },
  });
  const senders = createSenderResolver(settings.from, {
    provider: name,
    label,
    required: { sms: true, voice: true },
  });
  const path = messagePath(settings.authId);

  async function sendSms(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<SendResult> {
    const choice = senders(message);
    if (choice.problem) throw choice.problem;
    const sensitive = () => sensitiveValuesOf(message);
    const response = await http.request({
      path,
      body: JSON.stringify(
        plivoMessageRequest({ to: message.to, from: choice.sender as string, text: message.text }),
      ),
      sensitive,
      signal: sendOptions?.signal,
      timeoutMs: sendOptions?.timeoutMs,
    });
    if (response.status < 200 || response.status >= 300) {
      throw plivoError(http, response, { to: message.to, sensitive: sensitive() });
    }
    const queued = http.parseJson(response, plivoQueuedSchema());
    const id = queued.message_uuid[0];
    if (id === undefined) {
      // A 202 can list the destination under invalid_number and queue nothing.
      if (queued.invalid_number !== undefined && queued.invalid_number.length > 0) {
        throw errors.create({
          code: 'invalid_recipient',
          status: response.status,
          message: `${label} queued nothing: the recipient ${maskPhoneNumber(message.to)} is listed as an invalid number`,
          sensitive: sensitive(),
        });
      }
      throw errors.unexpectedAnswer(response, 'message_uuid: no message was queued');
    }
    return {
      provider: name,
      channel: 'sms',
      id,
      to: message.to,
      segments: countSegments(message.text).segments,
    };
  }

  return {
    name,
    channels,
    cannotSend: (message) => (message.channel === 'sms' ? senders(message).problem : undefined),
    send(message, sendOptions) {
      // Checked before any await: bad input (and a voice message) never reaches the network.
      try {
        assertSendable(message, { name, label, channels });
      } catch (error) {
        return Promise.reject(error);
      }
      return sendSms(message, sendOptions);
    },
  };
}
