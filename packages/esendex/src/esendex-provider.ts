import type { Dispatcher, Provider, SenderOption } from '@mfa-sms/core';
import { countSegments, isMfaSmsError, maskPhoneNumber } from '@mfa-sms/core';
import type { HttpResponse, XmlElement } from '@mfa-sms/core/provider';
import {
  basicAuthorization,
  buildProvider,
  createProviderClient,
  lazySchema,
  parseXml,
  postMessage,
} from '@mfa-sms/core/provider';
import { senderOption, transportOptions } from '@mfa-sms/provider-schemas';
import * as z from 'zod/mini';
import { esendexError } from './esendex-errors.js';
import {
  type EsendexDispatch,
  type EsendexVoiceLanguage,
  esendexDispatchFromXml,
  esendexJsonAnswerSchema,
  esendexRequestXml,
  esendexVoiceLanguages,
} from './esendex-wire.js';

export interface EsendexOptions {
  /** The account reference (`EX0000000`): the classic guide's `ESENDEX_ACCOUNT`. */
  accountReference: string;
  /** The login (often an e-mail address): `ESENDEX_USERNAME`. */
  username: string;
  /** The password or an API token: `ESENDEX_PASSWORD`. */
  password: string;
  /**
   * Sender: a phone number, or up to 11 letters, digits and `* $ ? ! " # % & _ - , . @ ' +`; or
   * one per country with `'*'` for the rest (`{ '*': 'Acme', US: '+14155550100' }`). Default,
   * and where no sender given suits the destination (a name to the US, a name for a call): the
   * account's default originator.
   */
  from?: SenderOption;
  voice?: {
    /** Voice used when the message's language is not one Esendex speaks. Default `en-GB`. */
    language?: EsendexVoiceLanguage;
    /** How many times Esendex calls before giving up. Default: the account's. */
    retries?: number;
  };
  /** Default `https://api.esendex.com`; scheme, host and port (a path is kept as a prefix). */
  baseUrl?: string;
  /** Per-attempt timeout in ms, 100–60 000. Default 10 000. */
  timeoutMs?: number;
  /** An undici dispatcher (a proxy agent, a `MockAgent`). */
  dispatcher?: Dispatcher;
}

const name = 'esendex';
const label = 'Esendex';
const channels = ['sms', 'voice'] as const;

/** The options' one source of truth; `EsendexOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() => {
  const nonBlank = z.string().check(
    z.minLength(1, 'must not be empty'),
    z.refine((value) => value.trim() === value, 'must not start or end with white space'),
  );
  return z.strictObject({
    accountReference: z.string().check(z.regex(/^EX\d{5,10}$/i, 'must look like EX0000000')),
    username: nonBlank,
    password: nonBlank,
    // Without it Esendex sends from the account's default originator (the classic guide sets none).
    from: z.optional(senderOption()),
    voice: z.optional(
      z.strictObject({
        language: z.optional(z.enum(esendexVoiceLanguages)),
        retries: z.optional(z.number().check(z.int(), z.gte(0), z.lte(5))),
      }),
    ),
    ...transportOptions('https://api.esendex.com'),
  });
});

/**
 * Creates a provider that sends SMS and voice messages through Esendex's message dispatcher.
 * Options are checked now: a bad one throws `invalid_config` naming it (never its value).
 */
export function createEsendex(options: EsendexOptions): Provider {
  const { settings, errors, http, senders } = createProviderClient(optionsSchema, options, {
    name,
    label,
    version: __PACKAGE_VERSION__,
    // The account reference is stored as a secret in the classic guide: treat it as one.
    secrets: (checked) => [checked.password, checked.username, checked.accountReference],
    authorization: (checked) => basicAuthorization(checked.username, checked.password),
    headers: () => ({ 'content-type': 'application/xml; charset=utf-8', accept: 'application/xml' }),
  });
  const context = {
    accountReference: settings.accountReference,
    voiceLanguage: settings.voice?.language,
    voiceRetries: settings.voice?.retries,
  };

  function readDispatch(response: HttpResponse): EsendexDispatch {
    const body = response.body.trim();
    if (body.startsWith('{')) return http.parseJson(response, esendexJsonAnswerSchema());
    let root: XmlElement | undefined;
    try {
      root = body === '' ? undefined : parseXml(body);
    } catch (caught) {
      if (!isMfaSmsError(caught)) throw caught;
    }
    const dispatch = root === undefined ? undefined : esendexDispatchFromXml(root);
    if (dispatch) return dispatch;
    throw errors.unexpectedAnswer(
      response,
      body === '' ? 'empty body' : 'no <messageheaders> with a message id',
    );
  }

  return buildProvider({
    name,
    label,
    channels,
    async send(message, sendOptions) {
      const { answer } = await postMessage(http, {
        path: '/v1.0/messagedispatcher',
        body: esendexRequestXml(message, { ...context, from: senders(message).sender }),
        message,
        sendOptions,
        failure: (response, sensitive) =>
          esendexError(http, response, sensitive, maskPhoneNumber(message.to)),
        read: readDispatch,
      });
      const segments = message.channel === 'sms' ? countSegments(message.text).segments : undefined;
      return { id: answer.messageId, segments };
    },
  });
}
