import type { Simulator } from '@mfa-sms/simulator';

/**
 * Action secrets that point every simulated provider at a running simulator, with the credentials
 * it accepts: each simulated provider's own `actionSecrets`, so a new provider brings its own.
 */
export function simulatorSecrets(simulator: Simulator, providers: string): Record<string, string> {
  const secrets: Record<string, string> = { MFA_SMS_PROVIDERS: providers };
  for (const provider of simulator.providers) {
    const credentials = simulator.credentials[provider.name] ?? {};
    Object.assign(secrets, provider.actionSecrets?.({ url: simulator.url, credentials }));
  }
  return secrets;
}
