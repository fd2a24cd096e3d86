/** Failures every provider has, rendered in each provider's own shape. */
export type ErrorKind =
  | 'invalid-number'
  | 'auth'
  | 'no-credit'
  | 'rate-limit'
  | 'unavailable'
  | 'not-found'
  | 'method-not-allowed'
  | 'bad-request'
  /** The provider's in-band transient error (Vonage status 1, Mitto responseCode 1); an HTTP 503 where it has none. */
  | 'transient';

export type Fault =
  /** A provider-shaped error answer; `status` overrides the provider's usual status for it. */
  | { type: 'error'; kind: ErrorKind; status?: number; retryAfter?: number }
  /** The provider's own error code (Twilio 21614, Vonage status 6, Mitto responseCode 8, Esendex HTTP status). */
  | { type: 'code'; code: string | number; status?: number }
  /** A raw answer, exactly as given. */
  | { type: 'status'; status: number; body?: string; headers?: Readonly<Record<string, string>> }
  /** Answers normally after a pause. */
  | { type: 'delay'; ms: number }
  /** Reads the request and never answers; the socket stays open until the client gives up. */
  | { type: 'no-answer' }
  /** Sends the status line and part of a body, then resets the connection. */
  | { type: 'reset' }
  /** A 200 whose body is broken JSON, an HTML page, empty, 5 MB of data, or JSON of the wrong shape. */
  | { type: 'malformed'; body: 'json' | 'html' | 'empty' | 'huge' | 'wrong-shape' };

/** Shorthand names for the common faults. */
export type FaultName =
  | ErrorKind
  | 'no-answer'
  | 'reset'
  | 'malformed-json'
  | 'html'
  | 'empty'
  | 'huge'
  | 'wrong-shape';

export interface FailOptions {
  /** How many matching requests get the fault. Default 1; `Infinity` until `reset()`. */
  times?: number;
  /** Only requests for this channel. */
  channel?: 'sms' | 'voice';
  /** Chance (0–1) that a matching request gets the fault; requests that escape it do not use up `times`. */
  probability?: number;
}

export const errorKinds: readonly ErrorKind[] = [
  'invalid-number',
  'auth',
  'no-credit',
  'rate-limit',
  'unavailable',
  'not-found',
  'method-not-allowed',
  'bad-request',
  'transient',
];

/** Turns a shorthand into a fault. */
export function toFault(fault: Fault | FaultName): Fault {
  if (typeof fault !== 'string') return fault;
  switch (fault) {
    case 'no-answer':
      return { type: 'no-answer' };
    case 'reset':
      return { type: 'reset' };
    case 'malformed-json':
      return { type: 'malformed', body: 'json' };
    case 'html':
    case 'empty':
    case 'huge':
    case 'wrong-shape':
      return { type: 'malformed', body: fault };
    default:
      if (!errorKinds.includes(fault)) throw new TypeError(`Unknown simulator fault "${String(fault)}"`);
      return { type: 'error', kind: fault };
  }
}
