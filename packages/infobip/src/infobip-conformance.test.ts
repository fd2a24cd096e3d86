import { testProvider } from '@mfa-sms/simulator/testing';
import { createInfobip } from './infobip-provider.js';

testProvider({
  name: 'infobip',
  channels: ['sms', 'voice'],
  create: (simulator, { timeoutMs, baseUrl }) =>
    createInfobip({
      apiKey: simulator.credentials.infobip.apiKey,
      baseUrl: baseUrl ?? simulator.url,
      from: 'Acme',
      voice: { from: '+41793026700' },
      timeoutMs,
    }),
});
