import { defineProviderPlugin } from '@mfa-sms/core/provider';
import type { PlivoOptions } from './plivo-options.js';
import { createPlivo } from './plivo-provider.js';

/** How the ready-made Action builds a Plivo provider from its secrets. */
export const plugin = defineProviderPlugin<PlivoOptions>({
  name: 'plivo',
  secrets: {
    authId: ['PLIVO_AUTH_ID'],
    authToken: ['PLIVO_AUTH_TOKEN'],
    from: ['PLIVO_FROM'],
    baseUrl: ['PLIVO_BASE_URL'],
  },
  required: ['PLIVO_AUTH_ID', 'PLIVO_AUTH_TOKEN', 'PLIVO_FROM'],
  create: createPlivo,
});
