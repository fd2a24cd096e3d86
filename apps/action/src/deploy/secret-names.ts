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
