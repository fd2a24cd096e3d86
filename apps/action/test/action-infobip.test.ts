import type { Auth0EventInput } from '@mfa-sms/simulator/auth0';
import { describe, expect, it } from 'vitest';
import { type ActionEntry, type ActionResult, useBuiltAction } from './built-action.js';

// The built Action, installed from the packed packages as a tenant deploys it, with Infobip's
// secrets (issue 28): delivery by SMS and voice, and failover between Infobip and Telesign (and
// Twilio, the provider most tenants start from).
const action = useBuiltAction();

function once(
  entry: ActionEntry,
  input: Auth0EventInput & { secrets: Record<string, string> },
): Promise<ActionResult> {
  return action.once(entry, input);
}

/** Exactly the secrets issue 28 names for Infobip, aimed at the simulator. */
function infobipSecrets(extra: Record<string, string> = {}): Record<string, string> {
  return {
    MFA_SMS_PROVIDERS: 'infobip',
    INFOBIP_API_KEY: action.simulator.credentials.infobip.apiKey,
    INFOBIP_BASE_URL: action.simulator.url,
    INFOBIP_FROM: 'Acme',
    INFOBIP_VOICE_FROM: '+41793026700',
    ...extra,
  };
}

function twilioSecrets(): Record<string, string> {
  const { accountSid, authToken } = action.simulator.credentials.twilio;
  return {
    TWILIO_ACCOUNT_SID: accountSid,
    TWILIO_AUTH_TOKEN: authToken,
    TWILIO_FROM: '+15017122661',
    TWILIO_BASE_URL: action.simulator.url,
  };
}

function telesignSecrets(): Record<string, string> {
  const { customerId, apiKey } = action.simulator.credentials.telesign;
  return {
    TELESIGN_CUSTOMER_ID: customerId,
    TELESIGN_API_KEY: apiKey,
    TELESIGN_BASE_URL: action.simulator.url,
  };
}

const recipient = '+447911123456';

describe('the built Action with Infobip', () => {
  for (const entry of ['send-phone-message', 'custom-phone-provider'] as const) {
    it(`${entry}: sends an SMS with INFOBIP_API_KEY, INFOBIP_BASE_URL and INFOBIP_FROM`, async () => {
      const result = await once(entry, { recipient, code: '493817', secrets: infobipSecrets() });
      expect(result.threw).toBeUndefined();
      expect(result.calls).toEqual({ retry: [], drop: [] });
      expect(action.simulator.messages).toMatchObject([
        { provider: 'infobip', channel: 'sms', to: '447911123456', from: 'Acme' },
      ]);
      expect(action.simulator.requests.map((request) => request.path)).toEqual(['/sms/3/messages']);
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
      const [call] = action.simulator.messages;
      expect(call).toMatchObject({ provider: 'infobip', channel: 'voice', from: '41793026700' });
      expect(call?.text).toContain('4, 9, 3, 8, 1, 7');
      expect(call?.request).toMatchObject({ messages: [{ language: 'de' }] });
    });
  }

  it('fails over from Telesign to Infobip, by SMS, when Telesign is unavailable', async () => {
    action.simulator.fail('telesign', 'unavailable');
    const result = await once('send-phone-message', {
      recipient,
      secrets: { ...telesignSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'telesign,infobip' }) },
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages.map((message) => message.provider)).toEqual(['infobip']);
    expect(result.logs[0]).toContain('attempts=telesign:provider_unavailable,infobip:ok');
  });

  it('fails over from Infobip to Telesign, by voice, when Infobip has no route', async () => {
    action.simulator.fail('infobip', { type: 'code', code: 'REJECTED_ROUTE_NOT_AVAILABLE' });
    const result = await once('custom-phone-provider', {
      recipient,
      channel: 'voice',
      secrets: { ...telesignSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'infobip,telesign' }) },
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages).toMatchObject([{ provider: 'telesign', channel: 'voice' }]);
    expect(result.logs[0]).toContain('attempts=infobip:provider_unavailable,telesign:ok');
  });

  it('fails over from Twilio to Infobip on a retryable error', async () => {
    action.simulator.fail('twilio', 'unavailable');
    const result = await once('send-phone-message', {
      recipient,
      secrets: { ...twilioSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'twilio,infobip' }) },
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages.map((message) => message.provider)).toEqual(['infobip']);
    expect(result.logs[0]).toContain('attempts=twilio:provider_unavailable,infobip:ok');
  });

  it('fails over from Infobip to Twilio when Infobip refuses the message inside a 200 with a system error', async () => {
    action.simulator.fail('infobip', { type: 'code', code: 'REJECTED_SYSTEM_ERROR' });
    const result = await once('custom-phone-provider', {
      recipient,
      secrets: { ...twilioSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'infobip,twilio' }) },
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages.map((message) => message.provider)).toEqual(['twilio']);
    expect(result.logs[0]).toContain('attempts=infobip:provider_unavailable,twilio:ok');
  });

  it('does not fail over when Infobip says the account has no credit: Auth0 is asked to drop it', async () => {
    action.simulator.fail('infobip', 'no-credit');
    const result = await once('custom-phone-provider', {
      recipient,
      secrets: { ...twilioSecrets(), ...infobipSecrets({ MFA_SMS_PROVIDERS: 'infobip,twilio' }) },
    });
    expect(result.calls.drop).toHaveLength(1);
    expect(action.simulator.messages).toHaveLength(0);
    expect(action.simulator.requests.map((request) => request.provider)).toEqual(['infobip']);
  });

  it("does not read the classic guide's API_KEY: the missing INFOBIP_API_KEY is named, nothing is sent", async () => {
    const { INFOBIP_API_KEY: key = '', ...rest } = infobipSecrets();
    const result = await once('send-phone-message', { recipient, secrets: { ...rest, API_KEY: key } });
    expect(result.threw?.message).toContain('INFOBIP_API_KEY');
    expect(result.threw?.message).not.toContain(key);
    expect(action.simulator.requests).toHaveLength(0);
  });

  it('names INFOBIP_BASE_URL when it is missing', async () => {
    const { INFOBIP_BASE_URL: _url, ...rest } = infobipSecrets();
    const result = await once('send-phone-message', { recipient, secrets: rest });
    expect(result.threw?.message).toContain('INFOBIP_BASE_URL');
    expect(action.simulator.requests).toHaveLength(0);
  });
});
