import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SimulatorRequest } from '../../simulated-provider.js';
import type { AwsCredentials } from './aws-credentials.js';

// The simulator's own SigV4 check, written from AWS's description of the signing process
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html),
// not from the package's signer: it is the oracle the package and the official SDKs are checked by.

/** Why a signature was refused, in the words AWS uses; the caller renders it in the API's shape. */
export type SignatureProblem =
  | { kind: 'missing'; message: string }
  | { kind: 'unknown-key'; message: string }
  | { kind: 'expired'; message: string }
  | { kind: 'incomplete'; message: string }
  | { kind: 'mismatch'; message: string };

const authorizationPattern =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
// AWS refuses a request whose x-amz-date is more than 15 minutes from its clock.
const maxSkewMs = 15 * 60 * 1000;

function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

function canonicalUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encode(decode(segment)))
    .join('/');
}

function canonicalQueryString(url: URL): string {
  const pairs = url.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return `${encode(decode(name))}=${encode(decode(value))}`;
    });
  return pairs.sort().join('&');
}

function headerValue(request: SimulatorRequest, name: string): string | undefined {
  const value = request.headers[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' ');
}

function parseAmzDate(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');
const hmac = (key: string | Buffer, value: string) =>
  createHmac('sha256', key).update(value, 'utf8').digest();

/**
 * Checks a request's `Authorization` header against the credentials the simulator accepts for
 * `service`; `undefined` when it is valid. A session token, when sent, must be signed and be
 * the simulator's.
 */
export function checkSignature(
  request: SimulatorRequest,
  credentials: AwsCredentials,
  service: 'sns' | 'sms-voice',
  now = Date.now(),
): SignatureProblem | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || header === '') {
    return { kind: 'missing', message: 'Request is missing Authentication Token' };
  }
  const match = authorizationPattern.exec(header.trim());
  if (!match) {
    return {
      kind: 'incomplete',
      message: "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.",
    };
  }
  const [, keyId = '', day = '', region = '', scopedService = '', signedList = '', signature = ''] = match;
  const token = headerValue(request, 'x-amz-security-token');
  if (keyId !== credentials.accessKeyId || (token !== undefined && token !== credentials.sessionToken)) {
    return { kind: 'unknown-key', message: 'The security token included in the request is invalid.' };
  }
  const signedHeaders = signedList.split(';');
  const date = headerValue(request, 'x-amz-date');
  if (date === undefined || !signedHeaders.includes('x-amz-date') || !signedHeaders.includes('host')) {
    return { kind: 'incomplete', message: 'The host and x-amz-date headers must be signed.' };
  }
  if (token !== undefined && !signedHeaders.includes('x-amz-security-token')) {
    return { kind: 'incomplete', message: 'The x-amz-security-token header must be signed.' };
  }
  const at = parseAmzDate(date);
  if (Number.isNaN(at) || Math.abs(now - at) > maxSkewMs) {
    return {
      kind: 'expired',
      message: `Signature expired: ${date} is more than 15 minutes from the server's time.`,
    };
  }
  if (scopedService !== service || day !== date.slice(0, 8)) {
    return {
      kind: 'mismatch',
      message: `Credential should be scoped to a valid day and to the service '${service}'.`,
    };
  }
  const lines: string[] = [];
  for (const name of signedHeaders) {
    const value = headerValue(request, name);
    if (value === undefined) return { kind: 'mismatch', message: `The signed header ${name} is missing.` };
    lines.push(`${name}:${value}\n`);
  }
  const canonical = [
    request.method,
    canonicalUri(request.path),
    canonicalQueryString(request.url),
    lines.join(''),
    signedList,
    sha256(request.body),
  ].join('\n');
  const scope = `${day}/${region}/${scopedService}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${credentials.secretAccessKey}`, day);
  for (const part of [region, scopedService, 'aws4_request']) key = hmac(key, part);
  const expected = hmac(key, toSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return {
      kind: 'mismatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    };
  }
  return undefined;
}
