import type { Simulator } from '@mfa-sms/simulator';
import { packageOfEntry } from '../action/provider-entries.js';

// An entry the Action would refuse names no simulated provider; the run reports it.
function packageOf(entry: string): string[] {
  try {
    return [packageOfEntry(entry)];
  } catch {
    return [];
  }
}

/**
 * Action secrets that point the simulated providers `providers` names (MFA_SMS_PROVIDERS' form)
 * at a running simulator, with the credentials it accepts: each simulated provider's own
 * `actionSecrets`, so a new provider brings its own. Only the providers named: Auth0 takes 30
 * secrets an Action, fewer than every provider's together.
 */
export function simulatorSecrets(simulator: Simulator, providers: string): Record<string, string> {
  // By package, as the Action reads the list: a bare name and its @mfa-sms package are one provider.
  const named = new Set(providers.split(',').flatMap((entry) => packageOf(entry.trim().toLowerCase())));
  const secrets: Record<string, string> = { MFA_SMS_PROVIDERS: providers };
  for (const provider of simulator.providers) {
    if (!named.has(packageOfEntry(provider.name))) continue;
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
  return simulatedNames(simulator).slice(0, 2).join(',');
}

/** The simulated providers' names, once each (a provider may answer on several routes). */
export function simulatedNames(simulator: Simulator): string[] {
  return [...new Set(simulator.providers.map(({ name }) => name))];
}
