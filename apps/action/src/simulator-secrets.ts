import type { Simulator } from '@mfa-sms/simulator';

/**
 * Action secrets that point the simulated providers `providers` names at a running simulator,
 * with the credentials each accepts: each one's own `actionSecrets`, so a new provider brings its own.
 */
export function simulatorSecrets(simulator: Simulator, providers: string): Record<string, string> {
  const secrets: Record<string, string> = { MFA_SMS_PROVIDERS: providers };
  // Only the providers named: Auth0 holds at most 30 secrets, fewer than every provider's together.
  const named = new Set(providers.split(',').map((entry) => entry.trim()));
  for (const provider of simulator.providers) {
    if (!named.has(provider.name)) continue;
    const credentials = simulator.credentials[provider.name] ?? {};
    Object.assign(secrets, provider.actionSecrets?.({ url: simulator.url, credentials }));
  }
  return secrets;
}
