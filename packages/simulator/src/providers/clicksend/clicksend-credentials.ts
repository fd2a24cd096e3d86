import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type ClickSendCredentials = {
  username: string;
  apiKey: string;
};

// Fake values that pass @mfa-sms/clicksend's option checks and work nowhere real.
const defaults: ClickSendCredentials = {
  username: 'sim-clicksend-user',
  apiKey: 'SIM00000-0000-4000-8000-CLICKSEND000',
};

/** The credentials the ClickSend simulator accepts. */
export function clickSendCredentials(given: Partial<ClickSendCredentials>): ClickSendCredentials {
  return { ...defaults, ...given };
}

/** The Action secrets (@mfa-sms/clicksend's plugin names) that send through the simulator. */
export function clickSendActionSecrets({ url, credentials }: SimulatorEndpoint<ClickSendCredentials>) {
  return {
    CLICKSEND_USERNAME: credentials.username,
    CLICKSEND_API_KEY: credentials.apiKey,
    CLICKSEND_FROM: 'Acme',
    CLICKSEND_BASE_URL: url,
  };
}
