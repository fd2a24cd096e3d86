import { defineProviderPlugin } from '@mfa-sms/core/provider';
import type { EsendexOptions } from './esendex-provider.js';
import { createEsendex } from './esendex-provider.js';

/** How the ready-made Action (`MFA_SMS_PROVIDERS=esendex`) reads Esendex's options from its secrets. */
export const plugin = defineProviderPlugin<EsendexOptions>({
  name: 'esendex',
  required: ['ESENDEX_ACCOUNT', 'ESENDEX_USERNAME', 'ESENDEX_PASSWORD'],
  secrets: {
    accountReference: ['ESENDEX_ACCOUNT'],
    username: ['ESENDEX_USERNAME'],
    password: ['ESENDEX_PASSWORD'],
    // No sender in the classic guide: without ESENDEX_FROM, the account's default originator sends.
    from: ['ESENDEX_FROM'],
    baseUrl: ['ESENDEX_BASE_URL'],
  },
  create: createEsendex,
});
