import {
  channelOfDeliveryMethod,
  fromCustomPhoneProviderEvent,
  fromHook,
  fromSendPhoneMessageEvent,
} from '../auth0/auth0-adapters.js';
import type { Auth0Cache, Auth0Secrets } from '../auth0/auth0-types.js';
import { parseOptions } from '../contract/options.js';
import type { DeliveryRequest, PhoneMessage, Provider, Purpose } from '../contract/types.js';
import { carryNumber } from '../phone/message-number.js';
import { normalizePhoneNumber } from '../phone/phone-number.js';
import { createRouter } from '../routing/router.js';
import { type CheckedSendOptions, checkedProviders } from '../routing/router-options.js';
import { isSenderId } from '../sender/sender-id.js';
import { storeKeyerFor } from '../store/store-keys.js';
import { appendValidatedLines } from '../text/autofill.js';
import { defaultMessage } from '../text/message-catalog.js';
import {
  asMfaSmsError,
  type Configuration,
  eventContext,
  routerKey,
  type Select,
  sameSecrets,
} from './action-config.js';
import { logLine, type Outcome } from './action-log.js';
import {
  type ActionEventContext,
  type ActionHandlers,
  type ActionHandlersOptions,
  type ActionPolicy,
  type PolicyForEvent,
  policySchema,
} from './action-policy.js';
import {
  cacheStoreMemo,
  containerMemory,
  dedupeKey,
  memoryLedger,
  type SentLedger,
  storeLedger,
} from './dedupe.js';

const defaultDedupeWindowMs = 60_000;
// A healthy SMS API answers in well under a second. Five seconds for a provider that hangs still
// lets the next one deliver while the user waits, far inside Auth0's 20 s.
const defaultAttemptTimeoutMs = 5000;
// Distinct policies a PolicyForEvent returns (per application, per organization): a handful.
const perEventConfigurationLimit = 64;

// Only a duplicate or a dry run lists the providers it would have used: a send names the one used.
function namesOf(providers: readonly Provider[]): string[] {
  return providers.map((provider) => provider.name);
}

/**
 * Builds the Auth0 entry points (`send-phone-message` and `custom-phone-provider` Actions and the
 * legacy Hook) around your providers: adapter → normalise → guard → router → send, with
 * deduplication, one redacted log line per execution, and Auth0's retry/drop protocol.
 */
export function createActionHandlers(options: ActionHandlersOptions): ActionHandlers {
  // The container's memory: counts here too when they live in api.cache, so that a write the
  // cache refuses, evicts or loses never lets a count start again (module scope in an Action).
  const container = containerMemory();
  let cached: { secrets: Auth0Secrets; select: Select } | undefined;
  const cacheStoreFor = cacheStoreMemo(container);

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
      routes: policy.routes,
      guard: policy.guard,
      deadlineMs: policy.deadlineMs,
      attemptTimeoutMs: policy.attemptTimeoutMs ?? defaultAttemptTimeoutMs,
      limits: policy.limits ?? true,
      health: policy.health ?? true,
      store: policy.store,
      storeKey: policy.storeKey,
    });
    const window = policy.dedupeWindowMs ?? defaultDedupeWindowMs;
    const memory = memories.get(window) ?? memoryLedger(window);
    memories.set(window, memory);
    // With a store key, api.cache's keys are keyed too: the tenant's cache then holds no hash of a
    // number that hashing every number would reverse.
    const keyer =
      policy.store || policy.storeKey !== undefined
        ? storeKeyerFor(policy.store ?? container, policy.storeKey)
        : undefined;
    return { router, memory, keyer };
  }

  function toMessage(
    request: DeliveryRequest,
    policy: ActionPolicy,
    appName: string | undefined,
  ): PhoneMessage {
    const number = normalizePhoneNumber(
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
    // Assigned one by one: spreading a literal per optional field built and dropped an object each.
    const message: PhoneMessage = { to: number.e164, text, channel: request.channel };
    if (request.code) message.code = request.code;
    if (language) message.language = language;
    if (request.reference) message.reference = request.reference;
    // A From no provider would take (a template typo) must not cost the user the code: the
    // providers' own sender is used instead.
    if (request.from && policy.useNotificationFrom !== false && isSenderId(request.from)) {
      message.from = request.from;
    }
    // Parse once: the guard, the routes, the limits and the providers' sender maps read the
    // number's country and type from here (phone/message-number.ts says why under a symbol, not a field).
    carryNumber(message, number);
    return message;
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
      const fromCache = !policy.store && cache ? cacheStoreFor(cache, log, window) : undefined;
      const cacheStore = fromCache === undefined ? undefined : fromCache.store;
      const ledger = policy.store
        ? storeLedger(policy.store, window)
        : fromCache === undefined
          ? memory
          : fromCache.ledger;
      const key = window > 0 ? dedupeKey(message, request.purpose, keyer) : undefined;
      // Checked before the ledger is asked, so that a blocked destination is never a "duplicate".
      const candidates = router.check(message);
      if (key !== undefined && (await ledger.seen(key))) {
        outcome = { status: 'duplicate', message, providers: namesOf(candidates) };
      } else if (policy.dryRun) {
        outcome = { status: 'dry-run', message, providers: namesOf(candidates) };
      } else {
        try {
          // The check above is handed over: the guard runs once per send.
          const sendOptions: CheckedSendOptions = { [checkedProviders]: candidates };
          if (cacheStore) sendOptions.store = cacheStore;
          const result = await router.send(message, sendOptions);
          if (key !== undefined) await ledger.remember(key);
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
        // Auth0 says `text` here; log lines speak one vocabulary, the message's channel (`sms`).
        channelHint:
          channelOfDeliveryMethod(event?.notification?.delivery_method) ??
          String(event?.notification?.delivery_method ?? 'unknown'),
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
