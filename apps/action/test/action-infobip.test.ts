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

// The built Action, installed from the packed packages as a tenant deploys it, with Infobip's
// secrets (issue 28): delivery by SMS and voice, and failover between Infobip and Telesign (and
// Twilio, the provider most tenants start from).
const runner = fileURLToPath(new URL('./run-action.cjs', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/action.cjs', import.meta.url));

interface Result {
  resolved?: true;
  threw?: { code?: string; message: string; name: string; stack: string; inspected?: string };
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

type Entry = 'send-phone-message' | 'custom-phone-provider';

async function once(
  entry: Entry,
  input: Auth0EventInput & { secrets: Record<string, string> },
): Promise<Result> {
  const event =
    entry === 'custom-phone-provider' ? customPhoneProviderEvent(input) : sendPhoneMessageEvent(input);
  const { exitCode, stdout, stderr } = await runNode([runner, installed.folder], {
    input: JSON.stringify({ executions: [{ entry, event }] }),
  });
  if (exitCode !== 0) throw new Error(`runner exited ${exitCode}: ${stderr}`);
  const [result] = (JSON.parse(stdout) as { results: Result[] }).results;
  if (!result) throw new Error('no result');
  return result;
}

/** Exactly the secrets issue 28 names for Infobip, aimed at the simulator. */
function infobipSecrets(extra: Record<string, string> = {}): Record<string, string> {
  return {
    MFA_SMS_PROVIDERS: 'infobip',
    INFOBIP_API_KEY: simulator.credentials.infobip.apiKey,
    INFOBIP_BASE_URL: simulator.url,
    INFOBIP_FROM: 'Acme',
    INFOBIP_VOICE_FROM: '+41793026700',
    ...extra,
  };
}

function twilioSecrets(): Record<string, string> {
  const { accountSid, authToken } = simulator.credentials.twilio;
  return {
    TWILIO_ACCOUNT_SID: accountSid,
    TWILIO_AUTH_TOKEN: authToken,
    TWILIO_FROM: '+15017122661',
    TWILIO_BASE_URL: simulator.url,
  };
}

function telesignSecrets(): Record<string, string> {
  const { customerId, apiKey } = simulator.credentials.telesign;
  return { TELESIGN_CUSTOMER_ID: customerId, TELESIGN_API_KEY: apiKey, TELESIGN_BASE_URL: simulator.url };
}

const recipient = '+447911123456';

describe('the built Action with Infobip', () => {
  for (const entry of ['send-phone-message', 'custom-phone-provider'] as const) {
    it(`${entry}: sends an SMS with INFOBIP_API_KEY, INFOBIP_BASE_URL and INFOBIP_FROM`, async () => {
      const result = await once(entry, { recipient, code: '493817', secrets: infobipSecrets() });
      expect(result.threw).toBeUndefined();
      expect(result.calls).toEqual({ retry: [], drop: [] });
      expect(simulator.messages).toMatchObject([
        { provider: 'infobip', channel: 'sms', to: '447911123456', from: 'Acme' },
      ]);
      expect(simulator.requests.map((request) => request.path)).toEqual(['/sms/3/messages']);
      expect(result.logs[0]).toMatch(/^mfa-sms sent channel=sms to=\+44\*{6}456 provider=infobip /);
    });

    it(`${entry}: calls from INFOBIP_VOICE_FROM and reads the code digit by digit`, async () => {
      const result = await once(entry, {
        recipient,
        channel: 'voice',
        code: '493817',
        language: 'de',
        secrets: infobipSecrets(),
      });
      expect(result.threw).toBeUndefined();
      const [call] = simulator.messages;
      expect(call).toMatchObject({ provider: 'infobip', channel: 'voice', from: '41793026700' });
      expect(call?.text).toContain('4, 9, 3, 8, 1, 7');
      expect(call?.request).toMatchObject({ messages: [{ language: 'de' }] });
    });
  }

  it('fails over from Telesign to Infobip, by SMS, when Telesign is unavailable', async () => {
    simulator.fail('telesign', 'unavailable');
    const result = await once('send-phone-message', {
      recipient,
      secrets: { ...telesignSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'telesign,infobip' }) },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.messages.map((message) => message.provider)).toEqual(['infobip']);
    expect(result.logs[0]).toContain('attempts=telesign:provider_unavailable,infobip:ok');
  });

  it('fails over from Infobip to Telesign, by voice, when Infobip has no route', async () => {
    simulator.fail('infobip', { type: 'code', code: 'REJECTED_ROUTE_NOT_AVAILABLE' });
    const result = await once('custom-phone-provider', {
      recipient,
      channel: 'voice',
      secrets: { ...telesignSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'infobip,telesign' }) },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.messages).toMatchObject([{ provider: 'telesign', channel: 'voice' }]);
    expect(result.logs[0]).toContain('attempts=infobip:provider_unavailable,telesign:ok');
  });

  it('fails over from Twilio to Infobip on a retryable error', async () => {
    simulator.fail('twilio', 'unavailable');
    const result = await once('send-phone-message', {
      recipient,
      secrets: { ...twilioSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'twilio,infobip' }) },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.messages.map((message) => message.provider)).toEqual(['infobip']);
    expect(result.logs[0]).toContain('attempts=twilio:provider_unavailable,infobip:ok');
  });

  it('fails over from Infobip to Twilio when Infobip refuses the message inside a 200 with a system error', async () => {
    simulator.fail('infobip', { type: 'code', code: 'REJECTED_SYSTEM_ERROR' });
    const result = await once('custom-phone-provider', {
      recipient,
      secrets: { ...twilioSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'infobip,twilio' }) },
    });
    expect(result.resolved).toBe(true);
    expect(simulator.messages.map((message) => message.provider)).toEqual(['twilio']);
    expect(result.logs[0]).toContain('attempts=infobip:provider_unavailable,twilio:ok');
  });

  it('does not fail over when Infobip says the account has no credit: Auth0 is asked to drop it', async () => {
    simulator.fail('infobip', 'no-credit');
    const result = await once('custom-phone-provider', {
      recipient,
      secrets: { ...twilioSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'infobip,twilio' }) },
    });
    expect(result.calls.drop).toHaveLength(1);
    expect(simulator.messages).toHaveLength(0);
    expect(simulator.requests.map((request) => request.provider)).toEqual(['infobip']);
  });

  it("does not read the classic guide's API_KEY: the missing INFOBIP_API_KEY is named, nothing is sent", async () => {
    const { INFOBIP_API_KEY: key = '', ...rest } = infobipSecrets();
    const result = await once('send-phone-message', { recipient, secrets: { ...rest, API_KEY: key } });
    expect(result.threw?.message).toContain('INFOBIP_API_KEY');
    expect(result.threw?.message).not.toContain(key);
    expect(simulator.requests).toHaveLength(0);
  });

  it('names INFOBIP_BASE_URL when it is missing', async () => {
    const { INFOBIP_BASE_URL: _url, ...rest } = infobipSecrets();
    const result = await once('send-phone-message', { recipient, secrets: rest });
    expect(result.threw?.message).toContain('INFOBIP_BASE_URL');
    expect(simulator.requests).toHaveLength(0);
  });
});
