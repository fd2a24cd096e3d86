import { credentialsWith, secretHex, secretToken } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type PlivoCredentials = {
  authId: string;
  authToken: string;
};

/**
 * The credentials the Plivo simulator accepts: random for each simulator (../../random-credentials.ts
 * says why), in the shapes @mfa-sms/plivo's option checks take (an Auth ID is "MA" and 18 capitals
 * or digits).
 */
export const plivoCredentials = credentialsWith<PlivoCredentials>(() => ({
  authId: `MA${secretHex(9).toUpperCase()}`,
  authToken: secretToken(30),
}));

/** The Action secrets (@mfa-sms/plivo's plugin names) that send through the simulator. */
export function plivoActionSecrets({ url, credentials }: SimulatorEndpoint<PlivoCredentials>) {
  return {
    PLIVO_AUTH_ID: credentials.authId,
    PLIVO_AUTH_TOKEN: credentials.authToken,
    PLIVO_FROM: '+14155550100',
    PLIVO_BASE_URL: url,
  };
}
