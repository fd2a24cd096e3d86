import { z } from 'zod';
import { fromCustomPhoneProviderEvent, fromHook, fromSendPhoneMessageEvent } from './auth0-adapters.js';
import type {
  Auth0Cache,
  Auth0Client,
  Auth0Connection,
  Auth0Organization,
  Auth0Secrets,
  CustomPhoneProviderApi,
  CustomPhoneProviderEvent,
  SendPhoneMessageApi,
  SendPhoneMessageEvent,
  SendPhoneMessageHook,
} from './auth0-types.js';
import { appendValidatedLines, autofillOptionShape } from './autofill.js';
import { dedupeKey, memoryLedger, type SentLedger, storeLedger } from './dedupe.js';
import { isMfaSmsError, MfaSmsError, type SendAttempt } from './errors.js';
import type { GuardOptions } from './guard.js';
import type { VelocityLimits } from './limits.js';
import { defaultMessage } from './message-catalog.js';
import { lazySchema, parseOptions, providerOption } from './options.js';
import { normalizePhoneNumber } from './phone-number.js';
import { maskPhoneNumber } from './redact.js';
import { createRouter, type Router } from './router.js';
import { isSenderId } from './sender-id.js';
import { createAuth0CacheStore, type Store, storeOption } from './store.js';
import { type StoreKeyer, storeKeyerFor } from './store-keys.js';
import type { DeliveryRequest, PhoneMessage, Provider, Purpose } from './types.js';

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
  /** Upper bound for one provider attempt, so that a hanging provider leaves time for the next. Default 5 000 ms. */
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
  /** Send from the sender Auth0 gives (a Phone Template's "From", `event.notification.from`) when it gives one. Default `true`; `false` keeps the providers' own `from`. */
  useNotificationFrom?: boolean;
  /** The same recipient, code and purpose within this many milliseconds is sent once. Default 60 000; 0 turns it off. */
  dedupeWindowMs?: number;
  /** Where the one log line per execution goes. Default `console.log`. */
  log?: (line: string) => void;
  /**
   * Velocity limits against SMS pumping, on by default: 5 codes per recipient an hour, 30 per
   * number range in 10 minutes (country off). Give your own, or `false` to turn them all off.
   */
  limits?: VelocityLimits | false;
  /**
   * Where the limits count and deduplication remembers. Default: the execution's `api.cache`
   * (best effort, 20 entries), or memory for the Hook. A shared store (`createRedisStore`) counts
   * across Auth0's containers.
   */
  store?: Store;
  /** HMAC secret for the store's keys (at least 16 characters); required with a shared store. */
  storeKey?: string;
}

/** What a policy may depend on, per message: the application, organization and connection (as Auth0 gives them). */
export interface ActionEventContext {
  trigger: 'send-phone-message' | 'custom-phone-provider' | 'hook';
  /** The application the user signs in to; a Hook's older flat `client_id` becomes `{ client_id }`. */
  client?: Auth0Client;
  /** `custom-phone-provider` only. */
  organization?: Auth0Organization;
  /** `custom-phone-provider` only. */
  connection?: Auth0Connection;
}

/**
 * A policy chosen per message. Build providers outside it (in the function of the secrets that
 * returns it) so that they are built once per set of secrets and keep their connections; a router
 * is kept for each distinct combination of providers, routes, guard, deadlines and dedupe window.
 */
export type PolicyForEvent = (event: ActionEventContext) => ActionPolicy;

/**
 * The policy itself, or a function of the Action's secrets (called once per warm container, again
 * when the secrets change) that returns the policy or a `PolicyForEvent`.
 */
export type ActionHandlersOptions = ActionPolicy | ((secrets: Auth0Secrets) => ActionPolicy | PolicyForEvent);

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
    useNotificationFrom: z.boolean().optional(),
    dedupeWindowMs: z.number().int().min(0).max(86_400_000).optional(),
    log: functionSchema<(line: string) => void>('a function').optional(),
    limits: z.union([z.literal(false), z.record(z.string(), z.unknown())]).optional(),
    store: storeOption().optional(),
    storeKey: z.string().optional(),
  }),
);

interface Configuration {
  router: Router;
  policy: ActionPolicy;
  memory: SentLedger;
  keyer: StoreKeyer | undefined;
}

// The event's context is read only by a per-event policy: a static one never pays for it.
type Select = (event: () => ActionEventContext) => Configuration;

type Outcome =
  | { status: 'sent'; message: PhoneMessage; attempts: SendAttempt[]; provider: string; id: string }
  | { status: 'duplicate' | 'dry-run'; message: PhoneMessage; providers: string[] }
  | { status: 'failed'; error: MfaSmsError; message?: PhoneMessage };

const defaultDedupeWindowMs = 60_000;
// A healthy SMS API answers in well under a second. Five seconds for a provider that hangs still
// lets the next one deliver while the user waits, far inside Auth0's 20 s.
const defaultAttemptTimeoutMs = 5000;
const logLimit = 256;
// Distinct policies a PolicyForEvent returns (per application, per organization): a handful.
const perEventConfigurationLimit = 64;

// Identities for providers and functions, so that policies built afresh per event from the
// same providers find the router already built for them.
const identities = new WeakMap<object, number>();
let nextIdentity = 0;
function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

// What decides a router and its memory: a per-event policy with the same of these shares them,
// whatever else (a logger written inline, templates) it sets.
function routerKey(policy: ActionPolicy): string | undefined {
  const { providers, routes, guard, deadlineMs, attemptTimeoutMs, dedupeWindowMs, limits, storeKey } = policy;
  const store = policy.store ? `#${identityOf(policy.store)}` : undefined;
  try {
    return JSON.stringify(
      { providers, routes, guard, deadlineMs, attemptTimeoutMs, dedupeWindowMs, limits, store, storeKey },
      (_, value: unknown) =>
        (typeof value === 'object' && value !== null && typeof (value as Provider).send === 'function') ||
        typeof value === 'function'
          ? `#${identityOf(value as object)}`
          : value,
    );
  } catch {
    return undefined;
  }
}

function eventContext(
  trigger: ActionEventContext['trigger'],
  source: { client?: unknown; organization?: unknown; connection?: unknown; client_id?: unknown } | undefined,
): ActionEventContext {
  const context: ActionEventContext = { trigger };
  const object = (value: unknown) => (typeof value === 'object' && value !== null ? value : undefined);
  const client =
    object(source?.client) ??
    (typeof source?.client_id === 'string' ? { client_id: source.client_id } : undefined);
  if (client) context.client = client as Auth0Client;
  const organization = object(source?.organization);
  if (organization) context.organization = organization as Auth0Organization;
  const connection = object(source?.connection);
  if (connection) context.connection = connection as Auth0Connection;
  return Object.freeze(context);
}

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
  purpose: Purpose | undefined,
): string {
  const parts = [`mfa-sms ${outcome.status}`];
  const message = outcome.message;
  if (message) parts.push(`channel=${message.channel}`, `to=${maskPhoneNumber(message.to)}`);
  else parts.push(`channel=${channel}`);
  // One-time codes are the common case; a notification, or a type this version does not know, is told.
  if (purpose === 'notification' || purpose === 'other') parts.push(`purpose=${purpose}`);
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
  let cached: { secrets: Auth0Secrets; select: Select } | undefined;

  // Built at the first event, not at module scope: secrets exist only in events, and a mistake
  // in the options surfaces as that event's error, naming the option.
  function configure(secrets: Auth0Secrets | undefined): Select {
    if (cached && sameSecrets(cached.secrets, secrets)) return cached.select;
    const safeSecrets: Auth0Secrets = Object.freeze({ ...secrets });
    const raw = typeof options === 'function' ? options(safeSecrets) : options;
    // Per set of secrets: a providers function runs once, and one memory serves every policy.
    const built = new Map<unknown, readonly Provider[]>();
    const memories = new Map<number, SentLedger>();
    const parse = (input: unknown) => parseOptions(policySchema, input, { label: 'Action' }) as ActionPolicy;
    let select: Select;
    if (typeof raw === 'function') {
      const forEvent = raw as PolicyForEvent;
      const shared = new Map<string, Omit<Configuration, 'policy'>>();
      select = (event) => {
        const policy = parse(forEvent(event()));
        const key = routerKey(policy);
        let parts = key === undefined ? undefined : shared.get(key);
        if (!parts) {
          parts = routerFor(policy, safeSecrets, built, memories);
          if (key !== undefined) {
            if (shared.size >= perEventConfigurationLimit) shared.clear();
            shared.set(key, parts);
          }
        }
        return { ...parts, policy };
      };
    } else {
      const policy = parse(raw);
      const configuration = { ...routerFor(policy, safeSecrets, built, memories), policy };
      select = () => configuration;
    }
    cached = { secrets: safeSecrets, select };
    return select;
  }

  function routerFor(
    policy: ActionPolicy,
    safeSecrets: Auth0Secrets,
    built: Map<unknown, readonly Provider[]>,
    memories: Map<number, SentLedger>,
  ): Omit<Configuration, 'policy'> {
    let providers: readonly Provider[];
    if (typeof policy.providers === 'function') {
      providers = built.get(policy.providers) ?? policy.providers(safeSecrets);
      built.set(policy.providers, providers);
    } else {
      providers = policy.providers;
    }
    const router = createRouter({
      providers,
      ...(policy.routes ? { routes: policy.routes } : {}),
      ...(policy.guard ? { guard: policy.guard } : {}),
      ...(policy.deadlineMs === undefined ? {} : { deadlineMs: policy.deadlineMs }),
      attemptTimeoutMs: policy.attemptTimeoutMs ?? defaultAttemptTimeoutMs,
      limits: policy.limits ?? true,
      ...(policy.store ? { store: policy.store } : {}),
      ...(policy.storeKey === undefined ? {} : { storeKey: policy.storeKey }),
    });
    const window = policy.dedupeWindowMs ?? defaultDedupeWindowMs;
    const memory = memories.get(window) ?? memoryLedger(window);
    memories.set(window, memory);
    const keyer = policy.store ? storeKeyerFor(policy.store, policy.storeKey) : undefined;
    return { router, memory, keyer };
  }

  function toMessage(
    request: DeliveryRequest,
    policy: ActionPolicy,
    appName: string | undefined,
  ): PhoneMessage {
    const { e164 } = normalizePhoneNumber(
      request.recipient,
      policy.defaultCountry
        ? { defaultCountry: policy.defaultCountry }
        : request.requestCountry
          ? { requestCountry: request.requestCountry }
          : {},
    );
    let text = request.text;
    let language = request.language;
    // A message type this version does not know has no built-in wording: Auth0's text is sent.
    if (policy.templates === 'builtin' && request.code && request.purpose !== 'other') {
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
      // A From no provider would take (a template typo) must not cost the user the code: the
      // providers' own sender is used instead.
      ...(request.from && policy.useNotificationFrom !== false && isSenderId(request.from)
        ? { from: request.from }
        : {}),
    };
  }

  async function deliver(
    read: () => DeliveryRequest,
    secrets: Auth0Secrets | undefined,
    cache: Auth0Cache | undefined,
    context: {
      appName?: string | undefined;
      correlationId?: string | undefined;
      channelHint: string;
      event: () => ActionEventContext;
    },
  ): Promise<Outcome> {
    const started = performance.now();
    let outcome: Outcome;
    let message: PhoneMessage | undefined;
    let purpose: Purpose | undefined;
    // The given logger is used even when the rest of the options turn out to be invalid.
    let log: (line: string) => void =
      typeof options === 'object' && typeof options?.log === 'function' ? options.log : console.log;
    try {
      const { router, policy, memory, keyer } = configure(secrets)(context.event);
      if (policy.log) log = policy.log;
      const request = read();
      purpose = request.purpose;
      message = toMessage(request, policy, context.appName);
      const window = policy.dedupeWindowMs ?? defaultDedupeWindowMs;
      // Without a store of its own, an Action counts and remembers in its execution's api.cache.
      const cacheStore = !policy.store && cache ? createAuth0CacheStore(cache) : undefined;
      const store = policy.store ?? cacheStore;
      const ledger = store ? storeLedger(store, window) : memory;
      const key = window > 0 ? dedupeKey(message, request.purpose, keyer) : undefined;
      const providers = router.check(message).map((provider) => provider.name);
      if (key !== undefined && (await ledger.seen(key))) {
        outcome = { status: 'duplicate', message, providers };
      } else if (policy.dryRun) {
        outcome = { status: 'dry-run', message, providers };
      } else {
        try {
          const result = await router.send(message, cacheStore ? { store: cacheStore } : {});
          if (key !== undefined) await ledger.remember(key, result.id.slice(0, 64));
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
      log(logLine(outcome, performance.now() - started, context.channelHint, context.correlationId, purpose));
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
        event: () => eventContext('send-phone-message', event),
      });
      if (outcome.status === 'failed') throw outcome.error;
    },

    async onExecuteCustomPhoneProvider(event, api) {
      const outcome = await deliver(() => fromCustomPhoneProviderEvent(event), event?.secrets, api?.cache, {
        appName: event?.client?.name,
        correlationId: event?.transaction?.correlation_id,
        channelHint: String(event?.notification?.delivery_method ?? 'unknown'),
        event: () => eventContext('custom-phone-provider', event),
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
        event: () => eventContext('hook', context),
      }).then(
        (outcome) => (outcome.status === 'failed' ? callback(outcome.error) : callback(null, {})),
        (error: unknown) => callback(asMfaSmsError(error)),
      );
    },
  };
}
