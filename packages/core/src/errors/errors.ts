const brand = Symbol.for('mfa-sms.error');

/** The closed list of error codes. Stable: a code is never renamed or reused. */
export const errorCodes = [
  'invalid_config',
  'invalid_recipient',
  'unsupported_channel',
  'blocked_destination',
  'auth_failed',
  'insufficient_funds',
  'rejected',
  'rate_limited',
  'provider_unavailable',
  'timeout',
  'network',
  'bad_response',
] as const;

export type MfaSmsErrorCode = (typeof errorCodes)[number];

/** Whether a code means "the same message may succeed later or elsewhere" unless a provider says otherwise. */
const retryableByDefault: Readonly<Record<MfaSmsErrorCode, boolean>> = {
  invalid_config: false,
  invalid_recipient: false,
  unsupported_channel: false,
  blocked_destination: false,
  auth_failed: false,
  insufficient_funds: false,
  rejected: false,
  rate_limited: true,
  provider_unavailable: true,
  timeout: true,
  network: true,
  bad_response: false,
};

/** One attempt of a router, as reported on its final error. */
export interface SendAttempt {
  provider: string;
  /**
   * `ok` for the attempt that succeeded, else the error's code; `resting` for a provider that
   * provider health moved back (it comes again later in the list if it was tried after all).
   */
  code: MfaSmsErrorCode | 'ok' | 'resting';
  retryable: boolean;
  ms: number;
  /** Why a `resting` provider was moved back: `3 timeouts in 30 s`. */
  reason?: string;
}

export interface MfaSmsErrorOptions {
  code: MfaSmsErrorCode;
  message: string;
  provider?: string;
  retryable?: boolean;
  status?: number;
  providerCode?: string;
  retryAfterMs?: number;
  attempts?: SendAttempt[];
  /** A word that refines the code for programs, e.g. `velocity` on a `blocked_destination` from a velocity limit. */
  reason?: string;
  /** On `invalid_config`: the option at fault (its top-level name), so a program need not parse the message. */
  option?: string;
  cause?: unknown;
}

/**
 * The one error type of mfa-sms. Its message is written for a person and never holds a secret,
 * a full phone number or a one-time code; `cause` is sanitised the same way.
 */
export class MfaSmsError extends Error {
  readonly code: MfaSmsErrorCode;
  readonly provider: string | undefined;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly providerCode: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly reason: string | undefined;
  readonly option: string | undefined;
  attempts: SendAttempt[] | undefined;

  constructor(options: MfaSmsErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MfaSmsError';
    this.code = options.code;
    this.provider = options.provider;
    this.retryable = options.retryable ?? retryableByDefault[options.code];
    this.status = options.status;
    this.providerCode = options.providerCode;
    this.retryAfterMs = options.retryAfterMs;
    this.reason = options.reason;
    this.option = options.option;
    this.attempts = options.attempts;
    Object.defineProperty(this, brand, { value: true });
  }

  /** Keeps `JSON.stringify(error)` useful in logs: the fields a person needs, no more. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      provider: this.provider,
      retryable: this.retryable,
      status: this.status,
      providerCode: this.providerCode,
      retryAfterMs: this.retryAfterMs,
      reason: this.reason,
      option: this.option,
      attempts: this.attempts,
    };
  }
}

/** True for an `MfaSmsError` from any installed copy of `@mfa-sms/core` (a `Symbol.for` brand, not `instanceof`). */
export function isMfaSmsError(value: unknown): value is MfaSmsError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/** Whether a code is retryable when nothing more specific is known. */
export function isRetryableCode(code: MfaSmsErrorCode): boolean {
  return retryableByDefault[code];
}
