import { startSimulator } from '@mfa-sms/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorSecrets } from './simulator-secrets.js';

describe('simulatorSecrets', () => {
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  it('names a provider by package as the Action does: twilio and @mfa-sms/twilio alike', () => {
    const short = simulatorSecrets(simulator, 'twilio');
    const scoped = simulatorSecrets(simulator, '@mfa-sms/twilio, Vonage');
    expect(short.TWILIO_ACCOUNT_SID).toBe(simulator.credentials.twilio.accountSid);
    expect(scoped.TWILIO_ACCOUNT_SID).toBe(simulator.credentials.twilio.accountSid);
    expect(scoped.VONAGE_API_KEY).toBe(simulator.credentials.vonage.apiKey);
    expect(scoped.MFA_SMS_PROVIDERS).toBe('@mfa-sms/twilio, Vonage');
  });

  it('gives only the providers named, and nothing for an entry the Action would refuse', () => {
    const secrets = simulatorSecrets(simulator, 'twilio,not a package!');
    expect(Object.keys(secrets).some((name) => name.startsWith('VONAGE_'))).toBe(false);
    expect(secrets.TWILIO_BASE_URL).toBe(simulator.url);
  });
});
