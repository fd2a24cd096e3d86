import * as z from 'zod/mini';
import type {
  Auth0Client,
  Auth0Connection,
  Auth0Organization,
  Auth0Secrets,
  CustomPhoneProviderApi,
  CustomPhoneProviderEvent,
  SendPhoneMessageApi,
  SendPhoneMessageEvent,
  SendPhoneMessageHook,
} from '../auth0/auth0-types.js';
import { lazySchema, providerOption } from '../contract/options.js';
import type { Provider } from '../contract/types.js';
import type { GuardOptions } from '../routing/guard.js';
import type { HealthOptions } from '../routing/health.js';
import type { VelocityLimits } from '../routing/limits.js';
import { type Store, storeOption } from '../store/store.js';
import { autofillOptionShape } from '../text/autofill.js';

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
  /**
   * Provider health, on by default: a provider that fails 3 times with a retryable error within
   * 30 s rests for 30 s, tried last, counted where the limits count (so Redis shares it across
   * containers). Give your own thresholds, or `false` to turn it off.
   */
  health?: boolean | HealthOptions;
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

export const policySchema = lazySchema(() =>
  z.strictObject({
    providers: z.union([
      z.array(providerOption()).check(z.minLength(1, 'at least one provider is needed')),
      functionSchema<(secrets: Auth0Secrets) => readonly Provider[]>(
        'a list of providers or a function of the secrets',
      ),
    ]),
    routes: z.optional(z.record(z.string(), z.array(z.string()))),
    guard: z.optional(z.record(z.string(), z.unknown())),
    defaultCountry: z.optional(
      z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code')),
    ),
    deadlineMs: z.optional(z.int().check(z.gte(1000), z.lte(19_000))),
    attemptTimeoutMs: z.optional(z.int().check(z.gte(100), z.lte(19_000))),
    templates: z.optional(z.enum(['auth0', 'builtin'])),
    appName: z.optional(z.string().check(z.maxLength(40))),
    ...autofillOptionShape(),
    dryRun: z.optional(z.boolean()),
    useNotificationFrom: z.optional(z.boolean()),
    dedupeWindowMs: z.optional(z.int().check(z.gte(0), z.lte(86_400_000))),
    log: z.optional(functionSchema<(line: string) => void>('a function')),
    limits: z.optional(z.union([z.literal(false), z.record(z.string(), z.unknown())])),
    store: z.optional(storeOption()),
    storeKey: z.optional(z.string()),
    health: z.optional(z.union([z.boolean(), z.record(z.string(), z.unknown())])),
  }),
);
