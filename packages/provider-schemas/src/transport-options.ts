import type { Dispatcher } from 'undici';
import * as z from 'zod/mini';

const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

function sharedTransportOptions() {
  return {
    timeoutMs: z._default(z.number().check(z.int(), z.gte(100), z.lte(60_000)), 10_000),
    dispatcher: z.optional(
      z.custom<Dispatcher>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as { dispatch?: unknown }).dispatch === 'function',
        'must be an undici Dispatcher (with a dispatch method)',
      ),
    ),
  };
}

/**
 * The options every provider factory shares, as a zod shape to spread into its own schema:
 * `baseUrl` (scheme, host and port replaced; paths stay), `timeoutMs` per attempt (default
 * 10 s, Auth0's guideline for one HTTP call) and an undici `dispatcher`. Without a default base
 * URL, `baseUrl` is optional (a provider with several hosts picks them itself).
 */
export function transportOptions(defaultBaseUrl: string): {
  baseUrl: z.ZodMiniDefault<z.ZodMiniURL>;
} & ReturnType<typeof sharedTransportOptions>;
export function transportOptions(): { baseUrl: z.ZodMiniOptional<z.ZodMiniURL> } & ReturnType<
  typeof sharedTransportOptions
>;
export function transportOptions(defaultBaseUrl?: string) {
  return {
    baseUrl: defaultBaseUrl === undefined ? z.optional(httpUrl()) : z._default(httpUrl(), defaultBaseUrl),
    ...sharedTransportOptions(),
  };
}
