import { testPlugin } from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { plugin } from './aws-plugin.js';

const secrets = {
  accessKeyId: 'AKIAEXAMPLE000000000',
  secretAccessKey: 'example-secret-access-key-0000000000',
  region: 'eu-west-1',
};

describe('plugin', () => {
  it("reads the classic guide's secrets, and requires them", () => {
    expect(plugin.name).toBe('aws');
    expect(plugin.required).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']);
    expect(plugin.secrets).toMatchObject({
      accessKeyId: ['AWS_ACCESS_KEY_ID'],
      secretAccessKey: ['AWS_SECRET_ACCESS_KEY'],
      region: ['AWS_REGION'],
      sessionToken: ['AWS_SESSION_TOKEN'],
      from: ['AWS_FROM'],
      voiceFrom: ['AWS_VOICE_FROM'],
      api: ['AWS_API'],
      baseUrl: ['AWS_BASE_URL'],
    });
  });

  it('calls from AWS_VOICE_FROM, and refuses voice without it', () => {
    const call = { to: '+447400123456', channel: 'voice' } as const;
    expect(plugin.create(secrets).cannotSend?.(call)?.code).toBe('unsupported_channel');
    expect(plugin.create({ ...secrets, voiceFrom: '+14155550100' }).cannotSend?.(call)).toBeUndefined();
  });

  it('passes a bad AWS_API on to the options check, which names it', () => {
    expect(() => plugin.create({ ...secrets, api: 'pinpoint' as never })).toThrow(/option "api" is invalid/);
  });
});

// Against the simulator: the secrets it sets for AWS are the plugin's, and build a provider that sends.
testPlugin(plugin);
