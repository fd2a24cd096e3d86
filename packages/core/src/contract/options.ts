import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { MfaSmsError } from '../errors/errors.js';
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
 * What `parseOptions` and the HTTP helper's `parseJson` need of a schema: zod's `safeParse`.
 * Typed by shape, so that a schema from any copy of zod 4 fits, and so that no zod
 * type is part of this package's types (core carries its own copy of zod, bundled).
 */
export interface Schema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

/** One problem a schema reports, as zod reports it. */
export interface SchemaIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** zod's `unrecognized_keys` issue: the unknown option names. */
  readonly keys?: readonly string[];
}

/**
 * Validates options with a schema and throws `invalid_config` naming the first bad option
 * (`twilio: option "accountSid" is invalid: …`). Values are never echoed: option schemas must
 * not put a value into their messages, and zod's own messages name only types and patterns.
 */
export function parseOptions<T>(
  schema: Schema<T> | (() => Schema<T>),
  input: unknown,
  context: { provider?: string; label: string },
): T {
  const parsed = (typeof schema === 'function' ? schema() : schema).safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0];
  const where = first ? optionPath(first.path) : '';
  let reason = first?.message ?? 'invalid';
  if (first?.code === 'unrecognized_keys' && first.keys)
    reason = `unknown option ${first.keys.map((key) => `"${key}"`).join(', ')}`;
  const subject =
    where === '' ? `${context.label} options are invalid` : `${context.label} option "${where}" is invalid`;
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const option = first?.code === 'unrecognized_keys' ? first.keys?.[0] : first?.path[0];
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
export function lazySchema<S>(build: () => S): () => S {
  let schema: S | undefined;
  return () => {
    if (schema === undefined) {
      useEnglishUnlessConfigured();
      schema = build();
    }
    return schema;
  };
}

// zod/mini (what core and the providers bundle) installs no locale: without one every message
// is "Invalid input". zod's configuration is global, shared through globalThis by every copy of
// zod in the process, so English is installed only when nothing is configured yet (a user's own
// `z.config(z.locales.fr())` stays theirs), and before the first schema is built through here,
// which every schema of core and of the provider packages is.
function useEnglishUnlessConfigured(): void {
  if (!z.config().localeError) z.config(en());
}

/** A `Provider`, checked by shape: it may come from another installed copy of core. */
export const providerOption = (): z.ZodMiniType<Provider> =>
  z.custom<Provider>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Provider).name === 'string' &&
      Array.isArray((value as Provider).channels) &&
      typeof (value as Provider).send === 'function',
    'must be a Provider ({ name, channels, send })',
  );
