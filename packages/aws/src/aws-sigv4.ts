import { createHash, createHmac } from 'node:crypto';

// AWS Signature Version 4 on node:crypto, as the AWS General Reference describes it
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html).
// The README says why this and not the aws4 package. It signs; it never sends, so it cannot retry.

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials' token: sent and signed as `x-amz-security-token`. */
  sessionToken?: string | undefined;
}

/** What a signature covers: one request as it will be sent. */
export interface SigV4Request {
  method: string;
  /** The path, not yet percent-encoded (`/`, `/ሴ`). */
  path: string;
  /** The query string after `?`, as sent; empty when there is none. */
  query?: string;
  /** The headers to sign, `host` and `x-amz-date` included; a repeated header as an array, in order. */
  headers: Readonly<Record<string, string | readonly string[]>>;
  body: string;
}

export interface SigV4Scope {
  region: string;
  service: string;
}

const algorithm = 'AWS4-HMAC-SHA256';

const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 asks. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decodeQueryPart(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The canonical query string: each name and value encoded once, sorted by name then value. */
export function canonicalQuery(query: string | undefined): string {
  if (!query) return '';
  const pairs = query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const equals = part.indexOf('=');
      const name = equals === -1 ? part : part.slice(0, equals);
      const value = equals === -1 ? '' : part.slice(equals + 1);
      return [uriEncode(decodeQueryPart(name)), uriEncode(decodeQueryPart(value))] as const;
    });
  pairs.sort(([nameA, valueA], [nameB, valueB]) =>
    nameA === nameB ? (valueA < valueB ? -1 : valueA > valueB ? 1 : 0) : nameA < nameB ? -1 : 1,
  );
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function canonicalHeaders(headers: SigV4Request['headers']): { lines: string; signed: string } {
  const byName = new Map<string, string[]>();
  for (const [name, given] of Object.entries(headers)) {
    const values = (typeof given === 'string' ? [given] : given).map((value) =>
      value.trim().replace(/\s+/g, ' '),
    );
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), ...values]);
  }
  const names = [...byName.keys()].sort();
  return {
    lines: names.map((name) => `${name}:${(byName.get(name) as string[]).join(',')}\n`).join(''),
    signed: names.join(';'),
  };
}

/** The canonical request of SigV4's first task. */
export function canonicalRequest(
  request: SigV4Request,
  headers: { lines: string; signed: string } = canonicalHeaders(request.headers),
): string {
  const path = request.path
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/');
  return [
    request.method.toUpperCase(),
    path === '' ? '/' : path,
    canonicalQuery(request.query),
    headers.lines,
    headers.signed,
    sha256Hex(request.body),
  ].join('\n');
}

/** `20150830T123600Z`: the form of `x-amz-date`. */
export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The string to sign of SigV4's second task. */
export function stringToSign(
  request: SigV4Request,
  scope: SigV4Scope,
  date: string,
  headers: { lines: string; signed: string } = canonicalHeaders(request.headers),
): string {
  const credentialScope = `${date.slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`;
  return [algorithm, date, credentialScope, sha256Hex(canonicalRequest(request, headers))].join('\n');
}

function hmac(key: string | Buffer, value: string): Buffer {
  return createHmac('sha256', key).update(value, 'utf8').digest();
}

/**
 * Signs requests with one set of credentials. The derived key depends only on the day, region and
 * service, so it is kept for the day: a warm send makes one HMAC (the signature), not five.
 */
export function createSigner(credentials: AwsCredentials) {
  let cached: { day: string; region: string; service: string; key: Buffer } | undefined;

  function signingKey(day: string, scope: SigV4Scope): Buffer {
    if (cached?.day === day && cached.region === scope.region && cached.service === scope.service) {
      return cached.key;
    }
    const dated = hmac(`AWS4${credentials.secretAccessKey}`, day);
    const key = hmac(hmac(hmac(dated, scope.region), scope.service), 'aws4_request');
    cached = { day, region: scope.region, service: scope.service, key };
    return key;
  }

  /** The `Authorization` header for a request whose `x-amz-date` header is `date`. */
  function authorization(request: SigV4Request, scope: SigV4Scope, date: string): string {
    const day = date.slice(0, 8);
    const headers = canonicalHeaders(request.headers);
    const signature = hmac(signingKey(day, scope), stringToSign(request, scope, date, headers)).toString(
      'hex',
    );
    const signed = headers.signed;
    return `${algorithm} Credential=${credentials.accessKeyId}/${day}/${scope.region}/${scope.service}/aws4_request, SignedHeaders=${signed}, Signature=${signature}`;
  }

  /**
   * The headers to send with a request to sign: `x-amz-date`, the session token when there is
   * one, and `authorization`, computed over `headers` (which must hold `host`) and these.
   */
  function sign(
    request: Omit<SigV4Request, 'headers'> & { headers: Readonly<Record<string, string>> },
    scope: SigV4Scope,
    now: Date = new Date(),
  ): Record<string, string> {
    const date = amzDate(now);
    const added: Record<string, string> = { 'x-amz-date': date };
    if (credentials.sessionToken !== undefined) added['x-amz-security-token'] = credentials.sessionToken;
    const headers = { ...request.headers, ...added };
    return { ...added, authorization: authorization({ ...request, headers }, scope, date) };
  }

  return { authorization, sign };
}
