import { credentialsWith, secretToken } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type MittoCredentials = {
  apiKey: string;
};

/** The credentials the Mitto simulator accepts: a random key (../../random-credentials.ts says why) unless given. */
export const mittoCredentials = credentialsWith<MittoCredentials>(() => ({
  apiKey: `sim-${secretToken(24)}`,
}));

/** The Action secrets (@mfa-sms/mitto's plugin names) that send through the simulator. */
export function mittoActionSecrets({ url, credentials }: SimulatorEndpoint<MittoCredentials>) {
  return { MITTO_API_KEY: credentials.apiKey, MITTO_FROM: 'Acme', MITTO_BASE_URL: url };
}
