import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { classifyAnswer } from './classify-answer.js';
import { MfaSmsError, type MfaSmsErrorCode } from './errors.js';
import { redactSecrets, summarizeBody } from './redact.js';

export type { Dispatcher } from 'undici';

/** How one provider talks HTTP: its origin, its limits and what must never leak from it. */
export interface HttpClientOptions {
  /** Provider id, put on every error (`twilio`). */
  provider: string;
  /** Provider name for people, used in error messages (`Twilio`). */
  label: string;
  /** Scheme, host and port (a path is kept as a prefix). */
  baseUrl: string;
  /** Per-attempt timeout, from sending the request to the last byte of the answer. Default 10 000 ms. */
  timeoutMs?: number;
  /** An undici 6 or 7 dispatcher (a `MockAgent`, a proxy agent); by default a keep-alive pool per origin. */
  dispatcher?: Dispatcher;
  /** Answers larger than this are abandoned mid-stream as `bad_response`. Default 64 KiB. */
  maxResponseBytes?: number;
  /** Headers sent with every request (authentication, user agent). */
  headers?: Readonly<Record<string, string>>;
  /** Values that must never appear in an error: credentials. */
  secrets?: readonly (string | undefined)[];
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, appended to the base URL's path. */
  path: string;
  headers?: Readonly<Record<string, string>>;
  body?: string;
  signal?: AbortSignal;
  /** Shortens the client's timeout for this request; a longer value does not lengthen it. */
  timeoutMs?: number;
  /** Per-message values that must never appear in an error: the one-time code, the recipient. */
  sensitive?: readonly (string | undefined)[];
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with `, `. */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

/**
 * What a provider's error table says about a failed answer. HTTP 408, 425, 429 and 5xx decide
 * over `code`, a missing code falls back to the HTTP status, and retryability follows the code
 * (`classifyAnswer`).
 */
export interface ProviderErrorDetails {
  code?: MfaSmsErrorCode;
  providerCode?: string;
  /** The provider's own explanation; it is shortened and redacted like everything else. */
  detail?: string;
  /** Per-message values that must not appear in the error, as in `HttpRequest.sensitive`. */
  sensitive?: readonly (string | undefined)[];
}

export interface HttpClient {
  readonly provider: string;
  readonly label: string;
  /** Sends a request; resolves with any HTTP answer, rejects on transport failure, timeout or abort. */
  request(request: HttpRequest): Promise<HttpResponse>;
  /** Parses a JSON body with a zod schema; an unparseable or unexpected body is `bad_response`. */
  parseJson<T>(response: HttpResponse, schema: z.ZodType<T>): T;
  /** Parses a JSON body if it matches `schema`, else `undefined`: for optional error bodies. */
  tryParseJson<T>(response: HttpResponse, schema: z.ZodType<T>): T | undefined;
  /** Builds the error for a non-success answer: the provider's details first, the HTTP status after. */
  errorFromResponse(response: HttpResponse, details?: ProviderErrorDetails): MfaSmsError;
  /** Builds an error with this client's provider and redaction applied to the message. */
  error(options: {
    code: MfaSmsErrorCode;
    message: string;
    retryable?: boolean;
    status?: number;
    providerCode?: string;
    retryAfterMs?: number;
    sensitive?: readonly (string | undefined)[];
  }): MfaSmsError;
}

const defaultTimeoutMs = 10_000;
const defaultMaxResponseBytes = 64 * 1024;

type PoolConstructor = typeof import('undici').Pool;
let poolConstructor: Promise<PoolConstructor> | undefined;
const pools = new Map<string, Dispatcher>();

// undici's entry point loads fetch, WebSocket, caches and mocks: about 65 ms on a 2-core machine,
// paid by the first send of a cold Auth0 Action. The Pool, all we use, loads in a third of that.
// undici has no `exports` map, so its file is reachable; should a release move it, the public
// entry point takes over (http.test.ts checks that both are the same class).
function loadPool(): Promise<PoolConstructor> {
  poolConstructor ??= import('undici/lib/dispatcher/pool.js')
    .then((module) => {
      const candidate: unknown = module.default ?? module;
      if (typeof candidate !== 'function') throw new TypeError('undici moved its Pool');
      return candidate as PoolConstructor;
    })
    .catch(async () => (await import('undici')).Pool);
  return poolConstructor;
}

async function poolFor(origin: string): Promise<Dispatcher> {
  const existing = pools.get(origin);
  if (existing) return existing;
  const Pool = await loadPool();
  const again = pools.get(origin);
  if (again) return again;
  // Keep-alive long enough to span a burst of logins; undici unrefs idle sockets, so a
  // process (or a test) still exits by itself.
  const pool = new Pool(origin, { connections: 64, keepAliveTimeout: 30_000, pipelining: 1 });
  pools.set(origin, pool);
  return pool;
}

/** Closes the shared keep-alive pools (tests, graceful shutdown). New requests reopen them. */
export async function closeHttpPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.close()));
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

const transportCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function errorCodeOf(value: unknown): string | undefined {
  let current: unknown = value;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A transport error from undici can carry request details; the error we expose keeps only its
 * name, code and a redacted message, so that `cause` is as safe to log as the error itself.
 */
function sanitizedCause(value: unknown, secrets: readonly (string | undefined)[]): Error {
  const original = value instanceof Error ? value : new Error(String(value));
  const cause = new Error(redactSecrets(original.message, secrets));
  cause.name = original.name;
  const code = errorCodeOf(original);
  if (code !== undefined) (cause as Error & { code?: string }).code = code;
  cause.stack = `${cause.name}: ${cause.message}`;
  return cause;
}

function pathPrefix(base: URL): string {
  return base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
}

function headerRecord(
  parsed: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(parsed)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** undici 6 hands headers over as a flat list of names and values. */
function rawHeaderRecord(raw: readonly (Buffer | string)[]): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = String(raw[index]).toLowerCase();
    const value = String(raw[index + 1]);
    const earlier = headers[name];
    headers[name] = earlier === undefined ? value : `${earlier}, ${value}`;
  }
  return headers;
}

const byteOrderMark = 0xfeff;

/** The answer as text; a UTF-8 byte order mark is dropped, as undici's `body.text()` does. */
function decodeBody(chunks: readonly Buffer[]): string {
  const text =
    chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === byteOrderMark ? text.slice(1) : text;
}

/** Creates the HTTP client one provider uses for every request. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = new URL(options.baseUrl);
  // Worked out once: URL getters build new strings on every read.
  const origin = base.origin;
  const prefix = pathPrefix(base);
  const sharedHeaders = { ...options.headers };
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const maxBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
  const secrets = options.secrets ?? [];
  const { provider, label } = options;

  function error(details: {
    code: MfaSmsErrorCode;
    message: string;
    retryable?: boolean;
    status?: number;
    providerCode?: string;
    retryAfterMs?: number;
    cause?: unknown;
    sensitive?: readonly (string | undefined)[];
  }): MfaSmsError {
    const hidden = [...secrets, ...(details.sensitive ?? [])];
    return new MfaSmsError({
      code: details.code,
      message: redactSecrets(details.message, hidden),
      provider,
      ...(details.retryable === undefined ? {} : { retryable: details.retryable }),
      ...(details.status === undefined ? {} : { status: details.status }),
      ...(details.providerCode === undefined ? {} : { providerCode: details.providerCode }),
      ...(details.retryAfterMs === undefined ? {} : { retryAfterMs: details.retryAfterMs }),
      ...(details.cause === undefined ? {} : { cause: sanitizedCause(details.cause, hidden) }),
    });
  }

  function transportError(caught: unknown, sensitive: HttpRequest['sensitive']): MfaSmsError {
    const transport = errorCodeOf(caught);
    const known = transport !== undefined && transportCodes.has(transport);
    return error({
      code: 'network',
      message: `Could not reach ${label} at ${origin}: ${known ? transport : 'connection failed'}`,
      retryable: true,
      cause: caught,
      sensitive,
    });
  }

  // Not async: once the pool exists a send is one promise, not an async wrapper around one. It
  // still never throws: whatever goes wrong is a rejection, as it was when it was async.
  function request(input: HttpRequest): Promise<HttpResponse> {
    try {
      const external = input.signal;
      if (external?.aborted) return Promise.reject(external.reason);
      const dispatcher = options.dispatcher ?? pools.get(origin);
      if (dispatcher) return exchange(dispatcher, input);
      return poolFor(origin).then((pool) => {
        // The caller may have aborted while the pool was being created.
        if (external?.aborted) throw external.reason;
        return exchange(pool, input);
      });
    } catch (caught) {
      return Promise.reject(caught);
    }
  }

  function exchange(dispatcher: Dispatcher, input: HttpRequest): Promise<HttpResponse> {
    const external = input.signal;
    const limit = input.timeoutMs === undefined ? timeoutMs : Math.min(input.timeoutMs, timeoutMs);
    const path = `${prefix}${input.path.startsWith('/') ? input.path : `/${input.path}`}`;
    return new Promise<HttpResponse>((resolve, reject) => {
      // undici's dispatch() rather than request(): no body stream, AbortController or promise
      // wrapper per send, which is most of what separated us from a bare pool in the benchmark.
      let settled = false;
      let cancel: ((reason: Error) => void) | undefined;
      let abandoned: Error | undefined;
      let status = 0;
      let headers: Record<string, string | undefined> = {};
      let received = 0;
      const chunks: Buffer[] = [];

      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        external?.removeEventListener('abort', onAbort);
        outcome();
      };
      // Settles first, then cancels the exchange, whose own error undici reports after we stopped listening.
      const abandon = (reason: Error, outcome: () => void) => {
        settle(outcome);
        if (abandoned) return;
        abandoned = reason;
        cancel?.(reason);
      };
      const timer = setTimeout(() => {
        const reason = new Error(`no complete answer after ${limit} ms`);
        reason.name = 'TimeoutError';
        abandon(reason, () =>
          reject(
            error({
              code: 'timeout',
              message: `${label} did not answer within ${limit} ms`,
              cause: reason,
              sensitive: input.sensitive,
            }),
          ),
        );
      }, limit);
      const onAbort = () => {
        const reason: unknown = external?.reason;
        abandon(reason instanceof Error ? reason : new Error('aborted'), () => reject(reason));
      };
      external?.addEventListener('abort', onAbort, { once: true });
      const tooLarge = () => {
        const failure = error({
          code: 'bad_response',
          message: `${label} answered with more than ${maxBytes} bytes (HTTP ${status}); the answer was abandoned`,
          status,
          retryable: status >= 500,
        });
        abandon(failure, () => reject(failure));
      };

      const begin = (cancelWith: (reason: Error) => void) => {
        cancel = cancelWith;
        // Abandoned while it waited for a connection: it must not go out at all.
        if (abandoned) cancelWith(abandoned);
      };
      const head = (statusCode: number, responseHeaders: () => Record<string, string | undefined>) => {
        // Informational answers (100 Continue, 103 Early Hints) come before the real one.
        if (statusCode < 200 || settled) return;
        status = statusCode;
        headers = responseHeaders();
        if (Number(headers['content-length']) > maxBytes) tooLarge();
      };
      const data = (chunk: Buffer) => {
        if (settled) return;
        received += chunk.length;
        if (received > maxBytes) return tooLarge();
        chunks.push(chunk);
      };
      const end = () => settle(() => resolve({ status, headers, body: decodeBody(chunks) }));
      const fail = (caught: unknown) => settle(() => reject(transportError(caught, input.sensitive)));

      const handler: Dispatcher.DispatchHandler = {
        // undici 7's handler interface, which our own pools use…
        onRequestStart(controller) {
          begin((reason) => {
            if (!controller.aborted) controller.abort(reason);
          });
        },
        onResponseStart(_controller, statusCode, parsedHeaders) {
          head(statusCode, () => headerRecord(parsedHeaders));
        },
        onResponseData(_controller, chunk) {
          data(chunk);
        },
        onResponseEnd() {
          end();
        },
        onResponseError(_controller, caught) {
          fail(caught);
        },
        // …and undici 6's, for a dispatcher the caller brings from it (Node 20 and 22 bundle
        // undici 6). undici 7 uses these only when onRequestStart is missing.
        onConnect(abort) {
          begin(abort);
        },
        onHeaders(statusCode, rawHeaders) {
          head(statusCode, () => rawHeaderRecord(rawHeaders));
          return true;
        },
        onData(chunk) {
          data(chunk);
          return true;
        },
        onComplete() {
          end();
        },
        onError(caught) {
          fail(caught);
        },
      };
      try {
        dispatcher.dispatch(
          {
            origin,
            path,
            method: input.method ?? 'POST',
            headers: input.headers ? { ...sharedHeaders, ...input.headers } : sharedHeaders,
            body: input.body ?? null,
            // Our own timer covers the whole exchange; undici's would only measure gaps.
            headersTimeout: 0,
            bodyTimeout: 0,
          },
          handler,
        );
      } catch (caught) {
        fail(caught);
      }
    });
  }

  function badBody(response: HttpResponse, reason: string): MfaSmsError {
    const contentType = response.headers['content-type'] ?? 'no content type';
    return error({
      code: 'bad_response',
      message: `${label} sent an unexpected answer (HTTP ${response.status}, ${contentType}): ${reason}`,
      status: response.status,
      retryable: response.status >= 500,
    });
  }

  function decodeJson(response: HttpResponse): { ok: true; value: unknown } | { ok: false } {
    if (response.body.length === 0) return { ok: false };
    try {
      return { ok: true, value: JSON.parse(response.body) };
    } catch {
      return { ok: false };
    }
  }

  function parseJson<T>(response: HttpResponse, schema: z.ZodType<T>): T {
    const decoded = decodeJson(response);
    if (!decoded.ok) {
      throw badBody(response, response.body.length === 0 ? 'empty body' : 'body is not JSON');
    }
    const parsed = schema.safeParse(decoded.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
      throw badBody(response, `${where}: ${issue?.message ?? 'does not match the expected shape'}`);
    }
    return parsed.data;
  }

  function tryParseJson<T>(response: HttpResponse, schema: z.ZodType<T>): T | undefined {
    const decoded = decodeJson(response);
    if (!decoded.ok) return undefined;
    const parsed = schema.safeParse(decoded.value);
    return parsed.success ? parsed.data : undefined;
  }

  function errorFromResponse(response: HttpResponse, details: ProviderErrorDetails = {}): MfaSmsError {
    const { code, retryable } = classifyAnswer(response.status, details.code, (given) => ({ code: given }));
    const retryAfterMs =
      code === 'rate_limited' ? parseRetryAfter(response.headers['retry-after']) : undefined;
    // Redact before shortening: a number cut in half by the shortening would escape both the
    // exact-match redaction and the phone-number masking.
    const detail = summarizeBody(
      redactSecrets(details.detail ?? response.body, [...secrets, ...(details.sensitive ?? [])]),
      160,
    );
    const what = `${label} answered HTTP ${response.status}${details.providerCode ? ` (${details.providerCode})` : ''}`;
    return error({
      code,
      message: detail ? `${what}: ${detail}` : what,
      status: response.status,
      retryable,
      ...(details.providerCode === undefined ? {} : { providerCode: details.providerCode }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      sensitive: details.sensitive,
    });
  }

  return { provider, label, request, parseJson, tryParseJson, errorFromResponse, error };
}
