import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimulatorRequest } from '../../simulated-provider.js';
import { telesignAuthProblem, telesignSignature, telesignStringToSign } from './telesign-auth.js';
import { telesignCredentials } from './telesign-credentials.js';

// Known answers from Telesign's Python SDK tests (specs/telesign/test_rest.py, vendored whole):
// an implementation independent of the Node SDK the simulator is also driven with.
const source = readFileSync(new URL('../../../../../specs/telesign/test_rest.py', import.meta.url), 'utf8');

function literal(pattern: RegExp, text: string): string {
  const found = pattern.exec(text);
  if (!found?.[1]) throw new Error(`test_rest.py no longer has ${pattern}`);
  return found[1];
}

interface Vector {
  name: string;
  method: string;
  date: string;
  nonce: string;
  resource: string;
  body: string;
  authorization: string;
}

const customerId = literal(/self\.customer_id = "([^"]+)"/, source);
const apiKey = literal(/self\.api_key = "([^"]+)"/, source);
const allVectors: Vector[] = [
  ...source.matchAll(/def (test_generate_telesign_headers_\w+)\(self\):([\s\S]*?)(?=\n {4}(?:def|@))/g),
]
  .filter(([, , body]) => body?.includes('expected_authorization_header'))
  .map(([, name, body = '']) => ({
    name: name as string,
    method: literal(/method_name = '(\w+)'/, body),
    date: literal(/date_rfc2616 = '([^']+)'/, body),
    nonce: literal(/nonce = '([^']+)'/, body),
    resource: literal(/resource = '([^']+)'/, body),
    body: /body_params_url_encoded = '([^']*)'/.exec(body)?.[1] ?? '',
    authorization: [
      ...literal(/expected_authorization_header =\s+\(([\s\S]*?)\)/, body).matchAll(/'([^']*)'/g),
    ]
      .map(([, part]) => part)
      .join(''),
  }));
const vectors = allVectors.filter((vector) => vector.authorization.startsWith('TSA '));
const basicVectors = allVectors.filter((vector) => vector.authorization.startsWith('Basic '));

function signedRequest(vector: Vector): SimulatorRequest {
  const headers = {
    authorization: vector.authorization,
    date: vector.date,
    'x-ts-auth-method': 'HMAC-SHA256',
    'x-ts-nonce': vector.nonce,
    // The SDKs sign this Content-Type for POST and PUT, and none for GET.
    ...(vector.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
  };
  return {
    method: vector.method,
    path: vector.resource,
    url: new URL(`http://127.0.0.1${vector.resource}`),
    headers,
    body: vector.body,
  };
}

describe('telesign simulator: digest authentication against the Python SDK’s known answers', () => {
  it('reads three signed requests and one Basic from the vendored tests', () => {
    expect(vectors.map((vector) => vector.name)).toEqual([
      'test_generate_telesign_headers_with_post',
      'test_generate_telesign_headers_unicode_content',
      'test_generate_telesign_headers_with_get',
    ]);
    expect(basicVectors.map((vector) => vector.name)).toEqual([
      'test_generate_telesign_headers_with_post_basic_authentication',
    ]);
  });

  for (const vector of vectors) {
    it(`${vector.name}: same signature, and the request is accepted`, () => {
      const request = signedRequest(vector);
      const signature = telesignSignature(apiKey, telesignStringToSign(request));
      expect(`TSA ${customerId}:${signature}`).toBe(vector.authorization);
      const credentials = { customerId, apiKey };
      const at = Date.parse(vector.date);
      expect(telesignAuthProblem(request, credentials, at + 60_000)).toBeUndefined();
      // The same nonce again within 15 minutes is a replay.
      expect(telesignAuthProblem(request, credentials, at + 120_000)).toBe(10002);
    });
  }

  it('refuses what Telesign refuses, with its codes', () => {
    const [post] = vectors as [Vector];
    const at = Date.parse(post.date);
    const credentials = { customerId, apiKey };
    const request = (change: Record<string, string | undefined>, body = post.body): SimulatorRequest => {
      const base = signedRequest(post);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries({ ...base.headers, ...change })) {
        if (typeof value === 'string') headers[name] = value;
      }
      return { ...base, headers, body };
    };
    expect(
      telesignAuthProblem(request({ 'x-ts-nonce': 'B1592C6F-E384-4CDB-BC42-C3AB970369E9' }), credentials, at),
    ).toBe(10008);
    expect(telesignAuthProblem(request({}, 'test=changed'), credentials, at)).toBe(10008);
    expect(telesignAuthProblem(request({}), credentials, at + 16 * 60_000)).toBe(10004);
    expect(telesignAuthProblem(request({ date: undefined }), credentials, at)).toBe(10007);
    expect(telesignAuthProblem(request({ date: 'yesterday' }), credentials, at)).toBe(10005);
    expect(telesignAuthProblem(request({ 'x-ts-auth-method': 'HMAC-SHA1' }), credentials, at)).toBe(10006);
    expect(telesignAuthProblem(request({ 'x-ts-nonce': 'short' }), credentials, at)).toBe(10003);
    expect(telesignAuthProblem(request({ authorization: 'TSA nobody:abc' }), credentials, at)).toBe(10015);
    expect(telesignAuthProblem(request({ authorization: 'TSA no-colon' }), credentials, at)).toBe(10028);
    expect(telesignAuthProblem(request({ authorization: undefined }), credentials, at)).toBe(10009);
  });
});

describe('telesign simulator: Basic authentication', () => {
  const defaults = telesignCredentials({});
  const { customerId: id, apiKey: key } = defaults;
  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const request = (authorization: string): SimulatorRequest => ({
    method: 'POST',
    path: '/v1/messaging',
    url: new URL('http://127.0.0.1/v1/messaging'),
    headers: { authorization },
    body: '',
  });

  it('accepts the Python SDK’s Basic header for its credentials', () => {
    const [vector] = basicVectors as [Vector];
    expect(telesignAuthProblem(request(vector.authorization), { customerId, apiKey })).toBeUndefined();
  });

  it('accepts customer_id:api_key, and names what is wrong otherwise', () => {
    expect(telesignAuthProblem(request(basic(id, key)), defaults)).toBeUndefined();
    expect(telesignAuthProblem(request(basic(id, `${key}x`)), defaults)).toBe(10022);
    expect(telesignAuthProblem(request(basic('someone-else', key)), defaults)).toBe(10015);
    expect(telesignAuthProblem(request(`Basic ${Buffer.from(id).toString('base64')}`), defaults)).toBe(10028);
    expect(telesignAuthProblem(request(`Bearer ${key}`), defaults)).toBe(10028);
  });
});
