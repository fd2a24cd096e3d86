// Auth0 publishes no npm package with its Action types, so these follow its documentation of the
// `send-phone-message` and `custom-phone-provider` triggers and of the legacy Hook. Fields are
// optional where Auth0 does not promise them.

/** The Action's secrets, read as `event.secrets.NAME`. */
export type Auth0Secrets = Readonly<Record<string, string | undefined>>;

export type Auth0CacheResult = { type: 'success' } | { type: 'error'; code: string };

/** `api.cache`: 20 entries per trigger, keys ≤ 64 bytes, values ≤ 4 kB, TTL ≤ 24 h; entries may vanish. */
export interface Auth0Cache {
  get(key: string): { value: string } | undefined;
  /** `ttl` in milliseconds (default 15 minutes), or an absolute `expires_at` in epoch milliseconds. */
  set(key: string, value: string, options?: { ttl?: number; expires_at?: number }): Auth0CacheResult;
  delete(key: string): Auth0CacheResult;
}

export interface Auth0GeoIp {
  countryCode?: string;
  countryCode3?: string;
  countryName?: string;
  cityName?: string;
  continentCode?: string;
  subdivisionCode?: string;
  subdivisionName?: string;
  timeZone?: string;
  latitude?: number;
  longitude?: number;
}

export interface Auth0Request {
  ip: string;
  /** The user's language as the browser asked for it, e.g. `en` or `pt-BR`. */
  language?: string;
  user_agent?: string;
  hostname?: string;
  method?: string;
  geoip?: Auth0GeoIp;
}

export interface Auth0User {
  user_id: string;
  email?: string;
  phone_number?: string;
  name?: string;
  app_metadata?: Record<string, unknown>;
  user_metadata?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface Auth0Client {
  client_id: string;
  name?: string;
  metadata?: Record<string, string>;
}

export interface Auth0Tenant {
  id: string;
  friendly_name?: string;
  [field: string]: unknown;
}

export interface Auth0Transaction {
  correlation_id?: string;
  [field: string]: unknown;
}

/** The event of the `send-phone-message` trigger. */
export interface SendPhoneMessageEvent {
  message_options: {
    /** Not guaranteed to be E.164: `1-808-555-5555` happens. */
    recipient: string;
    /** Rendered by Auth0's template; for voice the code is written `1.2.3.4.5.6` and `{{pause}}` may appear. */
    text: string;
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

export interface SendPhoneMessageApi {
  cache: Auth0Cache;
}

/** The event of the `custom-phone-provider` trigger. */
export interface CustomPhoneProviderEvent {
  notification: {
    /** E.164. */
    recipient: string;
    from?: string;
    as_text: string;
    as_voice: string;
    /** Present for one-time-password messages only. */
    code?: string;
    delivery_method: 'text' | 'voice';
    /** Auth0's locale, e.g. `en_US`. */
    locale?: string;
    message_type: 'otp_verify' | 'otp_enroll' | 'blocked_account' | 'change_password' | 'password_breach';
  };
  client?: Auth0Client;
  connection?: { id: string; name: string; strategy?: string; [field: string]: unknown };
  organization?: { id: string; name: string; display_name?: string; [field: string]: unknown };
  request: Auth0Request;
  tenant: Auth0Tenant;
  transaction?: Auth0Transaction;
  user: Auth0User;
  secrets: Auth0Secrets;
}

export interface CustomPhoneProviderApi {
  cache: Auth0Cache;
  notification: {
    /** Auth0 tries again, up to 5 times over the next minutes. */
    retry(reason: string): void;
    /** Auth0 gives up on this message. */
    drop(reason: string): void;
  };
}

/** The `context` of a legacy `send-phone-message` Hook. */
export interface HookContext {
  message_type?: 'sms' | 'voice';
  action?: 'enrollment' | 'second-factor-authentication' | 'authentication';
  language?: string;
  code?: string;
  ip?: string;
  user_agent?: string;
  client?: { client_id: string; name?: string; client_metadata?: Record<string, unknown> };
  /** Older guides show the client id flat on the context. */
  client_id?: string;
  user?: Auth0User;
  factor_type?: 'first' | 'second';
  webtask?: { secrets?: Auth0Secrets };
  [field: string]: unknown;
}

export type HookCallback = (error: Error | null, result?: Record<string, never>) => void;

export type SendPhoneMessageHook = (
  recipient: string,
  text: string,
  context: HookContext,
  callback: HookCallback,
) => void;
