import { z } from 'zod';
import { fromCustomPhoneProviderEvent, fromHook, fromSendPhoneMessageEvent } from './auth0-adapters.js';
import type {
  Auth0Cache,
  Auth0Secrets,
  CustomPhoneProviderApi,
  CustomPhoneProviderEvent,
  SendPhoneMessageApi,
  SendPhoneMessageEvent,
  SendPhoneMessageHook,
} from './auth0-types.js';
import { appendValidatedLines, autofillOptionShape } from './autofill.js';
import { cacheLedger, dedupeKey, memoryLedger, type SentLedger } from './dedupe.js';
import { isMfaSmsError, MfaSmsError, type SendAttempt } from './errors.js';
import type { GuardOptions } from './guard.js';
import { defaultMessage } from './message-catalog.js';
import { lazySchema, parseOptions, providerOption } from './options.js';
import { normalizePhoneNumber } from './phone-number.js';
import { maskPhoneNumber } from './redact.js';
import { createRouter, type Router } from './router.js';
import type { DeliveryRequest, PhoneMessage, Provider } from './types.js';

/** Everything an Action does with a message, apart from the providers' own credentials. */
export interface ActionPolicy {
  /** Providers in failover order, or a function of the Action's secrets that builds them (called once per warm container, again when the secrets change). */
  providers: readonly Provider[] | ((secrets: Auth0Secrets) => readonly Provider[]);
  /** Country (ISO 3166 alpha-2) → provider names to try, `'*'` for the rest; see `createRouter`. */
  routes?: Readonly<Record<string, readonly string[]>>;
  /** Destination policy: allowed and blocked countries, allowed number types. */
  guard?: GuardOptions;
  /** Country for recipients Auth0 passes without a country code; without it, the request's IP country is tried. */
  defaultCountry?: string;
  /** Overall time for one message, all failovers included. Default 15 000 ms, under Auth0's 20 s limit. */
  deadlineMs?: number;
  /** Upper bound for one provider attempt, so that a hanging provider leaves time for the next. */
  attemptTimeoutMs?: number;
  /** `auth0` (default) sends the text Auth0 rendered; `builtin` uses core's catalog in the user's language. */
  templates?: 'auth0' | 'builtin';
  /** Application name for the built-in templates; by default the Auth0 application's name. */
  appName?: string;
  /**
   * The domain where users type the code (`login.example.com`): every SMS that carries a code
   * ends with the origin-bound line `@login.example.com #123456`, so that Safari and Chrome
   * offer the code for autofill on that domain only. Auth0's text gets it too, unless its last
   * line already is one. Voice is unaffected.
   */
  origin?: string;
  /** An Android app's 11-character SMS Retriever hash, added on a line before the origin line. */
  androidAppHash?: string;
  /** Log what would be sent and send nothing. */
  dryRun?: boolean;
  /** The same recipient, code and purpose within this many milliseconds is sent once. Default 60 000; 0 turns it off. */
  dedupeWindowMs?: number;
  /** Where the one log line per execution goes. Default `console.log`. */
  log?: (line: string) => void;
}

/** The policy itself, or a function of the Action's secrets that returns it. */
export type ActionHandlersOptions = ActionPolicy | ((secrets: Auth0Secrets) => ActionPolicy);

export interface ActionHandlers {
  /** Export as `onExecuteSendPhoneMessage` for the `send-phone-message` trigger. */
  onExecuteSendPhoneMessage(event: SendPhoneMessageEvent, api: SendPhoneMessageApi): Promise<void>;
  /** Export as `onExecuteCustomPhoneProvider` for the `custom-phone-provider` trigger. */
  onExecuteCustomPhoneProvider(event: CustomPhoneProviderEvent, api: CustomPhoneProviderApi): Promise<void>;
  /** Assign to `module.exports` of a legacy `send-phone-message` Hook. */
  hook: SendPhoneMessageHook;
}

const functionSchema = <T>(what: string) =>
  z.custom<T>((value) => typeof value === 'function', `must be ${what}`);

const policySchema = lazySchema(() =>
  z.strictObject({
    providers: z.union([
      z.array(providerOption).min(1, 'at least one provider is needed'),
      functionSchema<(secrets: Auth0Secrets) => readonly Provider[]>(
        'a list of providers or a function of the secrets',
      ),
    ]),
    routes: z.record(z.string(), z.array(z.string())).optional(),
    guard: z.record(z.string(), z.unknown()).optional(),
    defaultCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code')
      .optional(),
    deadlineMs: z.number().int().min(1000).max(19_000).optional(),
    attemptTimeoutMs: z.number().int().min(100).max(19_000).optional(),
    templates: z.enum(['auth0', 'builtin']).optional(),
    appName: z.string().max(40).optional(),
    ...autofillOptionShape(),
    dryRun: z.boolean().optional(),
    dedupeWindowMs: z.number().int().min(0).max(86_400_000).optional(),
    log: functionSchema<(line: string) => void>('a function').optional(),
  }),
);

interface Configuration {
  router: Router;
  policy: ActionPolicy;
  memory: SentLedger;
}

type Outcome =
  | { status: 'sent'; message: PhoneMessage; attempts: SendAttempt[]; provider: string; id: string }
  | { status: 'duplicate' | 'dry-run'; message: PhoneMessage; providers: string[] }
  | { status: 'failed'; error: MfaSmsError; message?: PhoneMessage };

const defaultDedupeWindowMs = 60_000;
const logLimit = 256;

// Comparing the secrets with the ones the providers were built from is cheaper than hashing them
// on every execution, and Auth0 hands each execution a fresh object with the same values.
function sameSecrets(a: Auth0Secrets, b: Auth0Secrets | undefined): boolean {
  const source = b ?? {};
  const names = Object.keys(a);
  if (names.length !== Object.keys(source).length) return false;
  for (const name of names) if (a[name] !== source[name]) return false;
  return true;
}

function asMfaSmsError(error: unknown): MfaSmsError {
  if (isMfaSmsError(error)) return error;
  const name = error instanceof Error ? error.name : typeof error;
  // Foreign errors may carry anything (a secret in a message); only their type is kept.
  return new MfaSmsError({
    code: 'invalid_config',
    message: `Configuring the providers failed with an unexpected ${name}`,
  });
}

function logLine(
  outcome: Outcome,
  elapsedMs: number,
  channel: string,
  correlationId: string | undefined,
): string {
  const parts = [`mfa-sms ${outcome.status}`];
  const message = outcome.message;
  if (message) parts.push(`channel=${message.channel}`, `to=${maskPhoneNumber(message.to)}`);
  else parts.push(`channel=${channel}`);
  if (outcome.status === 'sent') {
    parts.push(`provider=${outcome.provider}`, `id=${outcome.id.slice(0, 40)}`);
    parts.push(
      `attempts=${outcome.attempts.map((attempt) => `${attempt.provider}:${attempt.code}`).join(',')}`,
    );
  } else if (outcome.status === 'failed') {
    const error = outcome.error;
    parts.push(`code=${error.code}`, `retryable=${error.retryable}`);
    if (error.attempts?.length)
      parts.push(
        `attempts=${error.attempts.map((attempt) => `${attempt.provider}:${attempt.code}`).join(',')}`,
      );
    else if (error.provider) parts.push(`provider=${error.provider}`);
  } else {
    parts.push(`providers=${outcome.providers.join(',')}`);
  }
  parts.push(`ms=${Math.round(elapsedMs)}`);
  if (correlationId) parts.push(`corr=${correlationId.slice(0, 40)}`);
  let line = parts.join(' ');
  // The reason goes last so that truncation to Auth0's 256 characters only ever shortens it.
  if (outcome.status === 'failed') line += ` reason="${outcome.error.message.replace(/"/g, "'")}"`;
  return line.length > logLimit ? `${line.slice(0, logLimit - 2)}…"` : line;
}

/**
 * Builds the Auth0 entry points (`send-phone-message` and `custom-phone-provider` Actions and the
 * legacy Hook) around your providers: adapter → normalise → guard → router → send, with
 * deduplication, one redacted log line per execution, and Auth0's retry/drop protocol.
 */
export function createActionHandlers(options: ActionHandlersOptions): ActionHandlers {
  let cached: { secrets: Auth0Secrets; configuration: Configuration } | undefined;

  // Built at the first event, not at module scope: secrets exist only in events, and a mistake
  // in the options surfaces as that event's error, naming the option.
  function configure(secrets: Auth0Secrets | undefined): Configuration {
    if (cached && sameSecrets(cached.secrets, secrets)) return cached.configuration;
    const safeSecrets: Auth0Secrets = Object.freeze({ ...secrets });
    const raw = typeof options === 'function' ? options(safeSecrets) : options;
    const policy = parseOptions(policySchema, raw, { label: 'Action' }) as ActionPolicy;
    const providers =
      typeof policy.providers === 'function' ? policy.providers(safeSecrets) : policy.providers;
    const router = createRouter({
      providers,
      ...(policy.routes ? { routes: policy.routes } : {}),
      ...(policy.guard ? { guard: policy.guard } : {}),
      ...(policy.deadlineMs === undefined ? {} : { deadlineMs: policy.deadlineMs }),
      ...(policy.attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs: policy.attemptTimeoutMs }),
    });
    const window = policy.dedupeWindowMs ?? defaultDedupeWindowMs;
    const configuration = { router, policy, memory: memoryLedger(window) };
    cached = { secrets: safeSecrets, configuration };
    return configuration;
  }

  function toMessage(
    request: DeliveryRequest,
    policy: ActionPolicy,
    appName: string | undefined,
  ): PhoneMessage {
    const defaultCountry = policy.defaultCountry ?? request.requestCountry;
    const { e164 } = normalizePhoneNumber(request.recipient, defaultCountry ? { defaultCountry } : {});
    let text = request.text;
    let language = request.language;
    if (policy.templates === 'builtin' && request.code) {
      const name = policy.appName ?? appName;
      const rendered = defaultMessage({
        channel: request.channel,
        purpose: request.purpose,
        language: request.language,
        code: request.code,
        origin: policy.origin,
        androidAppHash: policy.androidAppHash,
        ...(name ? { appName: name.slice(0, 40) } : {}),
      });
      text = rendered.text;
      language = rendered.language;
    } else if (request.channel === 'sms' && request.code) {
      text = appendValidatedLines(text, request.code, policy);
    }
    return {
      to: e164,
      text,
      channel: request.channel,
      ...(request.code ? { code: request.code } : {}),
      ...(language ? { language } : {}),
      ...(request.reference ? { reference: request.reference } : {}),
    };
  }

  async function deliver(
    read: () => DeliveryRequest,
    secrets: Auth0Secrets | undefined,
    cache: Auth0Cache | undefined,
    context: { appName?: string | undefined; correlationId?: string | undefined; channelHint: string },
  ): Promise<Outcome> {
    const started = performance.now();
    let outcome: Outcome;
    let message: PhoneMessage | undefined;
    // The given logger is used even when the rest of the options turn out to be invalid.
    let log: (line: string) => void =
      typeof options === 'object' && typeof options?.log === 'function' ? options.log : console.log;
    try {
      const { router, policy, memory } = configure(secrets);
      if (policy.log) log = policy.log;
      const request = read();
      message = toMessage(request, policy, context.appName);
      const window = policy.dedupeWindowMs ?? defaultDedupeWindowMs;
      const ledger = cache ? cacheLedger(cache, window) : memory;
      const key = window > 0 ? dedupeKey(message, request.purpose) : undefined;
      const providers = router.check(message).map((provider) => provider.name);
      if (key !== undefined && ledger.seen(key)) {
        outcome = { status: 'duplicate', message, providers };
      } else if (policy.dryRun) {
        outcome = { status: 'dry-run', message, providers };
      } else {
        try {
          const result = await router.send(message);
          if (key !== undefined) ledger.remember(key, result.id.slice(0, 64));
          outcome = {
            status: 'sent',
            message,
            attempts: result.attempts,
            provider: result.provider,
            id: result.id,
          };
        } catch (error) {
          outcome = { status: 'failed', error: asMfaSmsError(error), message };
        }
      }
    } catch (error) {
      outcome = { status: 'failed', error: asMfaSmsError(error), ...(message ? { message } : {}) };
    }
    try {
      log(logLine(outcome, performance.now() - started, context.channelHint, context.correlationId));
    } catch {
      // A broken logger must not turn a sent message into a failed login.
    }
    return outcome;
  }

  return {
    async onExecuteSendPhoneMessage(event, api) {
      const outcome = await deliver(() => fromSendPhoneMessageEvent(event), event?.secrets, api?.cache, {
        appName: event?.client?.name,
        correlationId: event?.transaction?.correlation_id,
        channelHint: String(event?.message_options?.message_type ?? 'unknown'),
      });
      if (outcome.status === 'failed') throw outcome.error;
    },

    async onExecuteCustomPhoneProvider(event, api) {
      const outcome = await deliver(() => fromCustomPhoneProviderEvent(event), event?.secrets, api?.cache, {
        appName: event?.client?.name,
        correlationId: event?.transaction?.correlation_id,
        channelHint: String(event?.notification?.delivery_method ?? 'unknown'),
      });
      if (outcome.status !== 'failed') return;
      // Auth0 retries up to five times over the next minutes: worth it only when a later attempt can succeed.
      const reason = `${outcome.error.code}: ${outcome.error.message}`.slice(0, 200);
      if (outcome.error.retryable) api.notification.retry(reason);
      else api.notification.drop(reason);
    },

    hook(recipient, text, context, callback) {
      deliver(() => fromHook(recipient, text, context), context?.webtask?.secrets, undefined, {
        appName: context?.client?.name,
        channelHint: String(context?.message_type ?? 'unknown'),
      }).then(
        (outcome) => (outcome.status === 'failed' ? callback(outcome.error) : callback(null, {})),
        (error: unknown) => callback(asMfaSmsError(error)),
      );
    },
  };
}
