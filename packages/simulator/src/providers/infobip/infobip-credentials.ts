import { randomUUID } from 'node:crypto';
import { credentialsWith, secretHex } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type InfobipCredentials = {
  /** The API key the simulator accepts in `Authorization: App <apiKey>`. */
  apiKey: string;
};

/** The credentials the Infobip simulator accepts: random for each simulator (../../random-credentials.ts says why). */
export const infobipCredentials = credentialsWith<InfobipCredentials>(() => ({
  apiKey: `${secretHex(16)}-${randomUUID()}`,
}));

/** The Action secrets (@mfa-sms/infobip's plugin names) that send and call through the simulator. */
export function infobipActionSecrets({ url, credentials }: SimulatorEndpoint<InfobipCredentials>) {
  return {
    INFOBIP_API_KEY: credentials.apiKey,
    INFOBIP_BASE_URL: url,
    INFOBIP_FROM: 'Acme',
    INFOBIP_VOICE_FROM: '+41793026700',
  };
}
