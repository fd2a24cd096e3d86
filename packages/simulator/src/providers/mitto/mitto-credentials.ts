import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type MittoCredentials = {
  apiKey: string;
};

// A fake key that passes @mfa-sms/mitto's option checks and works nowhere real.
const defaults: MittoCredentials = { apiKey: 'sim-mitto-api-key-00000000000000' };

/** The credentials the Mitto simulator accepts. */
export function mittoCredentials(given: Partial<MittoCredentials>): MittoCredentials {
  return { ...defaults, ...given };
}

/** The Action secrets (@mfa-sms/mitto's plugin names) that send through the simulator. */
export function mittoActionSecrets({ url, credentials }: SimulatorEndpoint<MittoCredentials>) {
  return { MITTO_API_KEY: credentials.apiKey, MITTO_FROM: 'Acme', MITTO_BASE_URL: url };
}
