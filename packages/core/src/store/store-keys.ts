import { createHmac, hash } from 'node:crypto';
import { MfaSmsError } from '../errors/errors.js';
import type { Store } from './store.js';

/** Turns what a key is about (a number, a range, a message) into the key a store sees. */
export type StoreKeyer = (kind: string, material: string) => string;

// A key secret shorter than this is guessable; 16 characters of a random string are 96 bits or more.
const minimumSecretLength = 16;

/**
 * Keys for a store: `mfa-sms:<kind>:<32 base64url characters>`, at most 45 bytes (api.cache takes
 * 64). With a secret they are an HMAC-SHA-256 of the material, so a store outside the process sees
 * neither the number nor the code and cannot find them either: phone numbers are few enough that
 * an unkeyed hash is reversed by hashing every number. Without a secret (memory and `api.cache`
 * only, which stay inside the process or Auth0) a plain SHA-256 keeps keys short.
 */
export function createStoreKeyer(secret?: string): StoreKeyer {
  if (secret === undefined) {
    return (kind, material) =>
      `mfa-sms:${kind}:${hash('sha256', `${kind}\u0000${material}`, 'base64url').slice(0, 32)}`;
  }
  return (kind, material) =>
    `mfa-sms:${kind}:${createHmac('sha256', secret).update(`${kind}\u0000${material}`).digest('base64url').slice(0, 32)}`;
}

/**
 * The keyer for a store, refusing a shared store (one outside the process and Auth0) without a
 * secret. `option` names where the secret is given, for the error (`storeKey`, `MFA_SMS_STORE_KEY`).
 */
export function storeKeyerFor(store: Store, secret: string | undefined, option = 'storeKey'): StoreKeyer {
  if (secret !== undefined && secret.length < minimumSecretLength) {
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `${option} is too short: use a random string of at least ${minimumSecretLength} characters`,
    });
  }
  if (store.shared && secret === undefined) {
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `${option} is required with the ${store.name} store: its keys leave the process, so they are keyed hashes of the numbers`,
    });
  }
  return createStoreKeyer(secret);
}
