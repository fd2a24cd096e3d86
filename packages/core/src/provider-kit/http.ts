import type { Dispatcher } from 'undici';
import type { Schema } from '../contract/options.js';
import { dispatchExchange } from './http-dispatch.js';
import { openPool, poolFor } from './http-pool.js';
import type { HttpRequest, HttpResponse } from './http-types.js';
import type { ProviderErrors } from './provider-errors.js';

export type { Dispatcher } from 'undici';

/** How one provider talks HTTP: its origin, its limits and whose errors it raises. */
export interface HttpClientOptions {
  /** The provider's error factory (`createProviderErrors`): its name, label and secrets. */
  errors: ProviderErrors;
  /** Scheme, host and port (a path is kept as a prefix). */
  baseUrl: string;
  /** Per-attempt timeout, from sending the request to the last byte of the answer. Default 10 000 ms. */
  timeoutMs?: number | undefined;
  /** An undici 6 or 7 dispatcher (a `MockAgent`, a proxy agent); by default a keep-alive pool per origin. */
  dispatcher?: Dispatcher | undefined;
  /** Answers larger than this are abandoned mid-stream as `bad_response`. Default 64 KiB. */
  maxResponseBytes?: number;
  /** Headers sent with every request (authentication, user agent). */
  headers?: Readonly<Record<string, string>>;
}

export interface HttpClient {
  /** The errors this client raises, for the provider's answers it reads. */
  readonly errors: ProviderErrors;
  /** Sends a request; resolves with any HTTP answer, rejects on transport failure, timeout or abort. */
  request(request: HttpRequest): Promise<HttpResponse>;
  /** Parses a JSON body with a schema (zod's `safeParse`); an unparseable or unexpected body is `bad_response`. */
  parseJson<T>(response: HttpResponse, schema: Schema<T>): T;
  /** Parses a JSON body if it matches `schema`, else `undefined`: for optional error bodies. */
  tryParseJson<T>(response: HttpResponse, schema: Schema<T>): T | undefined;
}

const defaultTimeoutMs = 10_000;
const defaultMaxResponseBytes = 64 * 1024;

function pathPrefix(base: URL): string {
  return base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
}

function decodeJson(response: HttpResponse): { ok: true; value: unknown } | { ok: false } {
  if (response.body.length === 0) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(response.body) };
  } catch {
    return { ok: false };
  }
}

/** Creates the HTTP client one provider uses for every request. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = new URL(options.baseUrl);
  // Worked out once: URL getters build new strings on every read.
  const origin = base.origin;
  const prefix = pathPrefix(base);
  const sharedHeaders = { ...options.headers };
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
  const { errors } = options;

  // Not async: once the pool exists a send is one promise, not an async wrapper around one. It
  // still never throws: whatever goes wrong is a rejection, as it was when it was async.
  function request(input: HttpRequest): Promise<HttpResponse> {
    try {
      const external = input.signal;
      if (external?.aborted) return Promise.reject(external.reason);
      const dispatcher = options.dispatcher ?? openPool(origin);
      if (dispatcher) return send(dispatcher, input);
      return poolFor(origin).then((pool) => {
        // The caller may have aborted while the pool was being created.
        if (external?.aborted) throw external.reason;
        return send(pool, input);
      });
    } catch (caught) {
      return Promise.reject(caught);
    }
  }

  function send(dispatcher: Dispatcher, input: HttpRequest): Promise<HttpResponse> {
    return dispatchExchange(
      dispatcher,
      {
        origin,
        path: `${prefix}${input.path.startsWith('/') ? input.path : `/${input.path}`}`,
        method: input.method ?? 'POST',
        headers: input.headers ? { ...sharedHeaders, ...input.headers } : sharedHeaders,
        body: input.body,
        signal: input.signal,
        timeoutMs: input.timeoutMs === undefined ? timeoutMs : Math.min(input.timeoutMs, timeoutMs),
        maxResponseBytes,
        sensitive: input.sensitive,
      },
      errors,
    );
  }

  function parseJson<T>(response: HttpResponse, schema: Schema<T>): T {
    const decoded = decodeJson(response);
    if (!decoded.ok) {
      throw errors.unexpectedAnswer(response, response.body.length === 0 ? 'empty body' : 'body is not JSON');
    }
    const parsed = schema.safeParse(decoded.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
      throw errors.unexpectedAnswer(
        response,
        `${where}: ${issue?.message ?? 'does not match the expected shape'}`,
      );
    }
    return parsed.data;
  }

  function tryParseJson<T>(response: HttpResponse, schema: Schema<T>): T | undefined {
    const decoded = decodeJson(response);
    if (!decoded.ok) return undefined;
    const parsed = schema.safeParse(decoded.value);
    return parsed.success ? parsed.data : undefined;
  }

  return { errors, request, parseJson, tryParseJson };
}
