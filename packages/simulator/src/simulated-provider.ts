import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorKind, Fault } from './faults.js';

/** One message (or call) a simulated provider accepted. */
export interface SimulatedMessage {
  /** The simulated provider's `name`. */
  provider: string;
  channel: 'sms' | 'voice';
  /** The id the simulator answered with. */
  id: string;
  /** Recipient exactly as the request gave it. */
  to: string;
  from?: string;
  /** SMS body, or the text a voice call reads (TwiML/NCCO/Esendex body decoded). */
  text: string;
  reference?: string;
  /** The request's decoded parameters (form fields, JSON, or XML fields). */
  request: Record<string, unknown>;
  at: number;
}

/** One request the simulator received, whatever its outcome. */
export interface SimulatedRequest {
  provider: string;
  method: string;
  path: string;
  /** What the simulator did: `accepted`, `rejected` (validation or credentials), or the fault's type. */
  outcome: string;
  status?: number;
  /** The fault the simulator served instead of an answer, when it served one. */
  fault?: Fault;
  at: number;
}

export interface SimulatorRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SimulatorResponse {
  status: number;
  headers?: Readonly<Record<string, string>>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
}

export interface SimulatorContext<C extends object = Credentials> {
  /** The credentials this provider accepts (its own, as `credentials` resolved them). */
  credentials: C;
  /** Puts an accepted message into the journal and returns it. */
  record(message: Omit<SimulatedMessage, 'at' | 'provider'>): SimulatedMessage;
}

export interface SimulatorRoute<C extends object = Credentials> {
  method: 'POST' | 'GET';
  /** Matched against the request path (no query string). */
  path: RegExp;
  /**
   * Channel the route serves, for faults limited to one channel; a function where one endpoint
   * serves both (Esendex's message dispatcher reads it from the body).
   */
  channel: 'sms' | 'voice' | ((request: SimulatorRequest) => 'sms' | 'voice');
  handle(
    request: SimulatorRequest,
    context: SimulatorContext<C>,
  ): SimulatorResponse | Promise<SimulatorResponse>;
}

/** A provider's credentials: named values (all strings, so that a leak check can look for each). */
export type Credentials = Readonly<Record<string, string>>;

/** Where the simulator listens and what the provider accepts there: what Action secrets are made of. */
export interface SimulatorEndpoint<C extends object = Credentials> {
  /** `http://127.0.0.1:PORT`: the provider package's `baseUrl`, or its root (AWS's is `${url}/aws`). */
  url: string;
  credentials: C;
}

/**
 * What one provider contributes to the simulator: its endpoints, its error shapes, the fake
 * credentials it accepts and the Action secrets that point the ready-made Action at it. Everything
 * about one provider is in its own folder (`providers/<name>/`); `providers/index.ts` lists them.
 */
export interface SimulatedProvider<N extends string = string, C extends object = Credentials> {
  /** Lower case, the provider package's short name (`twilio` for `@mfa-sms/twilio`). */
  name: N;
  /**
   * The credentials the provider accepts: what `given` sets, the rest filled in with values that
   * pass the provider package's option checks and work nowhere real. Two simulated providers of one
   * name (an API and its Verify API) share one function; the first listed is used.
   */
  credentials?(given: Partial<C>): C;
  /**
   * The ready-made Action's secrets (the names its package's `plugin` reads) that send through
   * this simulator: credentials, a sender and `baseUrl`.
   */
  actionSecrets?(endpoint: SimulatorEndpoint<C>): Readonly<Record<string, string>>;
  /** The language a recorded voice call is spoken in, read from its request, for the inbox. */
  spokenLanguage?(request: Readonly<Record<string, unknown>>): string | undefined;
  routes: readonly SimulatorRoute<C>[];
  /** A provider-shaped answer for a common failure, as its API would send it. */
  errorResponse(
    fault: { kind: ErrorKind; status?: number; retryAfter?: number },
    request: SimulatorRequest,
    route: SimulatorRoute,
  ): SimulatorResponse;
  /** A provider-shaped answer for one of its own error codes. */
  codeResponse(
    fault: { code: string | number; status?: number },
    request: SimulatorRequest,
    route: SimulatorRoute,
  ): SimulatorResponse;
}

/** Types a simulated provider's definition (its name as a literal, its credentials); returns it as is. */
export function defineSimulatedProvider<N extends string, C extends object = Credentials>(
  provider: SimulatedProvider<N, C>,
): SimulatedProvider<N, C> {
  return provider;
}

/** A plain-text answer (a front end's or a gateway's, not an API document). */
export function plain(status: number, body: string, headers: Record<string, string> = {}): SimulatorResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** Decodes an `application/x-www-form-urlencoded` body; repeated fields keep the last value. */
export function readForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** Parses a JSON body, or `undefined` when it is not JSON. */
export function readJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The credentials of a `Basic` Authorization header, or `undefined`. */
export function readBasicAuth(
  headers: IncomingHttpHeaders,
): { username: string; password: string } | undefined {
  const header = headers.authorization;
  if (typeof header !== 'string' || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The token of a `Bearer` Authorization header, or `undefined`. */
export function readBearer(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (typeof header !== 'string' || !/^bearer /i.test(header)) return undefined;
  return header.slice(7).trim();
}

/** A random lower-case hex string, for message ids. */
export function randomHex(length: number): string {
  let result = '';
  while (result.length < length) result += Math.random().toString(16).slice(2);
  return result.slice(0, length);
}
