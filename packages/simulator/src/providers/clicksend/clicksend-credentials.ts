import { randomUUID } from 'node:crypto';
import { credentialsWith, secretHex } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type ClickSendCredentials = {
  username: string;
  apiKey: string;
};

/**
 * The credentials the ClickSend simulator accepts: random for each simulator (../../random-credentials.ts
 * says why), in the shapes @mfa-sms/clicksend's option checks take (a user name, a UUID-like key).
 */
export const clickSendCredentials = credentialsWith<ClickSendCredentials>(() => ({
  username: `sim-${secretHex(4)}`,
  apiKey: randomUUID().toUpperCase(),
}));

/** The Action secrets (@mfa-sms/clicksend's plugin names) that send through the simulator. */
export function clickSendActionSecrets({ url, credentials }: SimulatorEndpoint<ClickSendCredentials>) {
  return {
    CLICKSEND_USERNAME: credentials.username,
    CLICKSEND_API_KEY: credentials.apiKey,
    CLICKSEND_FROM: 'Acme',
    CLICKSEND_BASE_URL: url,
  };
}
