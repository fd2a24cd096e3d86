import { testProvider } from '@mfa-sms/simulator/testing';
import { createAws } from './aws-provider.js';

// The simulator answers for AWS under /aws (its / is the inbox page).
for (const api of ['sns', 'end-user-messaging'] as const) {
  testProvider({
    name: 'aws',
    channels: api === 'sns' ? ['sms'] : ['sms', 'voice'],
    create: (simulator, transport) =>
      createAws({
        ...simulator.credentials.aws,
        region: 'eu-west-1',
        api,
        from: { '*': 'Acme', US: '+14155550100' },
        voice: { from: '+14155550100' },
        ...transport,
        baseUrl: `${transport.baseUrl}/aws`,
      }),
  });
}
