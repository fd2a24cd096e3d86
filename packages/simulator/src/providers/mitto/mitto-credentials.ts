import { secretToken } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type MittoCredentials = {
  apiKey: string;
};

/** The credentials the Mitto simulator accepts: a random key (../../random-credentials.ts says why) unless given. */
export function mittoCredentials(given: Partial<MittoCredentials>): MittoCredentials {
  return { apiKey: `sim-${secretToken(24)}`, ...given };
}

/** The Action secrets (@mfa-sms/mitto's plugin names) that send through the simulator. */
export function mittoActionSecrets({ url, credentials }: SimulatorEndpoint<MittoCredentials>) {
  return { MITTO_API_KEY: credentials.apiKey, MITTO_FROM: 'Acme', MITTO_BASE_URL: url };
}
