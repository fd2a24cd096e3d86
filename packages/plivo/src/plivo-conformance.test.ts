import { testProvider } from '@mfa-sms/simulator/testing';
import { createPlivo } from './plivo-provider.js';

testProvider({
  name: 'plivo',
  channels: ['sms'],
  create: (simulator, transport) =>
    createPlivo({ ...simulator.credentials.plivo, from: '+14155550100', ...transport }),
});
