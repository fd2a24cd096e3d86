import type { Simulator } from '@mfa-sms/simulator';

/**
 * Action secrets that point the simulated providers `providers` names (MFA_SMS_PROVIDERS' form)
 * at a running simulator, with the credentials it accepts: each simulated provider's own
 * `actionSecrets`, so a new provider brings its own. Only the providers named: Auth0 takes 30
 * secrets an Action, fewer than every provider's together.
 */
export function simulatorSecrets(simulator: Simulator, providers: string): Record<string, string> {
  const named = new Set(providers.split(',').map((entry) => entry.trim().toLowerCase()));
  const secrets: Record<string, string> = { MFA_SMS_PROVIDERS: providers };
  for (const provider of simulator.providers) {
    if (!named.has(provider.name)) continue;
    const credentials = simulator.credentials[provider.name] ?? {};
    Object.assign(secrets, provider.actionSecrets?.({ url: simulator.url, credentials }));
  }
  return secrets;
}

/**
 * The providers a simulated run uses when MFA_SMS_PROVIDERS names none: the simulator's first two,
 * one to send and one to fail over to (all of them together pass Auth0's 30 secrets).
 */
export function firstSimulated(simulator: Simulator): string {
  return [...new Set(simulator.providers.map(({ name }) => name))].slice(0, 2).join(',');
}
