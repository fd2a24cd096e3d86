import { testProvider } from '@mfa-sms/simulator/testing';
import { createVonage } from './vonage-provider.js';

for (const api of ['sms', 'messages'] as const) {
  testProvider({
    name: 'vonage',
    channels: api === 'sms' ? ['sms', 'voice'] : ['sms'],
    create: (simulator, transport) => {
      const { apiKey, apiSecret, applicationId, privateKey } = simulator.credentials.vonage;
      return createVonage({
        apiKey,
        apiSecret,
        from: '447700900000',
        api,
        applicationId,
        privateKey,
        ...transport,
      });
    },
  });
}
