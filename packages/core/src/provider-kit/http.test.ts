import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { inspect } from 'node:util';
import { type Dispatcher, MockAgent, Pool } from 'undici';
import { Agent as Undici6Agent, MockAgent as Undici6MockAgent } from 'undici6';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { isMfaSmsError } from '../errors/errors.js';
import { codeForStatus } from './classify-answer.js';
import { createHttpClient } from './http.js';
import { closeHttpPools } from './http-pool.js';
import { createProviderErrors, parseRetryAfter } from './provider-errors.js';

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

let handler: Handler = (_request, response) => response.end('{}');
let url = '';
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => handler(request, response, Buffer.concat(chunks).toString()));
});
const sockets = new Set<Socket>();
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await closeHttpPools();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const secret = 'super-secret-token-value';
const acme = createProviderErrors({ provider: 'acme', label: 'Acme', secrets: [secret] });

function client(overrides: { timeoutMs?: number; maxResponseBytes?: number } = {}) {
  return createHttpClient({
    errors: acme,
    baseUrl: `${url}/base`,
    headers: { authorization: `Bearer ${secret}` },
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createHttpClient.request', () => {
  it('sends to the base path with default and per-request headers and returns the answer', async () => {
    let seen: { url?: string; auth?: string; type?: string; body?: string } = {};
    handler = (request, response, body) => {
      seen = {
        url: request.url,
        auth: request.headers.authorization,
        type: request.headers['content-type'],
        body,
      };
      response.writeHead(201, { 'content-type': 'application/json', 'x-multi': ['a', 'b'] });
      response.end('{"ok":true}');
    };
    const answer = await client().request({
      path: '/send?x=1',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(seen).toEqual({
      url: '/base/send?x=1',
      auth: `Bearer ${secret}`,
      type: 'text/plain',
      body: 'hello',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers['x-multi']).toBe('a, b');
    expect(answer.body).toBe('{"ok":true}');
  });

  it('resolves non-2xx answers instead of throwing', async () => {
    handler = (_request, response) => {
      response.writeHead(503);
      response.end('down');
    };
    await expect(client().request({ path: '/x' })).resolves.toMatchObject({ status: 503, body: 'down' });
  });

  it('times out a silent server within the timeout and says so', async () => {
    handler = () => {};
    const started = performance.now();
    const error = await caught(client({ timeoutMs: 200 }).request({ path: '/slow' }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ code: 'timeout', retryable: true, provider: 'acme' });
    expect(String((error as Error).message)).toContain('did not answer within 200 ms');
  });

  it('lets a per-request timeout override the client default', async () => {
    handler = () => {};
    await expect(
      client({ timeoutMs: 5000 }).request({ path: '/slow', timeoutMs: 150 }),
    ).rejects.toMatchObject({ code: 'timeout' });
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    handler = () => {};
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 50);
    const started = performance.now();
    await expect(client().request({ path: '/slow', signal: controller.signal })).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects at once for an already aborted signal', async () => {
    const signal = AbortSignal.abort(new Error('before'));
    await expect(client().request({ path: '/x', signal })).rejects.toThrow('before');
  });

  it('maps a reset connection to a retryable network error', async () => {
    handler = (request) => request.socket.resetAndDestroy();
    await expect(client().request({ path: '/x' })).rejects.toMatchObject({
      code: 'network',
      retryable: true,
    });
  });

  it('works out sensitive values given as a function only for an error', async () => {
    handler = (_request, response) => response.end('{}');
    const sensitive = vi.fn(() => ['+447911123456', '493817']);
    await client().request({ path: '/x', sensitive });
    expect(sensitive).not.toHaveBeenCalled();
    handler = (request) => request.socket.resetAndDestroy();
    await expect(client().request({ path: '/x', sensitive })).rejects.toMatchObject({ code: 'network' });
    expect(sensitive).toHaveBeenCalledTimes(1);
  });

  it('hides the values a sensitive function lists, in the error and its cause', async () => {
    // A dispatcher whose failure names the recipient and the code, as a proxy's error page might.
    const leaky = {
      dispatch(_options: unknown, handler: { onResponseError?(controller: unknown, error: Error): void }) {
        queueMicrotask(() =>
          handler.onResponseError?.({}, new Error('proxy refused POST for +447911123456 with 493817')),
        );
        return true;
      },
    };
    const http = createHttpClient({
      errors: acme,
      baseUrl: 'http://127.0.0.1:9',
      dispatcher: leaky as never,
    });
    const error = await http
      .request({ path: '/x', sensitive: () => ['+447911123456', '493817'] })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'network' });
    const everything = [error.message, error.stack, inspect(error, { depth: null })].join('\n');
    for (const value of ['447911123456', '493817']) expect(everything).not.toContain(value);
  });

  it('maps a refused connection to a retryable network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const http = createHttpClient({ errors: acme, baseUrl: `http://127.0.0.1:${port}` });
    const error = await caught(http.request({ path: '/x' }));
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('abandons an answer larger than the cap without buffering it', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 5 * 1024 * 1024 && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    };
    const error = await caught(client({ maxResponseBytes: 1024 }).request({ path: '/huge' }));
    expect(error).toMatchObject({ code: 'bad_response', retryable: false, status: 200 });
  });

  it('cancels the exchange it gave up on: the server sees the connection close', async () => {
    let closed: Promise<void> | undefined;
    handler = (request) => {
      closed = new Promise((resolve) => request.socket.once('close', () => resolve()));
    };
    await expect(client({ timeoutMs: 100 }).request({ path: '/slow' })).rejects.toMatchObject({
      code: 'timeout',
    });
    await expect(closed).resolves.toBeUndefined();
  });

  it('refuses a declared length over the cap without waiting for the body', async () => {
    handler = (_request, response) => {
      response.writeHead(502, { 'content-length': String(1024 * 1024) });
      response.write('a');
    };
    const started = performance.now();
    const error = await caught(client({ maxResponseBytes: 1024, timeoutMs: 5000 }).request({ path: '/x' }));
    expect(error).toMatchObject({ code: 'bad_response', status: 502, retryable: true });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('never sends a request aborted while it waited for a connection', async () => {
    const pool = new Pool(url, { connections: 1 });
    const seen: string[] = [];
    let release = () => {};
    handler = (request, response) => {
      seen.push(request.url ?? '');
      if (request.url === '/first') release = () => response.end('{}');
      else response.end('{}');
    };
    const http = createHttpClient({ errors: acme, baseUrl: url, dispatcher: pool });
    const first = http.request({ path: '/first' });
    const controller = new AbortController();
    const second = http.request({ path: '/second', signal: controller.signal });
    await vi.waitFor(() => expect(seen).toEqual(['/first']));
    const reason = new Error('login abandoned');
    controller.abort(reason);
    await expect(second).rejects.toBe(reason);
    release();
    await expect(first).resolves.toMatchObject({ status: 200 });
    const third = await http.request({ path: '/third' });
    expect(third.status).toBe(200);
    expect(seen).toEqual(['/first', '/third']);
    await pool.close();
  });

  // undici 6's MockAgent too: Node 20 and 22 bundle undici 6, and a caller may bring its mocks.
  it.each([
    ['7', MockAgent],
    ['6', Undici6MockAgent as unknown as typeof MockAgent],
  ])('uses a given dispatcher (an undici %s MockAgent) instead of its own pool', async (_version, Mock) => {
    const agent = new Mock();
    agent.disableNetConnect();
    agent
      .get('https://api.example.com')
      .intercept({ path: '/v1/send', method: 'POST' })
      .reply(202, '{"id":"m1"}');
    const http = createHttpClient({
      errors: acme,
      baseUrl: 'https://api.example.com/v1',
      dispatcher: agent,
    });
    await expect(http.request({ path: '/send' })).resolves.toMatchObject({
      status: 202,
      body: '{"id":"m1"}',
    });
    await agent.close();
  });
});

describe('createHttpClient.request with a dispatcher from undici 6', () => {
  // Node 20 and 22 bundle undici 6, and a caller may bring its Agent or MockAgent: the client's
  // handler speaks both handler interfaces.
  const legacyClient = (
    dispatcher: Dispatcher,
    overrides: { timeoutMs?: number; maxResponseBytes?: number } = {},
  ) =>
    createHttpClient({
      errors: acme,
      baseUrl: `${url}/base`,
      headers: { authorization: `Bearer ${secret}` },
      dispatcher,
      ...overrides,
    });

  it('sends and reads the answer through an undici 6 Agent', async () => {
    const agent = new Undici6Agent();
    handler = (request, response, body) => {
      response.writeHead(201, { 'content-type': 'application/json', 'x-multi': ['a', 'b'] });
      response.end(JSON.stringify({ url: request.url, body }));
    };
    const answer = await legacyClient(agent as unknown as Dispatcher).request({ path: '/send', body: 'hi' });
    expect(answer).toMatchObject({
      status: 201,
      headers: { 'x-multi': 'a, b', 'content-type': 'application/json' },
    });
    expect(JSON.parse(answer.body)).toEqual({ url: '/base/send', body: 'hi' });
    await agent.close();
  });

  it('keeps its timeout, abort and size cap with an undici 6 Agent', async () => {
    const agent = new Undici6Agent();
    const http = legacyClient(agent as unknown as Dispatcher, { timeoutMs: 150, maxResponseBytes: 1024 });
    handler = () => {};
    await expect(http.request({ path: '/slow' })).rejects.toMatchObject({ code: 'timeout' });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 30);
    await expect(http.request({ path: '/slow', signal: controller.signal })).rejects.toBe(reason);
    handler = (_request, response) => {
      response.writeHead(200);
      response.end('a'.repeat(4096));
    };
    await expect(http.request({ path: '/big' })).rejects.toMatchObject({ code: 'bad_response', status: 200 });
    await agent.destroy();
  });
});

describe('createHttpClient.request edge cases', () => {
  it("drops a UTF-8 byte order mark, as undici's body.text() did, so that JSON still parses", async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"x"}')]));
    };
    const http = client();
    const answer = await http.request({ path: '/bom' });
    expect(answer.body).toBe('{"id":"x"}');
    expect(http.parseJson(answer, z.object({ id: z.string() }))).toEqual({ id: 'x' });
  });

  it('rejects, never throws, for input that JavaScript callers get wrong', async () => {
    const http = client();
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = http.request({ path: 42 } as never);
    }).not.toThrow();
    await expect(pending).rejects.toBeInstanceOf(TypeError);
    await expect(http.request(null as never)).rejects.toBeInstanceOf(TypeError);
  });
});

describe('the pool undici is loaded for', () => {
  it('is the public Pool class, reached without loading the rest of undici', async () => {
    // If undici moves the file, the client falls back to the public entry; this says so first.
    const module = await import('undici/lib/dispatcher/pool.js');
    expect(module.default).toBe(Pool);
  });
});

describe('parsing and error helpers', () => {
  const http = createHttpClient({
    errors: acme,
    baseUrl: 'https://api.example.com',
  });
  const schema = z.object({ id: z.string() });
  const response = (status: number, body: string, headers: Record<string, string> = {}) => ({
    status,
    body,
    headers,
  });

  it('parses JSON with a schema and keeps extra fields out', () => {
    expect(http.parseJson(response(200, '{"id":"x","extra":1}'), schema)).toEqual({ id: 'x' });
  });

  it.each([
    ['empty body', ''],
    ['body is not JSON', '<html>oops</html>'],
    ['id:', '{"id":5}'],
  ])('turns a bad body into bad_response (%s)', (reason, body) => {
    let error: unknown;
    try {
      http.parseJson(response(200, body, { 'content-type': 'text/html' }), schema);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'bad_response', provider: 'acme', status: 200 });
    expect((error as Error).message).toContain(reason);
  });

  it('tryParseJson returns undefined for bodies that do not match', () => {
    expect(http.tryParseJson(response(400, 'nope'), schema)).toBeUndefined();
    expect(http.tryParseJson(response(400, '{"id":"a"}'), schema)).toEqual({ id: 'a' });
  });

  it.each([
    [400, 'rejected', false],
    [401, 'auth_failed', false],
    [402, 'insufficient_funds', false],
    [403, 'auth_failed', false],
    [404, 'rejected', false],
    [408, 'timeout', true],
    [429, 'rate_limited', true],
    [500, 'provider_unavailable', true],
    [503, 'provider_unavailable', true],
  ] as const)('maps HTTP %i to %s', (status, code, retryable) => {
    expect(codeForStatus(status)).toBe(code);
    expect(http.errors.fromResponse(response(status, ''))).toMatchObject({
      code,
      retryable,
      status,
      provider: 'acme',
    });
  });

  it('reads Retry-After in seconds and as a date', () => {
    expect(http.errors.fromResponse(response(429, '', { 'retry-after': '2' }))).toMatchObject({
      retryAfterMs: 2000,
    });
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('lets the provider table override the status mapping', () => {
    const error = http.errors.fromResponse(response(400, '{"code":21614}'), {
      code: 'invalid_recipient',
      providerCode: '21614',
      detail: 'not a mobile number',
    });
    expect(error).toMatchObject({
      code: 'invalid_recipient',
      retryable: false,
      providerCode: '21614',
      status: 400,
    });
    expect(error.message).toBe('Acme answered HTTP 400 (21614): not a mobile number');
  });

  it('never lets a secret, the recipient or the code into the error', () => {
    const body = `bad token ${secret} for +447911123456 with code 493817 and 44 7911 123456`;
    const error = http.errors.fromResponse(response(401, body), { sensitive: ['+447911123456', '493817'] });
    const everything = [
      error.message,
      error.stack,
      inspect(error, { depth: null }),
      JSON.stringify(error),
    ].join('\n');
    expect(isMfaSmsError(error)).toBe(true);
    for (const value of [secret, '447911123456', '7911 123456', '493817'])
      expect(everything).not.toContain(value);
    expect(error.message).toContain('[redacted]');
    expect(error.message).toContain('44******456');
  });
});

describe('redaction before shortening', () => {
  it('does not leak part of a number that the shortening would cut', () => {
    const http = createHttpClient({ errors: acme, baseUrl: 'https://api.example.com' });
    // The number straddles the 160-character cut.
    const body = `${'x'.repeat(144)} to +447911123456 failed`;
    const error = http.errors.fromResponse(
      { status: 400, body, headers: {} },
      { sensitive: ['+447911123456', '447911123456'] },
    );
    expect(error.message).not.toMatch(/7911|1234|234|3456/);
    expect(error.message).toContain('[redacted]');
  });
});
