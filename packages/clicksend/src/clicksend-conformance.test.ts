import { testProvider } from '@mfa-sms/simulator/testing';
import { createClickSend } from './clicksend-provider.js';

testProvider({
  name: 'clicksend',
  channels: ['sms', 'voice'],
  create: (simulator, { timeoutMs, baseUrl }) =>
    createClickSend({
      username: simulator.credentials.clicksend.username,
      apiKey: simulator.credentials.clicksend.apiKey,
      from: 'Acme',
      voice: { voice: 'female' },
      baseUrl: baseUrl ?? simulator.url,
      timeoutMs,
    }),
});
