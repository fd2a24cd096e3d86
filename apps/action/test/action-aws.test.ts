import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import {
  type Auth0EventInput,
  customPhoneProviderEvent,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulatorSecrets } from '../src/simulator-secrets.js';
import { installPackedAction, type PackedAction } from './packed-action.js';
import { runNode } from './run-node.js';

// The built Action, installed from the packed packages as a tenant deploys it, with the classic
// Auth0 SNS guide's secrets: AWS delivers, and the router fails over to and from it.
const runner = fileURLToPath(new URL('./run-action.cjs', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/action.cjs', import.meta.url));

interface Result {
  resolved?: true;
  threw?: { code?: string; message: string };
  logs: string[];
  calls: { retry: string[]; drop: string[] };
}

let installed: PackedAction;
let simulator: Simulator;

beforeAll(async () => {
  if (!existsSync(bundle))
    throw new Error('apps/action/dist/action.cjs is missing: run `npm run build` first');
  installed = await installPackedAction();
  simulator = await startSimulator();
}, 180_000);
afterAll(async () => {
  await simulator?.close();
  installed?.remove();
});
beforeEach(() => simulator.reset());

async function execute(
  entry: 'send-phone-message' | 'custom-phone-provider',
  input: Auth0EventInput & { recipient: string },
): Promise<{ result: Result; ours: string[] }> {
  const full = { code: '493817', ...input };
  const event =
    entry === 'custom-phone-provider' ? customPhoneProviderEvent(full) : sendPhoneMessageEvent(full);
  const { exitCode, stdout, stderr } = await runNode([runner, installed.folder], {
    input: JSON.stringify({ executions: [{ entry, event }] }),
  });
  if (exitCode !== 0) throw new Error(`runner exited ${exitCode}: ${stderr}`);
  const run = JSON.parse(stdout) as { results: Result[]; ours: string[] };
  return { result: run.results[0] as Result, ours: run.ours };
}

// The guide's three secrets, and what an Action needs of its own: MFA_SMS_PROVIDERS and the base
// URL that aims the provider at the simulator (which answers for AWS under /aws).
function guideSecrets(providers = 'aws'): Record<string, string> {
  const { aws } = simulator.credentials;
  return {
    ...simulatorSecrets(simulator, providers),
    AWS_ACCESS_KEY_ID: aws.accessKeyId,
    AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_FROM: '',
    AWS_VOICE_FROM: '',
    AWS_BASE_URL: `${simulator.url}/aws`,
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
      expect(simulator.messages).toMatchObject([{ provider: 'aws', channel: 'sms', to: '+447911123456' }]);
      expect(simulator.messages[0]?.from).toBeUndefined();
      expect(result.logs[0]).toMatch(/^mfa-sms sent channel=sms to=\+44\*{6}456 provider=aws /);
    },
  );

  it('sends through End User Messaging with AWS_API, AWS_FROM and a session token', async () => {
    const secrets = {
      ...guideSecrets(),
      AWS_API: 'end-user-messaging',
      AWS_FROM: 'Acme',
      AWS_SESSION_TOKEN: simulator.credentials.aws.sessionToken,
    };
    const { result } = await execute('send-phone-message', { recipient: '+447911123456', secrets });
    expect(result.threw).toBeUndefined();
    expect(simulator.messages).toMatchObject([{ provider: 'aws', from: 'Acme' }]);
    expect(simulator.messages[0]?.request).toMatchObject({ MessageType: 'TRANSACTIONAL' });
  });

  it('calls with AWS_VOICE_FROM, and refuses voice without it, naming the secret’s option', async () => {
    const voice = { ...guideSecrets(), AWS_VOICE_FROM: '+14155550100' };
    const called = await execute('custom-phone-provider', {
      recipient: '+447911123456',
      channel: 'voice',
      secrets: voice,
    });
    expect(called.result.calls).toEqual({ retry: [], drop: [] });
    expect(simulator.messages).toMatchObject([{ provider: 'aws', channel: 'voice', from: '+14155550100' }]);
    simulator.reset();
    const refused = await execute('send-phone-message', {
      recipient: '+447911123456',
      channel: 'voice',
      secrets: guideSecrets(),
    });
    expect(refused.result.threw).toMatchObject({ code: 'unsupported_channel' });
    expect(refused.result.threw?.message).toContain('voice.from');
    expect(simulator.requests).toHaveLength(0);
  });

  it('fails over from AWS to Twilio, and from Twilio to AWS', async () => {
    simulator.fail('aws', 'unavailable');
    const fromAws = await execute('send-phone-message', {
      recipient: '+447911123456',
      secrets: guideSecrets('aws,twilio'),
    });
    expect(fromAws.result.threw).toBeUndefined();
    expect(simulator.messages).toMatchObject([{ provider: 'twilio' }]);
    simulator.reset();
    simulator.fail('twilio', 'unavailable');
    const toAws = await execute('send-phone-message', {
      recipient: '+447911123456',
      secrets: guideSecrets('twilio,aws'),
    });
    expect(toAws.result.threw).toBeUndefined();
    expect(simulator.messages).toMatchObject([{ provider: 'aws' }]);
  });

  it('names the missing guide secret, never a value', async () => {
    const { AWS_SECRET_ACCESS_KEY: secret, ...rest } = guideSecrets();
    const { result } = await execute('send-phone-message', { recipient: '+447911123456', secrets: rest });
    expect(result.threw).toMatchObject({ code: 'invalid_config' });
    expect(result.threw?.message).toContain('AWS_SECRET_ACCESS_KEY');
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});
