import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type TwilioCredentials = {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  /** The one Verify service (`VA…`) the simulator knows. */
  verifyServiceSid: string;
};

// Well-formed but obviously fake: they match Twilio's patterns so that @mfa-sms/twilio's option
// checks accept them, and work nowhere real.
const defaults: TwilioCredentials = {
  accountSid: 'AC00000000000000000000000000000000',
  authToken: 'sim-twilio-auth-token-0000000000',
  apiKeySid: 'SK00000000000000000000000000000000',
  apiKeySecret: 'sim-twilio-api-key-secret-000000',
  verifyServiceSid: 'VA00000000000000000000000000000000',
};

/** The credentials the Twilio simulators (Messages, Calls and Verify) accept. */
export function twilioCredentials(given: Partial<TwilioCredentials>): TwilioCredentials {
  return { ...defaults, ...given };
}

/** The Action secrets (@mfa-sms/twilio's plugin names) that send through the simulator. */
export function twilioActionSecrets({ url, credentials }: SimulatorEndpoint<TwilioCredentials>) {
  return {
    TWILIO_ACCOUNT_SID: credentials.accountSid,
    TWILIO_AUTH_TOKEN: credentials.authToken,
    TWILIO_FROM: '+14155550100',
    TWILIO_BASE_URL: url,
  };
}
