import { credentialsWith, secretHex, secretToken } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type TwilioCredentials = {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  /** The one Verify service (`VA…`) the simulator knows. */
  verifyServiceSid: string;
};

// Random for each simulator (../../random-credentials.ts says why) and well-formed: they match
// Twilio's patterns (AC, SK, VA + 32 hex) so that @mfa-sms/twilio's option checks accept them.

/** The credentials the Twilio simulators (Messages, Calls and Verify) accept. */
export const twilioCredentials = credentialsWith<TwilioCredentials>(() => ({
  accountSid: `AC${secretHex(16)}`,
  authToken: `sim-${secretHex(14)}`,
  apiKeySid: `SK${secretHex(16)}`,
  apiKeySecret: `sim-${secretToken(24)}`,
  verifyServiceSid: `VA${secretHex(16)}`,
}));

/** The Action secrets (@mfa-sms/twilio's plugin names) that send through the simulator. */
export function twilioActionSecrets({ url, credentials }: SimulatorEndpoint<TwilioCredentials>) {
  return {
    TWILIO_ACCOUNT_SID: credentials.accountSid,
    TWILIO_AUTH_TOKEN: credentials.authToken,
    TWILIO_FROM: '+14155550100',
    TWILIO_BASE_URL: url,
  };
}
