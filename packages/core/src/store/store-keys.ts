import { createHmac, hash } from 'node:crypto';
import { MfaSmsError } from '../errors/errors.js';
import type { Store } from './store.js';

/** Turns what a key is about (a number, a range, a message) into the key a store sees. */
export type StoreKeyer = (kind: string, material: string) => string;

/** What every key a keyer makes starts with, before its kind. */
export const storeKeyPrefix = 'mfa-sms:';
/**
 * The kind of the Action's deduplication entries (`mfa-sms:d:…`): one per send, so the stores that
 * keep few entries (the api.cache table, the container's memory) keep only the newest of them.
 */
export const dedupeKind = 'd';

/** Whether `key` was made by a keyer for `kind`. */
export function isKeyOfKind(key: string, kind: string): boolean {
  return (
    key.startsWith(storeKeyPrefix) &&
    key.startsWith(kind, storeKeyPrefix.length) &&
    key.charCodeAt(storeKeyPrefix.length + kind.length) === 58
  );
}

// A key secret shorter than this is guessable; 16 characters of a random string are 96 bits or more.
const minimumSecretLength = 16;
// Fewer different characters than this in 16 or more is a pattern, not a random string (a random
// hex key of 16 has fewer than 6 about once in 30,000).
const minimumDistinct = 6;

/** Why `secret` is not a random string, or `undefined`: never the secret itself. */
function guessable(secret: string): string | undefined {
  const counts = new Map<string, number>();
  for (const character of secret) counts.set(character, (counts.get(character) ?? 0) + 1);
  if (counts.size < minimumDistinct) return `it has fewer than ${minimumDistinct} different characters`;
  for (const count of counts.values())
    if (count * 2 >= secret.length) return 'one character makes up half of it';
  // The shortest block it repeats, if any, is at most half its length.
  for (let period = 1; period * 2 <= secret.length; period += 1) {
    let repeats = true;
    for (let index = period; repeats && index < secret.length; index += 1)
      repeats = secret[index] === secret[index - period];
    if (repeats) return 'it repeats a block';
  }
  return undefined;
}

/**
 * Checks a store key (`storeKey`, the Action's `MFA_SMS_STORE_KEY`): at least 16 characters of a
 * random string, so that its HMACs cannot be recomputed for every phone number. Throws
 * `invalid_config` naming `option` and the rule, never the key.
 */
export function checkStoreKey(secret: string, option = 'storeKey'): void {
  const rule = `use a random string (for example \`openssl rand -hex 16\`) of at least ${minimumSecretLength} characters`;
  if (secret.length < minimumSecretLength) {
    throw new MfaSmsError({ code: 'invalid_config', message: `${option} is too short: ${rule}` });
  }
  const why = guessable(secret);
  if (why !== undefined) {
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `${option} is guessable (${why}): ${rule}, with at least ${minimumDistinct} different characters and no character or block repeated through it`,
    });
  }
}

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
      `${storeKeyPrefix}${kind}:${hash('sha256', `${kind}\u0000${material}`, 'base64url').slice(0, 32)}`;
  }
  return (kind, material) =>
    `${storeKeyPrefix}${kind}:${createHmac('sha256', secret).update(`${kind}\u0000${material}`).digest('base64url').slice(0, 32)}`;
}

/**
 * The keyer for a store, refusing a shared store (one outside the process and Auth0) without a
 * secret. `option` names where the secret is given, for the error (`storeKey`, `MFA_SMS_STORE_KEY`).
 */
export function storeKeyerFor(store: Store, secret: string | undefined, option = 'storeKey'): StoreKeyer {
  if (secret !== undefined) checkStoreKey(secret, option);
  if (store.shared && secret === undefined) {
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `${option} is required with the ${store.name} store: its keys leave the process, so they are keyed hashes of the numbers`,
    });
  }
  return createStoreKeyer(secret);
}
