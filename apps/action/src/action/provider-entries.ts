import { MfaSmsError } from '@mfa-sms/core';

// The rule for an MFA_SMS_PROVIDERS entry, in one place (the Action's README states it):
// - `@scope/name` is that package, as written;
// - `mfa-sms-provider-<name>` is that package, as written (an unscoped third-party package must
//   carry this prefix, as ESLint's plugins carry theirs);
// - any other word of lower-case letters, digits and hyphens is one of ours: `<word>` is
//   `@mfa-sms/<word>`.
// An entry can therefore never mean two packages, and never a path.
/** Our packages' scope: a short name `x` is `@mfa-sms/x`. */
export const ourScope = '@mfa-sms/';
const unscopedPrefix = 'mfa-sms-provider-';
const scopedName = /^@[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/;
const prefixedName = /^mfa-sms-provider-[a-z0-9][a-z0-9._-]*$/;
const ourName = /^[a-z0-9][a-z0-9-]*$/;

/** The package an MFA_SMS_PROVIDERS entry names; `invalid_config` when it names none. */
export function packageOfEntry(entry: string): string {
  if (scopedName.test(entry) || prefixedName.test(entry)) return entry;
  if (ourName.test(entry) && !entry.startsWith(unscopedPrefix)) return `${ourScope}${entry}`;
  throw new MfaSmsError({
    code: 'invalid_config',
    message: `"${entry}" is neither a provider of ours (a word such as the name after ${ourScope}) nor a provider package (@scope/name, or ${unscopedPrefix}name)`,
  });
}
