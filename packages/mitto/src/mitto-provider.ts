import type { Dispatcher, Provider, SenderOption } from '@mfa-sms/core';
import { countSegments, maskPhoneNumber } from '@mfa-sms/core';
import {
  buildProvider,
  chosenSender,
  createProviderClient,
  lazySchema,
  postMessage,
} from '@mfa-sms/core/provider';
import { senderOption, transportOptions } from '@mfa-sms/provider-schemas';
import * as z from 'zod/mini';
import { mittoError } from './mitto-errors.js';
import { mittoAnswerSchema, mittoSmsRequest, mittoSuccessSchema } from './mitto-wire.js';

export interface MittoOptions {
  /** The API key: the classic guide's `MITTO_API_KEY`. */
  apiKey: string;
  /**
   * Sender id (the classic guide's `MITTO_FROM`), or one per country with `'*'` for the rest
   * (`{ '*': 'Acme', US: '14155550100' }`); countries that refuse alphanumeric senders (US, CA)
   * get a number or nothing.
   */
  from: SenderOption;
  /**
   * Default `https://rest.mittoapi.com`. Mitto's newer host (`https://rest.mittoapi.net`), a
   * regional host or the Swagger's `/v2` base path (`https://rest.mittoapi.com/v2`) work too: a
   * path is kept as a prefix.
   */
  baseUrl?: string;
  /** Per-attempt timeout in ms, 100–60 000. Default 10 000. */
  timeoutMs?: number;
  /** An undici dispatcher (a proxy agent, a `MockAgent`). */
  dispatcher?: Dispatcher;
}

const name = 'mitto';
const label = 'Mitto';
const channels = ['sms'] as const;

/** The options' one source of truth; `MittoOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() =>
  z.strictObject({
    apiKey: z
      .string()
      .check(z.minLength(1, 'must not be empty'), z.regex(/^\S+$/, 'must not contain white space')),
    from: senderOption(),
    ...transportOptions('https://rest.mittoapi.com'),
  }),
);

/**
 * Creates a provider that sends SMS through Mitto. Options are checked now: a bad one throws
 * `invalid_config` naming it (never its value).
 */
export function createMitto(options: MittoOptions): Provider {
  const { http, senders } = createProviderClient(optionsSchema, options, {
    name,
    label,
    version: __PACKAGE_VERSION__,
    secrets: (checked) => [checked.apiKey],
    headers: (checked) => ({ 'x-mitto-api-key': checked.apiKey }),
    encoding: 'json',
    senderRequired: { sms: true, voice: true },
  });

  return buildProvider({
    name,
    label,
    // Mitto has no voice product: a voice message is unsupported_channel, before any request.
    channels,
    cannotSend: (message) => senders(message).problem,
    async send(message, sendOptions) {
      const from = chosenSender(senders(message)) as string;
      const { answer } = await postMessage(http, {
        path: '/sms.json',
        body: mittoSmsRequest(message, from),
        message,
        sendOptions,
        // A refused message comes as HTTP 400, or as HTTP 200 with a non-zero responseCode.
        refused: (response) => (http.tryParseJson(response, mittoAnswerSchema())?.responseCode ?? 0) !== 0,
        failure: (response, sensitive) => mittoError(http, response, sensitive, maskPhoneNumber(message.to)),
        schema: mittoSuccessSchema(),
      });
      return { id: answer.id, segments: countSegments(message.text).segments };
    },
  });
}
