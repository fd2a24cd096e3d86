import type { z } from 'zod';
import { MfaSmsError } from './errors.js';

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
  schema: z.ZodType<T>,
  input: unknown,
  context: { provider?: string; label: string },
): T {
  const parsed = schema.safeParse(input ?? {});
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
  return fail(`${subject}: ${reason}${more}`, context.provider);
}

function fail(message: string, provider: string | undefined): never {
  throw new MfaSmsError({ code: 'invalid_config', message, ...(provider === undefined ? {} : { provider }) });
}
