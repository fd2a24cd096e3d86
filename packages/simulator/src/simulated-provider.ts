import type { IncomingHttpHeaders } from 'node:http';
import type { SimulatorCredentials } from './credentials.js';
import type { ErrorKind, Fault } from './faults.js';

export type ProviderName = 'twilio' | 'vonage' | 'esendex' | 'mitto' | 'infobip';

/** One message (or call) a simulated provider accepted. */
export interface SimulatedMessage {
  provider: ProviderName;
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
  provider: ProviderName;
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

export interface SimulatorContext {
  credentials: SimulatorCredentials;
  /** Puts an accepted message into the journal and returns it. */
  record(message: Omit<SimulatedMessage, 'at' | 'provider'>): SimulatedMessage;
}

export interface SimulatorRoute {
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
    context: SimulatorContext,
  ): SimulatorResponse | Promise<SimulatorResponse>;
}

/** What one provider contributes to the simulator: its endpoints and its error shapes. */
export interface SimulatedProvider {
  name: ProviderName;
  routes: readonly SimulatorRoute[];
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
