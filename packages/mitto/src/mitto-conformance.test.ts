import { testProvider } from '@mfa-sms/simulator/testing';
import { createMitto } from './mitto-provider.js';

testProvider({
  name: 'mitto',
  channels: ['sms'],
  create: (simulator, { timeoutMs, baseUrl }) =>
    createMitto({
      apiKey: simulator.credentials.mitto.apiKey,
      from: 'Acme',
      baseUrl: baseUrl ?? simulator.url,
      timeoutMs,
    }),
});
