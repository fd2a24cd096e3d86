import type { Simulator } from '@mfa-sms/simulator';

/**
 * Action secrets that point every simulated provider at a running simulator, with the credentials
 * it accepts: each listed provider's own `actionSecrets`, so a new provider brings its own.
 */
export function simulatorSecrets(simulator: Simulator, providers: string): Record<string, string> {
  const secrets: Record<string, string> = { MFA_SMS_PROVIDERS: providers };
  // Only the providers listed: Auth0 holds at most 30 secrets, and six providers' are more.
  const named = new Set(providers.split(',').map((entry) => entry.trim().toLowerCase()));
  for (const provider of simulator.providers) {
    if (!named.has(provider.name)) continue;
    const credentials = simulator.credentials[provider.name] ?? {};
    Object.assign(secrets, provider.actionSecrets?.({ url: simulator.url, credentials }));
  }
  return secrets;
}

/**
 * The provider a simulated run uses when MFA_SMS_PROVIDERS names none: the simulator's first.
 * All of them would pass Auth0's limit of 30 secrets.
 */
export function firstSimulated(simulator: Simulator): string {
  return simulator.providers[0]?.name ?? '';
}
