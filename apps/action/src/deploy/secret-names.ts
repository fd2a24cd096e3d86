/** Names the ready-made Action reads: everything else in an environment stays out of it. */
const actionSecretName = /^(MFA_SMS|TWILIO|VONAGE|ESENDEX|MITTO)_/;

/** The credentials `mfa-sms deploy` itself uses; they never become Action secrets. */
export const deployCredentialNames = ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET'] as const;

export function pickActionSecrets(
  source: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(source)) if (actionSecretName.test(name)) picked[name] = value;
  return picked;
}

// Auth0's rule for an Action secret's name.
const validSecretName = /^[A-Za-z0-9_]{1,128}$/;
// A name shown in a message: a longer or odder one may be a line of a mis-quoted value.
const showableName = /^[A-Za-z0-9_.-]{1,48}$/;

/** The problem with a secret name Auth0 would refuse, or `undefined`; the message shows the name only when it cannot be part of a value. */
export function secretNameProblem(name: string): string | undefined {
  if (validSecretName.test(name)) return undefined;
  const shown = showableName.test(name) ? `"${name}"` : `of ${name.length} characters`;
  return `The secret name ${shown} is not one Auth0 accepts: letters, digits and underscores, at most 128 characters. A value over several lines needs quotes around all of it.`;
}
