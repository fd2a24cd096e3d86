import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readPrivateKey, vonageJwt } from './vonage-jwt.js';
import { createVonage } from './vonage-provider.js';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const applicationId = '00000000-0000-4000-8000-000000000000';

function decode(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
}

describe('vonageJwt', () => {
  it('is an RS256 token over application_id, iat, exp = iat + 300 and a jti', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const token = vonageJwt(applicationId, readPrivateKey(keys.privateKey), now);
    const [header, claims, signature] = token.split('.');
    expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(decode(claims)).toEqual({
      application_id: applicationId,
      iat: now / 1000,
      exp: now / 1000 + 300,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const signed = Buffer.from(`${header}.${claims}`);
    const publicKey = createPublicKey(keys.publicKey);
    expect(verify('sha256', signed, publicKey, Buffer.from(signature ?? '', 'base64url'))).toBe(true);
    const other = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(verify('sha256', signed, other, Buffer.from(signature ?? '', 'base64url'))).toBe(false);
  });

  it('uses a new jti for every token', () => {
    const key = readPrivateKey(keys.privateKey);
    const ids = new Set(
      Array.from({ length: 20 }, () => decode(vonageJwt(applicationId, key).split('.')[1]).jti),
    );
    expect(ids.size).toBe(20);
  });

  it('refuses a key that is not RSA', () => {
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(() => readPrivateKey(ec.privateKey)).toThrow();
  });
});

describe('the privateKey option', () => {
  const options = { apiKey: 'simkey01', apiSecret: 'SimSecret0000001', from: '447700900000', applicationId };

  it.each([
    ['as downloaded', keys.privateKey],
    [
      'on one line with \\n escapes, as one-line secret stores keep it',
      keys.privateKey.trim().split('\n').join('\\n'),
    ],
    ['with \\r\\n escapes', keys.privateKey.trim().split('\n').join('\\r\\n')],
  ])('enables voice %s', (_form, privateKey) => {
    expect(createVonage({ ...options, privateKey }).channels).toEqual(['sms', 'voice']);
  });

  it('is invalid_config without echoing the key when it is not a key', () => {
    const privateKey = keys.privateKey.replace(/[A-Za-z]{20}/, 'x');
    let error: unknown;
    try {
      createVonage({ ...options, privateKey });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'invalid_config', provider: 'vonage' });
    expect((error as Error).message).toContain('privateKey');
    expect((error as Error).message).not.toContain(privateKey.split('\n')[2]);
  });
});
