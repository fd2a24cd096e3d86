import type { Simulator } from '@mfa-sms/simulator';

/** Action secrets that point every provider at a running simulator, with the credentials it accepts. */
export function simulatorSecrets(simulator: Simulator, providers: string): Record<string, string> {
  const { twilio, vonage, esendex, mitto, aws } = simulator.credentials;
  return {
    MFA_SMS_PROVIDERS: providers,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: '+14155550100',
    TWILIO_BASE_URL: simulator.url,
    VONAGE_API_KEY: vonage.apiKey,
    VONAGE_API_SECRET: vonage.apiSecret,
    VONAGE_FROM_NUMBER: '447700900000',
    VONAGE_APPLICATION_ID: vonage.applicationId,
    VONAGE_PRIVATE_KEY: vonage.privateKey,
    VONAGE_BASE_URL: simulator.url,
    ESENDEX_ACCOUNT: esendex.accountReference,
    ESENDEX_USERNAME: esendex.username,
    ESENDEX_PASSWORD: esendex.password,
    ESENDEX_FROM: 'Acme',
    ESENDEX_BASE_URL: simulator.url,
    MITTO_API_KEY: mitto.apiKey,
    MITTO_FROM: 'Acme',
    MITTO_BASE_URL: simulator.url,
    AWS_ACCESS_KEY_ID: aws.accessKeyId,
    AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
    AWS_REGION: 'eu-west-1',
    AWS_FROM: 'Acme;US,CA=+14155550100',
    AWS_VOICE_FROM: '+14155550100',
    // The simulator answers for AWS under /aws: its / is the inbox page.
    AWS_BASE_URL: `${simulator.url}/aws`,
  };
}
