import type { Dispatcher } from 'undici';
import type { HttpResponse } from './http-types.js';
import { errorCodeOf, type ProviderErrors } from './provider-errors.js';

/** One exchange, with everything worked out: where it goes, what it may take, what it must hide. */
export interface Exchange {
  origin: string;
  path: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
  sensitive: readonly (string | undefined)[] | (() => readonly (string | undefined)[]) | undefined;
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

// Worked out only when an error is made: most exchanges succeed and never need the list.
function sensitiveOf(exchange: Exchange): readonly (string | undefined)[] | undefined {
  return typeof exchange.sensitive === 'function' ? exchange.sensitive() : exchange.sensitive;
}

const byteOrderMark = 0xfeff;

/** The answer as text; a UTF-8 byte order mark is dropped, as undici's `body.text()` does. */
function decodeBody(chunks: readonly Buffer[]): string {
  const text =
    chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === byteOrderMark ? text.slice(1) : text;
}

/**
 * Sends one request through undici's dispatch() rather than request(): no body stream,
 * AbortController or promise wrapper per send. Resolves with any HTTP answer; rejects with
 * `timeout`, `network`, an oversized `bad_response`, or the caller's abort reason.
 */
export function dispatchExchange(
  dispatcher: Dispatcher,
  exchange: Exchange,
  errors: ProviderErrors,
): Promise<HttpResponse> {
  const { signal: external, timeoutMs: limit, maxResponseBytes: maxBytes } = exchange;
  const { label } = errors;
  return new Promise<HttpResponse>((resolve, reject) => {
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
      const failure = errors.create({
        code: 'timeout',
        message: `${label} did not answer within ${limit} ms`,
        cause: reason,
        sensitive: sensitiveOf(exchange),
      });
      abandon(reason, () => reject(failure));
    }, limit);
    const onAbort = () => {
      const reason: unknown = external?.reason;
      abandon(reason instanceof Error ? reason : new Error('aborted'), () => reject(reason));
    };
    external?.addEventListener('abort', onAbort, { once: true });
    const tooLarge = () => {
      const failure = errors.create({
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
    const fail = (caught: unknown) =>
      settle(() => {
        const transport = errorCodeOf(caught);
        const known = transport !== undefined && transportCodes.has(transport);
        reject(
          errors.create({
            code: 'network',
            message: `Could not reach ${label} at ${exchange.origin}: ${known ? transport : 'connection failed'}`,
            retryable: true,
            cause: caught,
            sensitive: sensitiveOf(exchange),
          }),
        );
      });

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
          origin: exchange.origin,
          path: exchange.path,
          method: exchange.method as Dispatcher.HttpMethod,
          headers: exchange.headers,
          body: exchange.body ?? null,
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
