// Auth0 publishes no npm package with its Action types, so these follow its documentation of the
// `send-phone-message` and `custom-phone-provider` triggers and of the legacy Hook. Fields are
// optional wherever Auth0 does not promise them; the adapters check at run time what they need,
// because these objects reach plain JavaScript code straight from Auth0.

/** The Action's secrets, read as `event.secrets.NAME`; a secret that was never set reads `undefined`. */
export type Auth0Secrets = Readonly<Record<string, string | undefined>>;

/** What `api.cache.set` and `api.cache.delete` answer. */
export type Auth0CacheResult = { type: 'success' } | { type: 'error'; code: string };

/**
 * `api.cache`, shared by the executions of one trigger: at most 20 entries, keys ≤ 64 bytes,
 * values ≤ 4 kB and 8 kB in all. Entries may vanish before they expire, so it is a hint, never a store.
 */
export interface Auth0Cache {
  get(key: string): { value: string } | undefined;
  /**
   * `ttl` is in milliseconds (default 15 minutes, at most 24 hours); `expires_at` is an absolute
   * time in epoch milliseconds. Give one or the other.
   */
  set(key: string, value: string, options?: { ttl?: number; expires_at?: number }): Auth0CacheResult;
  delete(key: string): Auth0CacheResult;
}

/** Where Auth0 places the request's IP address. Every field may be missing (private or unknown addresses). */
export interface Auth0GeoIp {
  /** ISO 3166 alpha-2, e.g. `US`. */
  countryCode?: string;
  /** ISO 3166 alpha-3, e.g. `USA`. */
  countryCode3?: string;
  countryName?: string;
  cityName?: string;
  /** Two-letter continent code, e.g. `NA`. */
  continentCode?: string;
  /** IANA time zone, e.g. `America/Los_Angeles`. */
  timeZone?: string;
  latitude?: number;
  longitude?: number;
  /** ISO 3166-2 subdivision without the country, e.g. `CA`. */
  subdivisionCode?: string;
  subdivisionName?: string;
}

/** The user's request that led to the message. */
export interface Auth0Request {
  /** The user's IP address (IPv4 or IPv6). */
  ip: string;
  /** The language the user's browser asked for, e.g. `en` or `pt-BR`. */
  language?: string;
  user_agent?: string;
  /** The tenant's domain or custom domain the request reached. */
  hostname?: string;
  /** HTTP method of the request. */
  method?: string;
  geoip?: Auth0GeoIp;
}

/** The Auth0 user profile; Auth0 adds many more fields (identities, timestamps, …). */
export interface Auth0User {
  /** E.g. `auth0|63f…`. */
  user_id: string;
  email?: string;
  /** The profile's phone number, not necessarily the MFA number the message goes to. */
  phone_number?: string;
  name?: string;
  app_metadata?: Record<string, unknown>;
  user_metadata?: Record<string, unknown>;
  [field: string]: unknown;
}

/** The Auth0 application the user is signing in to. */
export interface Auth0Client {
  client_id: string;
  /** The application's display name. */
  name?: string;
  /** The application's metadata; Auth0 stores only string values there. */
  metadata?: Record<string, string>;
}

export interface Auth0Tenant {
  /** The tenant's name, e.g. `acme` for `acme.eu.auth0.com`. */
  id: string;
  friendly_name?: string;
  [field: string]: unknown;
}

export interface Auth0Transaction {
  /** Auth0's id of the login transaction, also present in the tenant logs. */
  correlation_id?: string;
  [field: string]: unknown;
}

export interface Auth0Connection {
  /** E.g. `con_…`. */
  id: string;
  name: string;
  /** E.g. `auth0`, `sms`, `google-oauth2`. */
  strategy?: string;
  [field: string]: unknown;
}

export interface Auth0Organization {
  /** E.g. `org_…`. */
  id: string;
  name: string;
  display_name?: string;
  metadata?: Record<string, string>;
}

/** The event of the `send-phone-message` (MFA) trigger. */
export interface SendPhoneMessageEvent {
  message_options: {
    /** The MFA number as the user typed it: not guaranteed to be E.164, `1-808-555-5555` happens. */
    recipient: string;
    /** Rendered by Auth0's template; for voice the code is written `1.2.3.4.5.6` and `{{pause}}` may appear. */
    text: string;
    /** The one-time code inside `text`. */
    code?: string;
    action: 'enrollment' | 'second-factor-authentication';
    message_type: 'sms' | 'voice';
  };
  request: Auth0Request;
  user: Auth0User;
  client?: Auth0Client;
  tenant: Auth0Tenant;
  transaction?: Auth0Transaction;
  secrets: Auth0Secrets;
}

/** The `api` of the `send-phone-message` trigger; a failure is reported by throwing. */
export interface SendPhoneMessageApi {
  cache: Auth0Cache;
}

/** The event of the `custom-phone-provider` trigger (the tenant's phone provider). */
export interface CustomPhoneProviderEvent {
  notification: {
    /** E.164 with a leading `+`. */
    recipient: string;
    /** The sender number configured in the tenant, E.164. */
    from?: string;
    /** The message as Auth0 rendered it for SMS. */
    as_text: string;
    /** The message as Auth0 rendered it to be read aloud. */
    as_voice: string;
    /** Present for one-time-password messages only. */
    code?: string;
    delivery_method: 'text' | 'voice';
    /** Auth0's locale, with an underscore: `en_US`. */
    locale?: string;
    /** `otp_*` carry a one-time code; the others tell the user about their account. */
    message_type: 'otp_verify' | 'otp_enroll' | 'blocked_account' | 'change_password' | 'password_breach';
  };
  client?: Auth0Client;
  connection?: Auth0Connection;
  organization?: Auth0Organization;
  request: Auth0Request;
  tenant: Auth0Tenant;
  transaction?: Auth0Transaction;
  user: Auth0User;
  secrets: Auth0Secrets;
}

/** The `api` of the `custom-phone-provider` trigger. */
export interface CustomPhoneProviderApi {
  cache: Auth0Cache;
  notification: {
    /** Auth0 tries again, up to 5 times over the next minutes: for failures a later attempt may overcome. */
    retry(reason: string): void;
    /** Auth0 gives up on this message: for permanent failures (invalid number, credentials). */
    drop(reason: string): void;
  };
}

/** The `context` of a legacy `send-phone-message` Hook. Tenants and guides differ, hence all optional. */
export interface HookContext {
  message_type?: 'sms' | 'voice';
  /** `authentication` appears in some tenants where others say `second-factor-authentication`. */
  action?: 'enrollment' | 'second-factor-authentication' | 'authentication';
  /** The user's language, e.g. `en`. */
  language?: string;
  /** The one-time code inside `text`. */
  code?: string;
  ip?: string;
  user_agent?: string;
  client?: { client_id: string; name?: string; client_metadata?: Record<string, unknown> };
  /** Older guides show the client id flat on the context instead of `client`. */
  client_id?: string;
  user?: Auth0User;
  /** Which factor the code is for, in some guides only. */
  factor_type?: 'first' | 'second';
  /** The Hook's secrets live here, not on an event. */
  webtask?: { secrets?: Auth0Secrets };
  [field: string]: unknown;
}

/** A Hook reports success with `callback(null, {})` and failure with `callback(error)`. */
export type HookCallback = (error: Error | null, result?: Record<string, never> | object) => void;

/** The signature `module.exports` of a legacy `send-phone-message` Hook must have. */
export type SendPhoneMessageHook = (
  recipient: string,
  text: string,
  context: HookContext,
  callback: HookCallback,
) => void;
