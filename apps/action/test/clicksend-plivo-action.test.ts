import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import {
  type Auth0EventInput,
  customPhoneProviderEvent,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installPackedAction, type PackedAction } from './packed-action.js';
import { runNode } from './run-node.js';

// Issue 29: the built Action, installed from the packed packages as a tenant deploys it, sends
// through @mfa-sms/plivo and @mfa-sms/clicksend with the secrets their plugins read, and fails
// over from one to the other.
const runner = fileURLToPath(new URL('./run-action.cjs', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/action.cjs', import.meta.url));

type EventInput = Auth0EventInput & { recipient: string; secrets: Record<string, string> };

interface Result {
  resolved?: true;
  threw?: { code?: string; message: string; inspected?: string };
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

/** Exactly the secrets issue 29 names, pointed at the simulator. */
function plivoSecrets(): Record<string, string> {
  const { authId, authToken } = simulator.credentials.plivo;
  return {
    PLIVO_AUTH_ID: authId,
    PLIVO_AUTH_TOKEN: authToken,
    PLIVO_FROM: '+14155550100',
    PLIVO_BASE_URL: simulator.url,
  };
}

function clickSendSecrets(): Record<string, string> {
  const { username, apiKey } = simulator.credentials.clicksend;
  return {
    CLICKSEND_USERNAME: username,
    CLICKSEND_API_KEY: apiKey,
    CLICKSEND_FROM: 'Acme',
    CLICKSEND_BASE_URL: simulator.url,
  };
}

const code = '493817';

async function run(
  entry: 'send-phone-message' | 'custom-phone-provider',
  input: EventInput,
): Promise<Result> {
  const event =
    entry === 'custom-phone-provider'
      ? customPhoneProviderEvent({ ...input, code })
      : sendPhoneMessageEvent({ ...input, code });
  const { exitCode, stdout, stderr } = await runNode([runner, installed.folder], {
    input: JSON.stringify({ executions: [{ entry, event }] }),
  });
  if (exitCode !== 0) throw new Error(`runner exited ${exitCode}: ${stderr}`);
  const [result] = (JSON.parse(stdout) as { results: Result[] }).results;
  if (!result) throw new Error('no result');
  const visible = JSON.stringify(result);
  for (const secret of [
    simulator.credentials.plivo.authToken,
    simulator.credentials.clicksend.apiKey,
    code,
    '447911123456',
  ]) {
    expect(visible).not.toContain(secret);
  }
  return result;
}

describe('the built Action with @mfa-sms/plivo and @mfa-sms/clicksend', () => {
  it('sends through Plivo with PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN, PLIVO_FROM and PLIVO_BASE_URL', async () => {
    const result = await run('send-phone-message', {
      recipient: '+447911123456',
      secrets: { MFA_SMS_PROVIDERS: 'plivo', ...plivoSecrets() },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.messages).toMatchObject([
      { provider: 'plivo', channel: 'sms', to: '447911123456', from: '14155550100' },
    ]);
    expect(simulator.messages[0]?.text).toContain(code);
    expect(result.logs[0]).toMatch(/^mfa-sms sent channel=sms to=\+44\*{6}456 provider=plivo /);
  });

  it('sends through ClickSend with CLICKSEND_USERNAME, CLICKSEND_API_KEY, CLICKSEND_FROM and CLICKSEND_BASE_URL', async () => {
    const result = await run('custom-phone-provider', {
      recipient: '+447911123456',
      secrets: { MFA_SMS_PROVIDERS: 'clicksend', ...clickSendSecrets() },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.messages).toMatchObject([
      { provider: 'clicksend', channel: 'sms', to: '+447911123456', from: 'Acme' },
    ]);
    expect(result.logs[0]).toMatch(/provider=clicksend /);
  });

  it('sends through ClickSend from the account’s default sender without CLICKSEND_FROM', async () => {
    const { CLICKSEND_FROM: _unused, ...secrets } = clickSendSecrets();
    const result = await run('send-phone-message', {
      recipient: '+447911123456',
      secrets: { MFA_SMS_PROVIDERS: 'clicksend', ...secrets },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.messages[0]?.request).not.toHaveProperty('from');
  });

  it('fails over from Plivo to ClickSend when Plivo is unavailable', async () => {
    simulator.fail('plivo', 'unavailable');
    const result = await run('send-phone-message', {
      recipient: '+447911123456',
      secrets: { MFA_SMS_PROVIDERS: 'plivo,clicksend', ...plivoSecrets(), ...clickSendSecrets() },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.messages.map((message) => message.provider)).toEqual(['clicksend']);
    expect(result.logs[0]).toContain('attempts=plivo:provider_unavailable,clicksend:ok');
  });

  it('fails over from ClickSend to Plivo on a 200 whose message says INTERNAL_ERROR', async () => {
    simulator.fail('clicksend', 'transient');
    const result = await run('send-phone-message', {
      recipient: '+447911123456',
      secrets: { MFA_SMS_PROVIDERS: 'clicksend,plivo', ...plivoSecrets(), ...clickSendSecrets() },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.messages.map((message) => message.provider)).toEqual(['plivo']);
    expect(result.logs[0]).toContain('attempts=clicksend:provider_unavailable,plivo:ok');
  });

  it('does not fail over when ClickSend says the recipient is invalid', async () => {
    simulator.fail('clicksend', 'invalid-number');
    const result = await run('custom-phone-provider', {
      recipient: '+447911123456',
      secrets: { MFA_SMS_PROVIDERS: 'clicksend,plivo', ...plivoSecrets(), ...clickSendSecrets() },
    });
    expect(result.calls.drop).toHaveLength(1);
    expect(simulator.requests.map((request) => request.provider)).toEqual(['clicksend']);
  });

  it('passes a voice notification over Plivo (SMS only) and ClickSend without voice to a voice provider', async () => {
    const { accountSid, authToken } = simulator.credentials.twilio;
    const result = await run('custom-phone-provider', {
      recipient: '+447911123456',
      channel: 'voice',
      secrets: {
        MFA_SMS_PROVIDERS: 'plivo,clicksend,twilio',
        ...plivoSecrets(),
        ...clickSendSecrets(),
        TWILIO_ACCOUNT_SID: accountSid,
        TWILIO_AUTH_TOKEN: authToken,
        TWILIO_FROM: '+14155550100',
        TWILIO_BASE_URL: simulator.url,
      },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.requests.map((request) => request.provider)).toEqual(['twilio']);
    expect(simulator.messages).toMatchObject([{ provider: 'twilio', channel: 'voice' }]);
  });

  it('names the missing secret, never a value', async () => {
    const { PLIVO_AUTH_TOKEN: _unused, ...secrets } = plivoSecrets();
    const result = await run('send-phone-message', {
      recipient: '+447911123456',
      secrets: { MFA_SMS_PROVIDERS: 'plivo', ...secrets },
    });
    expect(result.threw).toMatchObject({ code: 'invalid_config' });
    expect(result.threw?.message).toContain('PLIVO_AUTH_TOKEN');
    expect(simulator.requests).toHaveLength(0);
  });
});
