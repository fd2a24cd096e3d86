import { testProvider } from '@mfa-sms/simulator/testing';
import { createTelesign } from './telesign-provider.js';

testProvider({
  name: 'telesign',
  channels: ['sms', 'voice'],
  create: (simulator, transport) => createTelesign({ ...simulator.credentials.telesign, ...transport }),
});
