import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type PlivoCredentials = {
  authId: string;
  authToken: string;
};

// Fake values that pass @mfa-sms/plivo's option checks (an Auth ID is "MA" + 18) and work nowhere real.
const defaults: PlivoCredentials = {
  authId: 'MA00000000000000SIM0',
  authToken: 'sim-plivo-auth-token-000000000000000000',
};

/** The credentials the Plivo simulator accepts. */
export function plivoCredentials(given: Partial<PlivoCredentials>): PlivoCredentials {
  return { ...defaults, ...given };
}

/** The Action secrets (@mfa-sms/plivo's plugin names) that send through the simulator. */
export function plivoActionSecrets({ url, credentials }: SimulatorEndpoint<PlivoCredentials>) {
  return {
    PLIVO_AUTH_ID: credentials.authId,
    PLIVO_AUTH_TOKEN: credentials.authToken,
    PLIVO_FROM: '+14155550100',
    PLIVO_BASE_URL: url,
  };
}
