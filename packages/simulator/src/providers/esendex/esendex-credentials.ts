import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type EsendexCredentials = {
  accountReference: string;
  username: string;
  password: string;
};

// Fake values that pass @mfa-sms/esendex's option checks and work nowhere real.
const defaults: EsendexCredentials = {
  accountReference: 'EX0000000',
  username: 'sim@example.com',
  password: 'sim-esendex-password-0000',
};

/** The credentials the Esendex simulator accepts. */
export function esendexCredentials(given: Partial<EsendexCredentials>): EsendexCredentials {
  return { ...defaults, ...given };
}

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
