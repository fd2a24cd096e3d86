import { testProvider } from '@mfa-sms/simulator/testing';
import { createEsendex } from './esendex-provider.js';

testProvider({
  name: 'esendex',
  channels: ['sms', 'voice'],
  create: (simulator, { timeoutMs, baseUrl }) =>
    createEsendex({
      ...simulator.credentials.esendex,
      from: 'Acme',
      baseUrl: baseUrl ?? simulator.url,
      timeoutMs,
    }),
});
