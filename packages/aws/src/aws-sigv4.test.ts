import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { amzDate, canonicalRequest, createSigner, type SigV4Request, stringToSign } from './aws-sigv4.js';

// AWS's Signature Version 4 test suite (aws-sig-v4-test-suite), vendored in specs/aws/ with its
// licence and hashes (specs/README.md): each vector is a raw request (.req) and the canonical
// request (.creq), string to sign (.sts) and Authorization header (.authz) AWS computed for it.
const folder = new URL('../../../specs/aws/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

// The suite's own credentials and scope (its documentation page and post-sts-token/readme.txt).
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const scope = { region: 'us-east-1', service: 'service' };

function parseRequest(raw: string): SigV4Request & { date: string } {
  const [head = '', ...rest] = raw.split('\n\n');
  const [requestLine = '', ...headerLines] = head.split('\n');
  const target = requestLine.slice(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));
  const question = target.indexOf('?');
  const headers: Record<string, string[]> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    headers[name] = [...(headers[name] ?? []), line.slice(colon + 1)];
  }
  return {
    method: requestLine.slice(0, requestLine.indexOf(' ')),
    path: question === -1 ? target : target.slice(0, question),
    query: question === -1 ? '' : target.slice(question + 1),
    headers,
    body: rest.join('\n\n'),
    date: headers['x-amz-date']?.[0] ?? '',
  };
}

const vectors = readdirSync(folder)
  .filter((file) => file.endsWith('.req'))
  .map((file) => file.slice(0, -'.req'.length));

describe('SigV4 against the AWS test suite', () => {
  it('has the vectors the README lists', () => {
    expect(vectors.length).toBe(12);
  });

  for (const name of vectors) {
    it(name, () => {
      const { date, ...parsed } = parseRequest(read(`${name}.req`));
      const authz = read(`${name}.authz`);
      // Sign what the expected header says was signed (the suite's requests carry Content-Length,
      // which some vectors sign and some do not).
      const signedNames = (/SignedHeaders=([^,]+)/.exec(authz)?.[1] ?? '').split(';');
      const request = {
        ...parsed,
        headers: Object.fromEntries(
          Object.entries(parsed.headers).filter(([key]) => signedNames.includes(key)),
        ),
      };
      expect(canonicalRequest(request)).toBe(read(`${name}.creq`));
      expect(stringToSign(request, scope, date)).toBe(read(`${name}.sts`));
      const token = parsed.headers['x-amz-security-token']?.[0];
      expect(createSigner({ ...credentials, sessionToken: token }).authorization(request, scope, date)).toBe(
        authz,
      );
    });
  }
});

describe('createSigner().sign', () => {
  const now = new Date('2015-08-30T12:36:00Z');

  it('adds x-amz-date and signs it, as get-vanilla does', () => {
    const headers = createSigner(credentials).sign(
      { method: 'GET', path: '/', headers: { host: 'example.amazonaws.com' }, body: '' },
      scope,
      now,
    );
    expect(headers).toEqual({ 'x-amz-date': '20150830T123600Z', authorization: read('get-vanilla.authz') });
  });

  it('adds and signs the session token, as post-sts-header-before does', () => {
    const token = parseRequest(read('post-sts-header-before.req')).headers['x-amz-security-token']?.[0];
    const headers = createSigner({ ...credentials, sessionToken: token }).sign(
      { method: 'POST', path: '/', headers: { host: 'example.amazonaws.com' }, body: '' },
      scope,
      now,
    );
    expect(headers['x-amz-security-token']).toBe(token);
    expect(headers.authorization).toBe(read('post-sts-header-before.authz'));
  });

  it('keeps the derived key per day, region and service', () => {
    const signer = createSigner(credentials);
    const request = { method: 'GET', path: '/', headers: { host: 'example.amazonaws.com' }, body: '' };
    const first = signer.sign(request, scope, now).authorization;
    const otherService = signer.sign(request, { ...scope, service: 'sns' }, now).authorization;
    expect(otherService).not.toBe(first);
    expect(signer.sign(request, scope, now).authorization).toBe(first);
  });

  it('formats x-amz-date without separators or milliseconds', () => {
    expect(amzDate(new Date('2026-12-07T01:02:03.456Z'))).toBe('20261207T010203Z');
  });
});
