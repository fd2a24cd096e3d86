import { testProvider } from '@mfa-sms/simulator/testing';
import { createInfobip } from './infobip-provider.js';

testProvider({
  name: 'infobip',
  channels: ['sms', 'voice'],
  create: (simulator, transport) =>
    createInfobip({
      ...simulator.credentials.infobip,
      from: 'Acme',
      voice: { from: '+41793026700' },
      ...transport,
    }),
});
