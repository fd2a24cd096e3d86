import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { readBasicAuth, type SimulatorRequest } from '../../simulated-provider.js';
import type { TelesignCredentials } from './telesign-credentials.js';

// Telesign accepts two schemes on every endpoint used here
// (https://developer.telesign.com/enterprise/docs/authentication):
// - Basic: `Basic base64(customer_id:api_key)`;
// - Digest: `TSA customer_id:signature`, an HMAC-SHA256 keyed with the base64-decoded API key over
//   method, Content-Type, Date, the x-ts-* headers (lower case, sorted, `name:value`), the body
//   and the path, one per line; what Telesign's SDKs sign (Python, Node, Java, PHP, Go agree, and
//   the Python SDK's tests give known answers: specs/telesign/test_rest.py).
// The codes are the SMS API's: https://developer.telesign.com/enterprise/docs/all-status-and-error-codes

/** Telesign refuses a Date more than 15 minutes away from its clock (10004). */
const toleranceMs = 15 * 60 * 1000;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The API key's bytes. Like Python's `b64decode` (what the known answers come from), characters
 * outside the standard alphabet are dropped; Telesign issues standard base64 keys.
 */
function telesignKeyBytes(apiKey: string): Buffer {
  return Buffer.from(apiKey.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
}

/**
 * The string a digest request signs. With `x-ts-date` instead of `Date`, the Date line is left
 * empty and x-ts-date is signed among the x-ts-* headers (*unsure*: no SDK sends x-ts-date).
 */
export function telesignStringToSign(
  request: Pick<SimulatorRequest, 'method' | 'path' | 'headers' | 'body'>,
): string {
  const tsHeaders = Object.keys(request.headers)
    .filter((name) => name.startsWith('x-ts-') && name !== 'x-ts-authorization')
    .sort()
    .map((name) => `${name}:${header(request.headers, name) ?? ''}`);
  const date =
    header(request.headers, 'x-ts-date') === undefined ? (header(request.headers, 'date') ?? '') : '';
  return [
    request.method,
    header(request.headers, 'content-type') ?? '',
    date,
    ...tsHeaders,
    ...(request.body === '' ? [] : [request.body]),
    request.path,
  ].join('\n');
}

export function telesignSignature(apiKey: string, stringToSign: string): string {
  return createHmac('sha256', telesignKeyBytes(apiKey)).update(stringToSign, 'utf8').digest('base64');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Nonces seen per simulator (its credentials object), with when: reuse within the tolerance is 10002. */
const seenNonces = new WeakMap<TelesignCredentials, Map<string, number>>();

function nonceUsedRecently(credentials: TelesignCredentials, nonce: string, now: number): boolean {
  const seen = seenNonces.get(credentials) ?? new Map<string, number>();
  seenNonces.set(credentials, seen);
  for (const [value, at] of seen) if (now - at > toleranceMs) seen.delete(value);
  if (seen.has(nonce)) return true;
  seen.set(nonce, now);
  return false;
}

function checkDigest(
  request: SimulatorRequest,
  credentials: TelesignCredentials,
  token: string,
  now: number,
): number | undefined {
  const colon = token.lastIndexOf(':');
  if (colon <= 0) return 10028;
  if (token.slice(0, colon) !== credentials.customerId) return 10015;
  const method = header(request.headers, 'x-ts-auth-method');
  if (method !== undefined && method.toUpperCase() !== 'HMAC-SHA256') return 10006;
  const date = header(request.headers, 'x-ts-date') ?? header(request.headers, 'date');
  if (date === undefined) return 10007;
  const at = Date.parse(date);
  if (Number.isNaN(at)) return 10005;
  if (Math.abs(now - at) > toleranceMs) return 10004;
  // Length bounds are not documented; every SDK sends a UUID, which passes.
  const nonce = header(request.headers, 'x-ts-nonce');
  if (nonce !== undefined && (nonce.length < 8 || nonce.length > 128)) return 10003;
  const expected = telesignSignature(credentials.apiKey, telesignStringToSign(request));
  if (!sameText(token.slice(colon + 1), expected)) return 10008;
  if (nonce !== undefined && nonceUsedRecently(credentials, nonce, now)) return 10002;
  return undefined;
}

/** Telesign's code for a request it does not authenticate, or `undefined` when it does. */
export function telesignAuthProblem(
  request: SimulatorRequest,
  credentials: TelesignCredentials,
  now = Date.now(),
): number | undefined {
  const authorization = header(request.headers, 'authorization')?.trim();
  if (authorization === undefined || authorization === '') return 10009;
  const [scheme, token = ''] = authorization.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'tsa') return checkDigest(request, credentials, token, now);
  if (scheme?.toLowerCase() !== 'basic') return 10028;
  const basic = readBasicAuth(request.headers);
  if (basic === undefined) return 10028;
  if (basic.username !== credentials.customerId) return 10015;
  return sameText(basic.password, credentials.apiKey) ? undefined : 10022;
}
