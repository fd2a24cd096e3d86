import {
  countSegments,
  type Dispatcher,
  maskPhoneNumber,
  type PhoneMessage,
  type Provider,
  type SenderOption,
  type SendOptions,
  type SendResult,
} from '@mfa-sms/core';
import {
  assertSendable,
  createHttpClient,
  createProviderErrors,
  createSenderResolver,
  lazySchema,
  parseOptions,
  sensitiveValuesOf,
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
  const settings = parseOptions(optionsSchema, options, { provider: 'mitto', label });
  const http = createHttpClient({
    errors: createProviderErrors({ provider: 'mitto', label, secrets: [settings.apiKey] }),
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    dispatcher: settings.dispatcher,
    headers: {
      'x-mitto-api-key': settings.apiKey,
      'user-agent': `mfa-sms-mitto/${__PACKAGE_VERSION__}`,
    },
  });

  const senders = createSenderResolver(settings.from, {
    provider: 'mitto',
    label,
    required: { sms: true, voice: true },
  });

  async function send(message: PhoneMessage, sendOptions?: SendOptions): Promise<SendResult> {
    // Mitto has no voice product: a voice message is unsupported_channel here, before any request.
    assertSendable(message, { name: 'mitto', label, channels });
    const choice = senders(message);
    if (choice.problem) throw choice.problem;
    const sensitive = sensitiveValuesOf(message);
    const response = await http.request({
      path: '/sms.json',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(mittoSmsRequest(message, choice.sender as string)),
      signal: sendOptions?.signal,
      timeoutMs: sendOptions?.timeoutMs,
      sensitive,
    });
    // A refused message comes as HTTP 400, or as HTTP 200 with a non-zero responseCode.
    const success = response.status >= 200 && response.status < 300;
    const answer = success ? http.tryParseJson(response, mittoAnswerSchema()) : undefined;
    if (!success || (answer !== undefined && answer.responseCode !== 0)) {
      throw mittoError(http, response, sensitive, maskPhoneNumber(message.to));
    }
    const sent = http.parseJson(response, mittoSuccessSchema());
    return {
      provider: 'mitto',
      channel: 'sms',
      id: sent.id,
      to: message.to,
      segments: countSegments(message.text).segments,
    };
  }

  return { name: 'mitto', channels, send, cannotSend: (message) => senders(message).problem };
}
