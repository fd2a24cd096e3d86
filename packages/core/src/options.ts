import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { MfaSmsError } from './errors.js';
import type { Provider } from './types.js';

function optionPath(path: readonly PropertyKey[]): string {
  let result = '';
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`;
    else result += result === '' ? String(key) : `.${String(key)}`;
  }
  return result;
}

/**
 * Validates options with a zod schema and throws `invalid_config` naming the first bad option
 * (`twilio: option "accountSid" is invalid: …`). Values are never echoed: option schemas must
 * not put a value into their messages, and zod's own messages name only types and patterns.
 */
export function parseOptions<T>(
  schema: z.ZodType<T> | (() => z.ZodType<T>),
  input: unknown,
  context: { provider?: string; label: string },
): T {
  const parsed = (typeof schema === 'function' ? schema() : schema).safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0];
  const where = first ? optionPath(first.path) : '';
  let reason = first?.message ?? 'invalid';
  if (first?.code === 'unrecognized_keys')
    reason = `unknown option ${first.keys.map((key) => `"${key}"`).join(', ')}`;
  const subject =
    where === '' ? `${context.label} options are invalid` : `${context.label} option "${where}" is invalid`;
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const option = first?.code === 'unrecognized_keys' ? first.keys[0] : first?.path[0];
  throw new MfaSmsError({
    code: 'invalid_config',
    message: `${subject}: ${reason}${more}`,
    provider: context.provider,
    option: typeof option === 'string' ? option : undefined,
  });
}

/**
 * A schema built on first use, then kept. zod builds a schema with dozens of objects, and the
 * ready-made Action holds every provider's: built at import they were most of the time its
 * module scope took on a cold start (bench/BUDGET-NOTES.md), for providers a tenant may never
 * configure.
 */
export function lazySchema<S extends z.ZodType>(build: () => S): () => S {
  let schema: S | undefined;
  return () => {
    schema ??= build();
    return schema;
  };
}

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

/** A `Provider`, checked by shape: it may come from another installed copy of core. */
export const providerOption = z.custom<Provider>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Provider).name === 'string' &&
    Array.isArray((value as Provider).channels) &&
    typeof (value as Provider).send === 'function',
  'must be a Provider ({ name, channels, send })',
);
