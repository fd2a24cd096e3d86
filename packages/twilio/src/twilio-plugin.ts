import { defineProviderPlugin } from '@mfa-sms/core/provider';
import type { TwilioOptions } from './twilio-options.js';
import { createTwilio } from './twilio-provider.js';

/** How the ready-made Action (`MFA_SMS_PROVIDERS=twilio`) reads Twilio's options from its secrets. */
export const plugin = defineProviderPlugin<TwilioOptions>({
  name: 'twilio',
  required: ['TWILIO_ACCOUNT_SID'],
  secrets: {
    accountSid: ['TWILIO_ACCOUNT_SID'],
    authToken: ['TWILIO_AUTH_TOKEN'],
    apiKeySid: ['TWILIO_API_KEY_SID'],
    apiKeySecret: ['TWILIO_API_KEY_SECRET'],
    // The classic Auth0 guide names it TWILIO_PHONE_NUMBER: either name works, TWILIO_FROM first.
    from: ['TWILIO_FROM', 'TWILIO_PHONE_NUMBER'],
    messagingServiceSid: ['TWILIO_MESSAGING_SERVICE_SID'],
    verifyServiceSid: ['TWILIO_VERIFY_SERVICE_SID'],
    baseUrl: ['TWILIO_BASE_URL'],
  },
  create: createTwilio,
});
