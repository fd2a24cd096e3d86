import { createPublicKey, verify } from 'node:crypto';
import { readJson, type SimulatorContext } from '../../simulated-provider.js';
import type { VonageCredentials } from './vonage-credentials.js';

// The Voice API's authentication: a JWT signed by the application's private key
// (https://developer.vonage.com/en/getting-started/concepts/authentication#json-web-tokens).

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  const value = readJson(Buffer.from(segment, 'base64url').toString('utf8'));
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/**
 * Checks the Voice API's JWT as Vonage does: an RS256 signature by the application's private
 * key, the application id, `iat` not in the future, a `jti`, and an `exp` (optional, as Vonage
 * defaults it) that has not passed and is at most 24 hours after `iat`.
 */
export function jwtProblem(
  token: string | undefined,
  context: SimulatorContext<VonageCredentials>,
): string | undefined {
  if (!token) return 'no Bearer token';
  const [header, claims, signature, extra] = token.split('.');
  if (!header || !claims || !signature || extra !== undefined) return 'not a JWT';
  if (decodeSegment(header)?.alg !== 'RS256') return 'alg is not RS256';
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    createPublicKey(context.credentials.publicKey),
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return 'the signature does not verify';
  const decoded = decodeSegment(claims);
  const now = Math.floor(Date.now() / 1000);
  if (decoded?.application_id !== context.credentials.applicationId) return 'unknown application_id';
  if (typeof decoded.iat !== 'number' || decoded.iat > now + 60) return 'iat is missing or in the future';
  if (typeof decoded.jti !== 'string' || decoded.jti.length === 0) return 'jti is missing';
  if (
    decoded.exp !== undefined &&
    (typeof decoded.exp !== 'number' || decoded.exp < now || decoded.exp > decoded.iat + 86_400)
  ) {
    return 'exp is expired or more than 24 hours after iat';
  }
  return undefined;
}
