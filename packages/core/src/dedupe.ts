import { hash } from 'node:crypto';
import type { Auth0Cache } from './auth0-types.js';
import type { PhoneMessage, Purpose } from './types.js';

/**
 * Remembers what was sent recently so that a repeated trigger (a double-clicked "resend", an
 * Auth0 retry after a send that did go out) does not text the user twice. Auth0's `api.cache`
 * is preferred; the hook has none, so a small per-container memory stands in for it there.
 * A cache that fails never blocks a send: deduplication is best effort by design.
 *
 * Synchronous, as `api.cache` is: two async wrappers and their awaits on every send bought nothing.
 */
export interface SentLedger {
  seen(key: string): boolean;
  remember(key: string, value: string): void;
}

// Auth0 limits cache keys to 64 bytes: a prefix and a truncated SHA-256 fit with room to spare.
export function dedupeKey(message: PhoneMessage, purpose: Purpose): string {
  const material = [message.to, message.channel, purpose, message.code ?? message.text].join('\u0000');
  // The one-shot hash: a third of the cost of a Hash object for input this short.
  return `mfa-sms:${hash('sha256', material, 'base64url').slice(0, 32)}`;
}

export function cacheLedger(cache: Auth0Cache, ttlMs: number): SentLedger {
  return {
    seen(key) {
      try {
        const entry = cache.get(key);
        return entry !== undefined && entry !== null && typeof entry.value === 'string';
      } catch {
        return false;
      }
    },
    remember(key, value) {
      try {
        cache.set(key, value, { ttl: ttlMs });
      } catch {
        // A full or failing cache only costs deduplication.
      }
    },
  };
}

const memoryLimit = 256;

export function memoryLedger(ttlMs: number, now: () => number = Date.now): SentLedger {
  const entries = new Map<string, number>();
  return {
    seen(key) {
      const expires = entries.get(key);
      if (expires === undefined) return false;
      if (expires <= now()) {
        entries.delete(key);
        return false;
      }
      return true;
    },
    remember(key) {
      entries.delete(key);
      entries.set(key, now() + ttlMs);
      // Oldest first in insertion order: dropping from the front bounds memory in a warm container.
      while (entries.size > memoryLimit) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
