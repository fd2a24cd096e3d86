import { isMfaSmsError, type MfaSmsError, type MfaSmsErrorCode } from '@mfa-sms/core';
import {
  createHttpClient,
  createProviderErrors,
  type HttpResponse,
  parseRetryAfter,
  summarizeBody,
} from '@mfa-sms/core/provider';
import type { z } from 'zod';
import { apiErrorBody, tokenResponse } from './management-schemas.js';

export interface ManagementClientOptions {
  /** `https://tenant.eu.auth0.com`, or the simulator's `http://127.0.0.1:PORT`. */
  origin: string;
  clientId: string;
  clientSecret: string;
  /** Values that must never appear in an error: the Action's secret values. */
  hidden: readonly string[];
  /** Tells the person waiting why nothing seems to happen (a rate limit). */
  notice(line: string): void;
  /** With --verbose: one line per request, method, path and status (never a body). */
  trace?(line: string): void;
  timeoutMs?: number;
}

export interface ManagementCall<T> {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  schema: () => z.ZodType<T>;
  /** The scope Auth0 checks for this endpoint, named in the error when it is missing. */
  scope: string;
  /** What the call does, for messages: "create the Action". */
  what: string;
}

export interface ManagementClient {
  call<T>(call: ManagementCall<T>): Promise<T>;
}

const maxAttempts = 6;
const maxWaitMs = 60_000;
const dashboardPath =
  'Auth0 Dashboard › Applications › APIs › Auth0 Management API › Machine to Machine Applications';

/** How long a 429 asks us to wait: `Retry-After`, else `x-ratelimit-reset` (a UNIX time in seconds). */
export function rateLimitWaitMs(headers: HttpResponse['headers'], now = Date.now()): number {
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  const reset = Number(headers['x-ratelimit-reset']);
  const wait = retryAfter ?? (Number.isFinite(reset) && reset > 0 ? reset * 1000 - now : 1000);
  return Math.min(Math.max(wait, 0), maxWaitMs);
}

// Not the `auth0` SDK: its ManagementClient builds `https://{domain}` itself (the simulator would
// need a fetch that rewrites URLs), installs 34 MB, adds ~0.2 s to every start of the CLI, and
// asks for Node ^20.19. Eight endpoints do not need it.

/** A Management API client on core's HTTP helper: client-credentials token, 429 retries, errors that say what to do. */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  // Every error, the CLI's own explanations included, is built by this one factory so that an
  // answer echoing the client secret, an Action secret or the bearer token shows none of them.
  const errors = createProviderErrors({
    provider: 'auth0',
    label: 'Auth0',
    secrets: [options.clientSecret, ...options.hidden],
  });
  function fail(code: MfaSmsErrorCode, message: string, status?: number, sensitive?: readonly string[]) {
    return errors.create({
      code,
      message,
      ...(status ? { status } : {}),
      ...(sensitive ? { sensitive } : {}),
    });
  }
  const http = createHttpClient({
    errors,
    baseUrl: options.origin,
    timeoutMs: options.timeoutMs ?? 30_000,
    // An Action's answer carries its code (up to 100 kB) and its versions list carries it again.
    maxResponseBytes: 8 * 1024 * 1024,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  });
  let token: Promise<string> | undefined;

  async function send(
    method: ManagementCall<unknown>['method'],
    path: string,
    headers: Record<string, string>,
    body?: unknown,
    sensitive?: readonly string[],
  ) {
    for (let attempt = 1; ; attempt += 1) {
      let response: HttpResponse;
      try {
        response = await http.request({
          method,
          path,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          ...(sensitive ? { sensitive } : {}),
        });
      } catch (error) {
        if (isMfaSmsError(error) && error.code === 'network')
          throw fail('network', `${error.message}. Check AUTH0_DOMAIN.`, undefined, sensitive);
        throw error;
      }
      options.trace?.(`${method} ${path} → ${response.status}`);
      if (response.status !== 429 || attempt === maxAttempts) return response;
      const wait = rateLimitWaitMs(response.headers);
      options.notice(`Auth0's rate limit was reached; retrying in ${(wait / 1000).toFixed(1)} s`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async function fetchToken(): Promise<string> {
    const response = await send(
      'POST',
      '/oauth/token',
      {},
      {
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
        audience: `${options.origin}/api/v2/`,
      },
    );
    if (response.status === 200) return http.parseJson(response, tokenResponse()).access_token;
    const detail = http.tryParseJson(response, apiErrorBody());
    // Redacted, then shortened: Auth0's description may echo what it was sent.
    const reason =
      summarizeBody(
        errors.redact([detail?.error, detail?.error_description].filter(Boolean).join(': ')),
        160,
      ) || `HTTP ${response.status}`;
    if (response.status === 401)
      throw fail(
        'auth_failed',
        `Auth0 refused AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (${reason}). Check that both belong to a machine-to-machine application of this tenant.`,
        401,
      );
    if (response.status === 403)
      throw fail(
        'auth_failed',
        `Auth0 refused a Management API token to application ${options.clientId} (${reason}). Authorize it for the Auth0 Management API: ${dashboardPath}.`,
        403,
      );
    throw http.errors.fromResponse(response);
  }

  function explain(response: HttpResponse, call: ManagementCall<unknown>, bearer: string): MfaSmsError {
    const sensitive = [bearer];
    const detail = http.tryParseJson(response, apiErrorBody());
    const message = detail?.message ?? '';
    const status = response.status;
    if (
      status === 403 &&
      (detail?.errorCode === 'insufficient_scope' || /insufficient scope/i.test(message))
    ) {
      const scope = /expected any of: ([\w:, ]+)/i.exec(message)?.[1]?.split(',')[0]?.trim() ?? call.scope;
      return fail(
        'auth_failed',
        `Auth0 refused to ${call.what}: application ${options.clientId} lacks the scope ${scope}. Grant it in ${dashboardPath} › your application › Permissions, then run again.`,
        status,
        sensitive,
      );
    }
    if (status === 403 && /deprecat/i.test(`${message} ${detail?.errorCode ?? ''}`))
      return fail(
        'rejected',
        `Auth0 refused to ${call.what} because it is a deprecated feature on this tenant (unified phone experience). Deploy with --trigger custom-phone-provider instead.`,
        status,
        sensitive,
      );
    if (status === 429)
      return fail(
        'rate_limited',
        `Auth0's rate limit held through ${maxAttempts} attempts to ${call.what}. Wait a minute and run again.`,
        status,
        sensitive,
      );
    return http.errors.fromResponse(response, {
      code:
        status === 401 || status === 403
          ? 'auth_failed'
          : status >= 500
            ? 'provider_unavailable'
            : 'rejected',
      detail: `could not ${call.what}: ${message || response.body}`,
      ...(detail?.errorCode ? { providerCode: detail.errorCode } : {}),
      sensitive,
    });
  }

  async function call<T>(request: ManagementCall<T>): Promise<T> {
    token ??= fetchToken();
    const bearer = await token;
    const response = await send(
      request.method,
      request.path,
      { authorization: `Bearer ${bearer}` },
      request.body,
      [bearer],
    );
    if (response.status >= 200 && response.status < 300) return http.parseJson(response, request.schema());
    throw explain(response, request as ManagementCall<unknown>, bearer);
  }

  return { call };
}
