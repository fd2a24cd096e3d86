import { testProvider } from '@mfa-sms/simulator/testing';
import { createTwilio } from './twilio-provider.js';

// Verify mode alone (no sender): every message of the suite carries a code, so every send goes
// through the Verifications endpoint.
testProvider({
  name: 'twilio',
  channels: ['sms', 'voice'],
  create: (simulator, transport) => {
    const { accountSid, authToken, verifyServiceSid } = simulator.credentials.twilio;
    return createTwilio({
      accountSid,
      authToken,
      verifyServiceSid,
      ...transport,
    });
  },
});
