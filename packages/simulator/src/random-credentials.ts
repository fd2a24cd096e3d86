import { randomBytes, randomInt } from 'node:crypto';

// A simulated provider's default credentials are random for each simulator: fixed ones would let
// any web page its developer visits send as them to a simulator on their machine. They are
// printed by the CLI and returned as `simulator.credentials`, to be read, not known in advance.

/** `bytes` random bytes as lower-case hex (`2 × bytes` characters). */
export function secretHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** `bytes` random bytes as base64url (letters, digits, `-` and `_`). */
export function secretToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** `length` random decimal digits, the first not 0. */
export function secretDigits(length: number): string {
  return String(randomInt(10 ** (length - 1), 10 ** length));
}

/**
 * A simulated provider's `credentials` function: fresh random defaults for each simulator, and
 * whatever the caller gives in their place.
 */
export function credentialsWith<T extends object>(defaults: () => T): (given: Partial<T>) => T {
  return (given) => ({ ...defaults(), ...given });
}
