// The two providers the load runs send through, both pointed at one simulator.
import { createTwilio } from '@mfa-sms/twilio';
import { createVonage } from '@mfa-sms/vonage';

/** Twilio, then Vonage, with the simulator's credentials: a router's usual pair. */
export function twilioAndVonage(simulator) {
  const { twilio, vonage } = simulator.credentials;
  return [
    createTwilio({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: '+14155550100',
      baseUrl: simulator.url,
    }),
    createVonage({
      apiKey: vonage.apiKey,
      apiSecret: vonage.apiSecret,
      from: 'Acme',
      baseUrl: simulator.url,
    }),
  ];
}
