import { createPrivateKey, type KeyObject, randomUUID, sign } from 'node:crypto';

/** Reads a PEM private key; throws when it is not an RSA key (the Voice API signs RS256). */
export function readPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'rsa') throw new Error('not an RSA key');
  return key;
}

const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');

/**
 * A short-lived application JWT for the Voice API: RS256 over `application_id`, `iat`, a unique
 * `jti` and `exp` five minutes on. One per call, so that a leaked token is useless quickly.
 */
export function vonageJwt(applicationId: string, key: KeyObject, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims = { application_id: applicationId, iat, exp: iat + 300, jti: randomUUID() };
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
}
