import type { Dispatcher } from 'undici';
import { parseOptions, type Schema } from '../contract/options.js';
import type { PhoneMessage } from '../contract/types.js';
import {
  createSenderResolver,
  type SenderChoice,
  type SenderOption,
  type SenderResolverOptions,
} from '../sender/sender-map.js';
import { createHttpClient, type HttpClient } from './http.js';
import { createProviderErrors, type ProviderErrors } from './provider-errors.js';

/** What every provider's settings carry: its senders, and `transportOptions` from its schema. */
export interface ProviderSettings {
  from?: SenderOption | undefined;
  baseUrl?: string | undefined;
  timeoutMs?: number | undefined;
  dispatcher?: Dispatcher | undefined;
}

/** Per channel, whether a message needs a sender of ours (`SenderResolverOptions.required`). */
type SenderRequired = SenderResolverOptions['required'];

/** How a provider package sets itself up: who it is, what is secret, how it authenticates. */
export interface ProviderClientSetup<S> {
  /** Provider id (`plivo`): on every error, and in the user agent `mfa-sms-<name>/<version>`. */
  name: string;
  /** Provider name for people (`Plivo`), in messages. */
  label: string;
  /** The provider package's version: `__PACKAGE_VERSION__`. */
  version: string;
  /**
   * The credentials as the user gave them: each raw value once. Core hides every form it travels
   * in (URL-, form-, JSON-escaped, its base64 inside a longer base64 text), and the
   * `authorization` header whole, so neither a header nor an encoding is listed here.
   */
  secrets(settings: S): readonly (string | undefined)[];
  /** The `Authorization` header of every request (`basicAuthorization(user, key)`, `App ${key}`). */
  authorization?(settings: S): string;
  /** Other headers of every request (an API-key header, a content type). */
  headers?(settings: S): Readonly<Record<string, string>>;
  /** `json` or `form`: sends `accept: application/json` and that content type with every request. */
  encoding?: 'json' | 'form';
  /** Where `http` sends; default `settings.baseUrl`. */
  baseUrl?(settings: S): string;
  /**
   * Per channel, whether a message cannot go without a sender from option `from` (where it can,
   * the provider's own default applies). Default: neither.
   */
  senderRequired?: SenderRequired | ((settings: S) => SenderRequired);
}

/** A provider's checked options with the error factory and HTTP client built from them. */
export interface ProviderClient<S> {
  /** The options, checked and with their defaults. */
  readonly settings: S;
  readonly errors: ProviderErrors;
  /** The client for the provider's base URL; created when first read. */
  readonly http: HttpClient;
  /** Another client with the same errors, headers and limits, for a second host of the provider. */
  connect(baseUrl: string): HttpClient;
  /** The sender for a message from option `from` (`createSenderResolver`), or why there is none. */
  senders: SenderResolver;
  /** A resolver for another option of senders (`voice.from`), named in its errors. Default: none required. */
  senderResolver(from: SenderOption | undefined, option: string, required?: SenderRequired): SenderResolver;
}

/** The sender for one message, or why there is none (`createSenderResolver`). */
export type SenderResolver = (message: Pick<PhoneMessage, 'to' | 'from' | 'channel'>) => SenderChoice;

/**
 * The sender a resolver chose (`undefined`: the provider's own default applies), or throws why it
 * found none: for `send`, where `cannotSend` reported the same problem.
 */
export function chosenSender(choice: SenderChoice): string | undefined {
  if (choice.problem) throw choice.problem;
  return choice.sender;
}

const contentTypes = { json: 'application/json', form: 'application/x-www-form-urlencoded' } as const;

/** `Authorization: Basic …` for a user name and password, as RFC 7617 writes it (UTF-8). */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * Checks a provider's options with its schema (a bad one throws `invalid_config` naming it,
 * never its value), then builds the provider's errors, which redact its secrets, and its HTTP
 * client with the shared headers, and its sender resolver. The first lines of every provider
 * factory.
 */
export function createProviderClient<S extends ProviderSettings>(
  schema: Schema<S> | (() => Schema<S>),
  options: unknown,
  setup: ProviderClientSetup<S>,
): ProviderClient<S> {
  const { name, label } = setup;
  const settings = parseOptions(schema, options, { provider: name, label });
  const authorization = setup.authorization?.(settings);
  const secrets = [...setup.secrets(settings)];
  // The credentials after the scheme, whole: the base64 of a secret shorter than about eight
  // bytes is too short for its runs to be told from chance (base64Runs), so they would not hide it.
  if (authorization !== undefined) secrets.push(authorization.slice(authorization.indexOf(' ') + 1));
  const errors = createProviderErrors({ provider: name, label, secrets });
  const headers: Record<string, string> = { ...setup.headers?.(settings) };
  if (authorization !== undefined) headers.authorization = authorization;
  if (setup.encoding !== undefined) {
    headers.accept = 'application/json';
    headers['content-type'] = contentTypes[setup.encoding];
  }
  headers['user-agent'] = `mfa-sms-${name}/${setup.version}`;

  function connect(baseUrl: string): HttpClient {
    const { timeoutMs, dispatcher } = settings;
    return createHttpClient({ errors, baseUrl, timeoutMs, dispatcher, headers });
  }

  const senderResolver = (
    from: SenderOption | undefined,
    option: string,
    required: SenderRequired = { sms: false, voice: false },
  ) => createSenderResolver(from, { provider: name, label, option, required });
  const { senderRequired } = setup;
  const senders = senderResolver(
    settings.from,
    'from',
    typeof senderRequired === 'function' ? senderRequired(settings) : senderRequired,
  );

  let http: HttpClient | undefined;
  return {
    settings,
    errors,
    senders,
    senderResolver,
    get http() {
      // A provider with several hosts may never use this one: it is made on first use.
      if (http === undefined) {
        const baseUrl = setup.baseUrl?.(settings) ?? settings.baseUrl;
        if (baseUrl === undefined) {
          throw errors.create({ code: 'invalid_config', message: `${label}: no base URL to send to` });
        }
        http = connect(baseUrl);
      }
      return http;
    },
    connect,
  };
}
