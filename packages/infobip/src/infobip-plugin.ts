import { defineProviderPlugin } from '@mfa-sms/core/provider';
import type { InfobipOptions } from './infobip-options.js';
import { createInfobip } from './infobip-provider.js';

/** The options the Action reads from secrets: a plugin's secrets name top-level options only. */
type InfobipSecretOptions = InfobipOptions & { voiceFrom?: string };

/**
 * How the ready-made Action reads Infobip from its secrets. The classic Auth0 guide told users to
 * create `INFOBIP_API_KEY` but read `API_KEY`: that name is too generic to claim, so it is not
 * read (the README's migration row says to rename it).
 */
export const plugin = defineProviderPlugin<InfobipSecretOptions>({
  name: 'infobip',
  secrets: {
    apiKey: ['INFOBIP_API_KEY'],
    baseUrl: ['INFOBIP_BASE_URL'],
    from: ['INFOBIP_FROM'],
    voiceFrom: ['INFOBIP_VOICE_FROM'],
  },
  required: ['INFOBIP_API_KEY', 'INFOBIP_BASE_URL'],
  create({ voiceFrom, ...options }) {
    if (voiceFrom === undefined) return createInfobip(options);
    return createInfobip({ ...options, voice: { ...options.voice, from: voiceFrom } });
  },
});
