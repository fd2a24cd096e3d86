import { testProvider } from '@mfa-sms/simulator/testing';
import { createClickSend } from './clicksend-provider.js';

testProvider({
  name: 'clicksend',
  channels: ['sms', 'voice'],
  create: (simulator, transport) =>
    createClickSend({
      ...simulator.credentials.clicksend,
      from: 'Acme',
      voice: { voice: 'female' },
      ...transport,
    }),
});
