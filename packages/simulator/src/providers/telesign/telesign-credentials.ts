import { randomBytes, randomUUID } from 'node:crypto';
import { credentialsWith } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type TelesignCredentials = {
  /** A Customer ID shaped like Telesign's (a UUID in capitals). */
  customerId: string;
  /** Base64, as Telesign issues API keys: the digest scheme signs with the decoded bytes. */
  apiKey: string;
};

/**
 * The credentials the Telesign simulator accepts: random for each simulator (../../random-credentials.ts
 * says why); an API key is base64, as Telesign issues them.
 */
export const telesignCredentials = credentialsWith<TelesignCredentials>(() => ({
  customerId: randomUUID().toUpperCase(),
  apiKey: randomBytes(64).toString('base64'),
}));

/** The Action secrets (@mfa-sms/telesign's plugin names) that send through the simulator. */
export function telesignActionSecrets({ url, credentials }: SimulatorEndpoint<TelesignCredentials>) {
  return {
    TELESIGN_CUSTOMER_ID: credentials.customerId,
    TELESIGN_API_KEY: credentials.apiKey,
    TELESIGN_BASE_URL: url,
  };
}
