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
  // The Basic-auth token, besides the credentials themselves.
  secrets: ({ credentials: { esendex } }) => [
    Buffer.from(`${esendex.username}:${esendex.password}`).toString('base64'),
  ],
});
