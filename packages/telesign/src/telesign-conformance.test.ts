import { testProvider } from '@mfa-sms/simulator/testing';
import { createTelesign } from './telesign-provider.js';

testProvider({
  name: 'telesign',
  channels: ['sms', 'voice'],
  create: (simulator, { timeoutMs, baseUrl }) =>
    createTelesign({
      customerId: simulator.credentials.telesign.customerId,
      apiKey: simulator.credentials.telesign.apiKey,
      baseUrl: baseUrl ?? simulator.url,
      timeoutMs,
    }),
});
