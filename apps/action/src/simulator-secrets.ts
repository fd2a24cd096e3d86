import type { Simulator } from '@mfa-sms/simulator';

/**
 * Action secrets that point the simulated providers `providers` names at a running simulator,
 * with the credentials each accepts: each simulated provider's own `actionSecrets`, so a new
 * provider brings its own. Only the named ones: Auth0 takes at most 30 secrets an Action, and
 * every provider's together pass that.
 */
export function simulatorSecrets(simulator: Simulator, providers: string): Record<string, string> {
  const secrets: Record<string, string> = { MFA_SMS_PROVIDERS: providers };
  const named = new Set(providers.split(',').map((entry) => entry.trim().toLowerCase()));
  for (const provider of simulator.providers) {
    if (!named.has(provider.name)) continue;
    const credentials = simulator.credentials[provider.name] ?? {};
    Object.assign(secrets, provider.actionSecrets?.({ url: simulator.url, credentials }));
  }
  return secrets;
}
