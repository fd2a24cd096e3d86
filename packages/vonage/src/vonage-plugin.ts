import { defineProviderPlugin } from '@mfa-sms/core/provider';
import type { VonageOptions } from './vonage-options.js';
import { createVonage } from './vonage-provider.js';

/** How the ready-made Action (`MFA_SMS_PROVIDERS=vonage`) reads Vonage's options from its secrets. */
export const plugin = defineProviderPlugin<VonageOptions>({
  name: 'vonage',
  // The classic guide's three secrets; a pasted PEM with literal "\n" is the options' to unescape.
  required: ['VONAGE_API_KEY', 'VONAGE_API_SECRET', 'VONAGE_FROM_NUMBER'],
  secrets: {
    apiKey: ['VONAGE_API_KEY'],
    apiSecret: ['VONAGE_API_SECRET'],
    from: ['VONAGE_FROM_NUMBER'],
    applicationId: ['VONAGE_APPLICATION_ID'],
    privateKey: ['VONAGE_PRIVATE_KEY'],
    baseUrl: ['VONAGE_BASE_URL'],
  },
  create: createVonage,
});
