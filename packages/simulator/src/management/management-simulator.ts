import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { requestRefusal } from '../request-guard.js';
import { listen } from '../simulator-http.js';
import { tokenBody } from './management-bodies.js';
import { type ApiAnswer, apiError, managementRoutes } from './management-routes.js';
import { createTenant, type ManagementTenant } from './management-tenant.js';

/** Every scope the fake's endpoints check. */
export const managementScopes = [
  'read:actions',
  'create:actions',
  'update:actions',
  'read:phone_providers',
  'create:phone_providers',
  'update:phone_providers',
] as const;

export interface ManagementSimulatorOptions {
  port?: number;
  host?: string;
  /** The machine-to-machine application the fake accepts; random credentials by default. */
  clientId?: string;
  clientSecret?: string;
  /** Scopes granted to that application; all of `managementScopes` by default. */
  scopes?: readonly string[];
  /** How long a draft stays `pending`/`building` before it is `built`. Default 2000 ms. */
  buildDelayMs?: number;
  /** The tenant answers 403 "deprecated feature" to the send-phone-message trigger. */
  unifiedPhoneExperience?: boolean;
}

export interface ManagementRequest {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface ManagementSimulator {
  /** `http://127.0.0.1:PORT`: what `AUTH0_DOMAIN` is set to. */
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The fake tenant's state: Actions, versions, bindings, phone providers. */
  readonly tenant: ManagementTenant;
  /** Every request received, oldest first. */
  readonly requests: readonly ManagementRequest[];
  /** Scopes granted to tokens issued from now on. */
  setScopes(scopes: readonly string[]): void;
  /** How long builds take from now on, those under way included. */
  setBuildDelay(ms: number): void;
  /**
   * Answers the next `times` API requests with 429 and Auth0's rate-limit headers, the limit
   * resetting `resetMs` later. `retryAfter: false` leaves out `Retry-After`, as most Auth0
   * endpoints do, so that only `x-ratelimit-reset` says when to come back.
   */
  rateLimit(options: { times: number; resetMs?: number; retryAfter?: boolean }): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: ApiAnswer): void {
  const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...(answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...answer.headers,
    'content-length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}

function decodeBody(request: IncomingMessage, text: string): unknown {
  if (text === '') return undefined;
  if (String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for('invalid-json');
  }
}

/** Starts a strict fake of the parts of Auth0's Management API that deploying an Action uses. */
export async function startManagementSimulator(
  options: ManagementSimulatorOptions = {},
): Promise<ManagementSimulator> {
  const clientId = options.clientId ?? randomBytes(16).toString('hex');
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('base64url');
  let scopes: readonly string[] = options.scopes ?? managementScopes;
  let buildDelayMs = options.buildDelayMs ?? 2000;
  const tokens = new Map<string, { scopes: readonly string[]; expiresAt: number }>();
  const tenant = createTenant();
  const tenantId = 'simulated-tenant';
  const requests: ManagementRequest[] = [];
  const sockets = new Set<Socket>();
  let limited = { times: 0, resetMs: 0, retryAfter: true };
  let url = '';

  function issueToken(body: unknown): ApiAnswer {
    const parsed = tokenBody.safeParse(body);
    if (!parsed.success)
      return { status: 400, body: { error: 'invalid_request', error_description: 'Bad body' } };
    const { grant_type, client_id, client_secret, audience } = parsed.data;
    if (grant_type !== 'client_credentials')
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' },
      };
    if (client_id !== clientId || client_secret !== clientSecret)
      return { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
    if (audience !== `${url}/api/v2/`)
      return {
        status: 403,
        body: { error: 'access_denied', error_description: `Service not found: ${audience ?? '(none)'}` },
      };
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, { scopes, expiresAt: Date.now() + 86_400_000 });
    return {
      status: 200,
      body: { access_token: token, scope: scopes.join(' '), expires_in: 86_400, token_type: 'Bearer' },
    };
  }

  function rateLimited(): ApiAnswer | undefined {
    if (limited.times <= 0) return undefined;
    limited.times -= 1;
    const reset = Math.ceil((Date.now() + limited.resetMs) / 1000);
    return {
      ...apiError(429, 'Global limit has been reached', 'too_many_requests'),
      headers: {
        'x-ratelimit-limit': '50',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
        ...(limited.retryAfter ? { 'retry-after': String(Math.ceil(limited.resetMs / 1000)) } : {}),
      },
    };
  }

  function answer(request: IncomingMessage, requestUrl: URL, body: unknown): ApiAnswer {
    const method = request.method ?? 'GET';
    if (method === 'POST' && requestUrl.pathname === '/oauth/token') return issueToken(body);
    const limit = rateLimited();
    if (limit) return limit;
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    const grant = token === undefined ? undefined : tokens.get(token);
    if (!grant || grant.expiresAt < Date.now()) return apiError(401, 'Invalid token', 'invalid_token');
    for (const route of managementRoutes) {
      const match = route.path.exec(requestUrl.pathname);
      if (!match || route.method !== method) continue;
      if (!grant.scopes.includes(route.scope))
        return apiError(403, `Insufficient scope, expected any of: ${route.scope}`, 'insufficient_scope');
      if (body === Symbol.for('invalid-json')) return apiError(400, 'Invalid JSON body', 'invalid_body');
      return route.handle({
        tenant,
        tenantId,
        url: requestUrl,
        params: match.slice(1).map(decodeURIComponent),
        body,
        buildDelayMs,
        unifiedPhoneExperience: options.unifiedPhoneExperience ?? false,
      });
    }
    return apiError(404, 'Not Found', 'not_found');
  }

  const server = createServer((request, response) => {
    const refusal = requestRefusal(request, true);
    if (refusal) {
      request.resume();
      send(response, { status: 403, body: { error: 'forbidden', message: refusal } });
      return;
    }
    readBody(request)
      .then((text) => {
        const requestUrl = new URL(request.url ?? '/', 'http://simulator.invalid');
        const result = answer(request, requestUrl, decodeBody(request, text));
        requests.push({
          method: request.method ?? 'GET',
          path: requestUrl.pathname,
          status: result.status,
          at: Date.now(),
        });
        send(response, result);
      })
      .catch(() => response.destroy());
  });
  url = (await listen(server, sockets, options)).url;

  return {
    url,
    clientId,
    clientSecret,
    tenant,
    requests,
    setScopes(next) {
      scopes = [...next];
    },
    setBuildDelay(ms) {
      buildDelayMs = ms;
      // Builds under way take the new time too, so that a test can let a stuck build finish.
      for (const action of tenant.actions)
        if (action.builtAt > Date.now()) action.builtAt = Date.parse(action.updated_at) + ms;
    },
    rateLimit({ times, resetMs = 0, retryAfter = true }) {
      limited = { times, resetMs, retryAfter };
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
