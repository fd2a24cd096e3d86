import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type InfobipCredentials = {
  /** The API key the simulator accepts in `Authorization: App <apiKey>`. */
  apiKey: string;
};

// Well-formed but obviously fake: it passes @mfa-sms/infobip's option checks and works nowhere real.
const defaults: InfobipCredentials = { apiKey: 'sim-infobip-api-key-0000000000000000' };

/** The credentials the Infobip simulator accepts. */
export function infobipCredentials(given: Partial<InfobipCredentials>): InfobipCredentials {
  return { ...defaults, ...given };
}

/** The Action secrets (@mfa-sms/infobip's plugin names) that send and call through the simulator. */
export function infobipActionSecrets({ url, credentials }: SimulatorEndpoint<InfobipCredentials>) {
  return {
    INFOBIP_API_KEY: credentials.apiKey,
    INFOBIP_BASE_URL: url,
    INFOBIP_FROM: 'Acme',
    INFOBIP_VOICE_FROM: '+41793026700',
  };
}
