import { testProvider } from '@mfa-sms/simulator/testing';
import { createMitto } from './mitto-provider.js';

testProvider({
  name: 'mitto',
  channels: ['sms'],
  create: (simulator, transport) =>
    createMitto({ ...simulator.credentials.mitto, from: 'Acme', ...transport }),
});
