import type { Auth0EventInput } from '@mfa-sms/simulator/auth0';
import { describe, expect, it } from 'vitest';
import { simulatorSecrets } from '../src/cli/simulator-secrets.js';
import { type ActionEntry, type ActionResult, eventFor, useBuiltAction } from './built-action.js';

// The built Action, installed from the packed packages as a tenant deploys it, with the classic
// Auth0 SNS guide's secrets: AWS delivers, and the router fails over to and from it.
const action = useBuiltAction();

async function execute(
  entry: ActionEntry,
  input: Auth0EventInput & { recipient: string },
): Promise<{ result: ActionResult; ours: string[] }> {
  const run = await action.run([{ entry, event: eventFor(entry, { code: '493817', ...input }) }]);
  return { result: run.results[0] as ActionResult, ours: run.ours };
}

// The guide's three secrets, and what an Action needs of its own: MFA_SMS_PROVIDERS and the base
// URL that aims the provider at the simulator (which answers for AWS under /aws).
function guideSecrets(providers = 'aws'): Record<string, string> {
  const { aws } = action.simulator.credentials;
  return {
    ...simulatorSecrets(action.simulator, providers),
    AWS_ACCESS_KEY_ID: aws.accessKeyId,
    AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_FROM: '',
    AWS_VOICE_FROM: '',
    AWS_BASE_URL: `${action.simulator.url}/aws`,
  };
}

describe('the built Action with @mfa-sms/aws', () => {
  it.each(['custom-phone-provider', 'send-phone-message'] as const)(
    "%s: delivers through SNS with the classic guide's secrets, loading only core and aws",
    async (entry) => {
      const { result, ours } = await execute(entry, { recipient: '+447911123456', secrets: guideSecrets() });
      expect(result.threw).toBeUndefined();
      expect(result.calls).toEqual({ retry: [], drop: [] });
      expect(ours).toEqual(['@mfa-sms/aws', '@mfa-sms/core']);
      expect(action.simulator.messages).toMatchObject([
        { provider: 'aws', channel: 'sms', to: '+447911123456' },
      ]);
      expect(action.simulator.messages[0]?.from).toBeUndefined();
      expect(result.logs[0]).toMatch(/^mfa-sms sent channel=sms to=\+44\*{6}456 provider=aws /);
    },
  );

  it('sends through End User Messaging with AWS_API, AWS_FROM and a session token', async () => {
    const secrets = {
      ...guideSecrets(),
      AWS_API: 'end-user-messaging',
      AWS_FROM: 'Acme',
      AWS_SESSION_TOKEN: action.simulator.credentials.aws.sessionToken,
    };
    const { result } = await execute('send-phone-message', { recipient: '+447911123456', secrets });
    expect(result.threw).toBeUndefined();
    expect(action.simulator.messages).toMatchObject([{ provider: 'aws', from: 'Acme' }]);
    expect(action.simulator.messages[0]?.request).toMatchObject({ MessageType: 'TRANSACTIONAL' });
  });

  it('calls with AWS_VOICE_FROM, and refuses voice without it, naming the secret’s option', async () => {
    const voice = { ...guideSecrets(), AWS_VOICE_FROM: '+14155550100' };
    const called = await execute('custom-phone-provider', {
      recipient: '+447911123456',
      channel: 'voice',
      secrets: voice,
    });
    expect(called.result.calls).toEqual({ retry: [], drop: [] });
    expect(action.simulator.messages).toMatchObject([
      { provider: 'aws', channel: 'voice', from: '+14155550100' },
    ]);
    action.simulator.reset();
    const refused = await execute('send-phone-message', {
      recipient: '+447911123456',
      channel: 'voice',
      secrets: guideSecrets(),
    });
    expect(refused.result.threw).toMatchObject({ code: 'unsupported_channel' });
    expect(refused.result.threw?.message).toContain('voice.from');
    expect(action.simulator.requests).toHaveLength(0);
  });

  it('fails over from AWS to Twilio, and from Twilio to AWS', async () => {
    action.simulator.fail('aws', 'unavailable');
    const fromAws = await execute('send-phone-message', {
      recipient: '+447911123456',
      secrets: guideSecrets('aws,twilio'),
    });
    expect(fromAws.result.threw).toBeUndefined();
    expect(action.simulator.messages).toMatchObject([{ provider: 'twilio' }]);
    action.simulator.reset();
    action.simulator.fail('twilio', 'unavailable');
    const toAws = await execute('send-phone-message', {
      recipient: '+447911123456',
      secrets: guideSecrets('twilio,aws'),
    });
    expect(toAws.result.threw).toBeUndefined();
    expect(action.simulator.messages).toMatchObject([{ provider: 'aws' }]);
  });

  it('names the missing guide secret, never a value', async () => {
    const { AWS_SECRET_ACCESS_KEY: secret, ...rest } = guideSecrets();
    const { result } = await execute('send-phone-message', { recipient: '+447911123456', secrets: rest });
    expect(result.threw).toMatchObject({ code: 'invalid_config' });
    expect(result.threw?.message).toContain('AWS_SECRET_ACCESS_KEY');
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});
