import type { Provider } from '@mfa-sms/core';
import { defineProviderPlugin } from '@mfa-sms/core/provider';
import type { TelesignOptions } from './telesign-options.js';
import { createTelesign } from './telesign-provider.js';

/** The options as Action secrets hold them: one voice for every call, or none. */
type TelesignSecretOptions = Omit<TelesignOptions, 'voice'> & { voice?: string };

/**
 * How the ready-made Action reads Telesign from its secrets. The classic Auth0 guide told users
 * to create TELESIGN_API_KEY but its code read TELESIGN_REST_API_KEY: either name works.
 */
export const plugin = defineProviderPlugin<TelesignSecretOptions>({
  name: 'telesign',
  secrets: {
    customerId: ['TELESIGN_CUSTOMER_ID'],
    apiKey: ['TELESIGN_API_KEY', 'TELESIGN_REST_API_KEY'],
    baseUrl: ['TELESIGN_BASE_URL'],
    voice: ['TELESIGN_VOICE'],
  },
  required: ['TELESIGN_CUSTOMER_ID'],
  create({ voice, ...options }): Provider {
    return createTelesign(voice === undefined ? options : { ...options, voice: { voice } });
  },
});
