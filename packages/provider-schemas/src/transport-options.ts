import type { Dispatcher } from 'undici';
import * as z from 'zod';

const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

function sharedTransportOptions() {
  return {
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
    dispatcher: z
      .custom<Dispatcher>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as { dispatch?: unknown }).dispatch === 'function',
        'must be an undici Dispatcher (with a dispatch method)',
      )
      .optional(),
  };
}

/**
 * The options every provider factory shares, as a zod shape to spread into its own schema:
 * `baseUrl` (scheme, host and port replaced; paths stay), `timeoutMs` per attempt (default
 * 10 s, Auth0's guideline for one HTTP call) and an undici `dispatcher`. Without a default base
 * URL, `baseUrl` is optional (a provider with several hosts picks them itself).
 */
export function transportOptions(defaultBaseUrl: string): {
  baseUrl: z.ZodDefault<z.ZodURL>;
} & ReturnType<typeof sharedTransportOptions>;
export function transportOptions(): { baseUrl: z.ZodOptional<z.ZodURL> } & ReturnType<
  typeof sharedTransportOptions
>;
export function transportOptions(defaultBaseUrl?: string) {
  return {
    baseUrl: defaultBaseUrl === undefined ? httpUrl().optional() : httpUrl().default(defaultBaseUrl),
    ...sharedTransportOptions(),
  };
}
