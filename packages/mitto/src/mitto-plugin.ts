import { defineProviderPlugin } from '@mfa-sms/core/provider';
import type { MittoOptions } from './mitto-provider.js';
import { createMitto } from './mitto-provider.js';

/** How the ready-made Action (`MFA_SMS_PROVIDERS=mitto`) reads Mitto's options from its secrets. */
export const plugin = defineProviderPlugin<MittoOptions>({
  name: 'mitto',
  required: ['MITTO_API_KEY', 'MITTO_FROM'],
  secrets: {
    apiKey: ['MITTO_API_KEY'],
    from: ['MITTO_FROM'],
    baseUrl: ['MITTO_BASE_URL'],
  },
  create: createMitto,
});
