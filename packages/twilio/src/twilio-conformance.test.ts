import { testProvider } from '@mfa-sms/simulator/testing';
import { createTwilio } from './twilio-provider.js';

testProvider({
  name: 'twilio',
  channels: ['sms', 'voice'],
  create: (simulator, transport) => {
    const { accountSid, authToken } = simulator.credentials.twilio;
    return createTwilio({
      accountSid,
      authToken,
      from: '+14155550100',
      ...transport,
    });
  },
});
