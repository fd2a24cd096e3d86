import { defineProviderPlugin } from '@mfa-sms/core/provider';
import type { ClickSendOptions } from './clicksend-options.js';
import { createClickSend } from './clicksend-provider.js';

/**
 * How the ready-made Action builds a ClickSend provider from its secrets. Voice stays off there:
 * it needs the `voice` option, which an account ClickSend still calls for sets in code.
 */
export const plugin = defineProviderPlugin<ClickSendOptions>({
  name: 'clicksend',
  secrets: {
    username: ['CLICKSEND_USERNAME'],
    apiKey: ['CLICKSEND_API_KEY'],
    from: ['CLICKSEND_FROM'],
    baseUrl: ['CLICKSEND_BASE_URL'],
  },
  required: ['CLICKSEND_USERNAME', 'CLICKSEND_API_KEY'],
  create: createClickSend,
});
