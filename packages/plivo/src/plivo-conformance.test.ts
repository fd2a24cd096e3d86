import { testProvider } from '@mfa-sms/simulator/testing';
import { createPlivo } from './plivo-provider.js';

testProvider({
  name: 'plivo',
  channels: ['sms'],
  create: (simulator, { timeoutMs, baseUrl }) =>
    createPlivo({
      authId: simulator.credentials.plivo.authId,
      authToken: simulator.credentials.plivo.authToken,
      from: '+14155550100',
      baseUrl: baseUrl ?? simulator.url,
      timeoutMs,
    }),
});
