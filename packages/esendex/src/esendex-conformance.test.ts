import { testProvider } from '@mfa-sms/simulator/testing';
import { createEsendex } from './esendex-provider.js';

testProvider({
  name: 'esendex',
  channels: ['sms', 'voice'],
  create: (simulator, transport) =>
    createEsendex({ ...simulator.credentials.esendex, from: 'Acme', ...transport }),
  // The Basic-auth token, besides the credentials themselves.
  secrets: ({ credentials: { esendex } }) => [
    Buffer.from(`${esendex.username}:${esendex.password}`).toString('base64'),
  ],
});
