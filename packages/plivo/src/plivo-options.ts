import type { Dispatcher, SenderOption } from '@mfa-sms/core';
import { lazySchema } from '@mfa-sms/core/provider';
import { senderOption, transportOptions } from '@mfa-sms/provider-schemas';
import * as z from 'zod/mini';

export const plivoBaseUrl = 'https://api.plivo.com';

/** Options of `createPlivo`. */
export interface PlivoOptions {
  /**
   * The Auth ID (`PLIVO_AUTH_ID`): 20 characters, `MA…` for an account, `SA…` for a subaccount.
   * It is the Basic username and part of every request path.
   */
  authId: string;
  /** The Auth Token (`PLIVO_AUTH_TOKEN`), the Basic password. */
  authToken: string;
  /**
   * Sender (`PLIVO_FROM`): a Plivo number, or an alphanumeric sender ID where Plivo allows one;
   * or one per country with `'*'` for the rest (`{ '*': 'Acme', US: '+14155550100' }`).
   */
  from: SenderOption;
  /** Default `https://api.plivo.com`; replaces scheme, host and port (a path is kept as a prefix). */
  baseUrl?: string;
  /** Per-attempt timeout in ms, 100–60 000. Default 10 000. */
  timeoutMs?: number;
  /** An undici dispatcher (a proxy agent, a `MockAgent`). */
  dispatcher?: Dispatcher;
}

/** The options' one source of truth; `PlivoOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() =>
  z.strictObject({
    // Plivo's Node SDK checks a subaccount id the same way: 20 characters starting "SA"
    // (plivo-node dist/rest/utils.js, validSubAccount); main accounts start "MA".
    authId: z
      .string()
      .check(
        z.regex(/^(?:MA|SA)[A-Z0-9]{18}$/, 'must be a Plivo Auth ID: "MA" or "SA" and 18 capitals or digits'),
      ),
    authToken: z
      .string()
      .check(
        z.minLength(8, 'is too short to be a Plivo auth token'),
        z.regex(/^\S+$/, 'must not contain white space'),
      ),
    from: senderOption(),
    ...transportOptions(plivoBaseUrl),
  }),
);
