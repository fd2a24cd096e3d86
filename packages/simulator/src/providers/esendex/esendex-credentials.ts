import { credentialsWith, secretDigits, secretToken } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type EsendexCredentials = {
  accountReference: string;
  username: string;
  password: string;
};

// Random for each simulator (../../random-credentials.ts says why); they pass @mfa-sms/esendex's
// option checks. The user name is not a secret.

/** The credentials the Esendex simulator accepts. */
export const esendexCredentials = credentialsWith<EsendexCredentials>(() => ({
  accountReference: `EX${secretDigits(7)}`,
  username: 'sim@example.com',
  password: `sim-${secretToken(18)}`,
}));

/** The Action secrets (@mfa-sms/esendex's plugin names) that send through the simulator. */
export function esendexActionSecrets({ url, credentials }: SimulatorEndpoint<EsendexCredentials>) {
  return {
    ESENDEX_ACCOUNT: credentials.accountReference,
    ESENDEX_USERNAME: credentials.username,
    ESENDEX_PASSWORD: credentials.password,
    ESENDEX_FROM: 'Acme',
    ESENDEX_BASE_URL: url,
  };
}
