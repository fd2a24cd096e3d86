import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type TelesignCredentials = {
  /** A Customer ID shaped like Telesign's (a UUID in capitals). */
  customerId: string;
  /** Base64, as Telesign issues API keys: the digest scheme signs with the decoded bytes. */
  apiKey: string;
};

// Fake values that pass @mfa-sms/telesign's option checks and work nowhere real.
const defaults: TelesignCredentials = {
  customerId: '5111A000-0000-4000-8000-00000000CAFE',
  apiKey: 'c2ltLXRlbGVzaWduLWFwaS1rZXktbm90LWEtcmVhbC1vbmU=',
};

/** The credentials the Telesign simulator accepts. */
export function telesignCredentials(given: Partial<TelesignCredentials>): TelesignCredentials {
  return { ...defaults, ...given };
}

/** The Action secrets (@mfa-sms/telesign's plugin names) that send through the simulator. */
export function telesignActionSecrets({ url, credentials }: SimulatorEndpoint<TelesignCredentials>) {
  return {
    TELESIGN_CUSTOMER_ID: credentials.customerId,
    TELESIGN_API_KEY: credentials.apiKey,
    TELESIGN_BASE_URL: url,
  };
}
