import type { Auth0EventInput } from '@mfa-sms/simulator/auth0';
import { describe, expect, it } from 'vitest';
import { simulatorSecrets } from '../src/cli/simulator-secrets.js';
import { type ActionResult, useBuiltAction } from './built-action.js';

// The built Action, installed from the packed packages as a tenant deploys it, sending through
// @mfa-sms/telesign with the secrets issue 28 names (the classic guide's among them) and failing
// over to and from another provider.
const action = useBuiltAction();
const seen: { result: ActionResult; secrets: Record<string, string> }[] = [];

const code = '493817';
const recipient = '+447911123456';

async function send(
  secrets: Record<string, string>,
  options: {
    entry?: 'send-phone-message' | 'custom-phone-provider';
    channel?: 'sms' | 'voice';
    language?: string;
  } = {},
): Promise<ActionResult> {
  const input: Auth0EventInput = { recipient, code, secrets, channel: options.channel ?? 'sms' };
  if (options.language !== undefined) input.language = options.language;
  const result = await action.once(options.entry ?? 'send-phone-message', input);
  seen.push({ result, secrets });
  return result;
}

/** Exactly the secrets the issue lists, aimed at the simulator. */
function telesignSecrets(extra: Record<string, string> = {}): Record<string, string> {
  const { customerId, apiKey } = action.simulator.credentials.telesign;
  return {
    MFA_SMS_PROVIDERS: 'telesign',
    TELESIGN_CUSTOMER_ID: customerId,
    TELESIGN_API_KEY: apiKey,
    TELESIGN_BASE_URL: action.simulator.url,
    ...extra,
  };
}

describe('the built Action through Telesign', () => {
  for (const entry of ['send-phone-message', 'custom-phone-provider'] as const) {
    for (const channel of ['sms', 'voice'] as const) {
      it(`${entry}: delivers by ${channel} with TELESIGN_CUSTOMER_ID, TELESIGN_API_KEY, TELESIGN_BASE_URL`, async () => {
        const result = await send(telesignSecrets(), { entry, channel, language: 'en-GB' });
        expect(result.threw).toBeUndefined();
        expect(result.calls).toEqual({ retry: [], drop: [] });
        expect(action.simulator.messages).toMatchObject([
          { provider: 'telesign', channel, to: '447911123456' },
        ]);
        if (channel === 'voice') {
          expect(action.simulator.messages[0]?.text).toContain('4, 9, 3, 8, 1, 7');
          expect(action.simulator.messages[0]?.request).toMatchObject({
            voice: 'f-en-GB',
            message_type: 'OTP',
          });
        }
        expect(result.logs[0]).toMatch(/^mfa-sms sent channel=\w+ to=\+44\*{6}456 provider=telesign /);
      });
    }
  }

  it("delivers with the classic guide's TELESIGN_REST_API_KEY in place of TELESIGN_API_KEY", async () => {
    const { TELESIGN_API_KEY: key, ...rest } = telesignSecrets();
    const result = await send({ ...rest, TELESIGN_REST_API_KEY: key as string });
    expect(result.threw).toBeUndefined();
    expect(action.simulator.messages).toHaveLength(1);
  });

  it('reads TELESIGN_API_KEY first when both are set', async () => {
    const right = action.simulator.credentials.telesign.apiKey;
    const wrong = Buffer.from('not-the-telesign-key').toString('base64');
    const first = await send(telesignSecrets({ TELESIGN_REST_API_KEY: wrong }));
    const second = await send(telesignSecrets({ TELESIGN_API_KEY: wrong, TELESIGN_REST_API_KEY: right }));
    expect(first.threw).toBeUndefined();
    expect(second.threw).toMatchObject({ code: 'auth_failed' });
    expect(action.simulator.messages).toHaveLength(1);
  });

  it('speaks in the voice TELESIGN_VOICE names', async () => {
    const result = await send(telesignSecrets({ TELESIGN_VOICE: 'f-en-AU' }), {
      channel: 'voice',
      language: 'fr',
    });
    expect(result.threw).toBeUndefined();
    expect(action.simulator.messages[0]?.request.voice).toBe('f-en-AU');
  });

  it('names the secret when TELESIGN_CUSTOMER_ID is missing', async () => {
    const { TELESIGN_CUSTOMER_ID: _, ...rest } = telesignSecrets();
    const result = await send(rest);
    expect(result.threw).toMatchObject({ code: 'invalid_config' });
    expect(result.threw?.message).toContain('TELESIGN_CUSTOMER_ID');
    expect(action.simulator.requests).toHaveLength(0);
  });
});

describe('the built Action failing over between Telesign and another provider', () => {
  it('from Telesign (unavailable) to Mitto', async () => {
    action.simulator.fail('telesign', 'unavailable');
    const result = await send(simulatorSecrets(action.simulator, 'telesign,mitto'));
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages.map((message) => message.provider)).toEqual(['mitto']);
    expect(result.logs[0]).toContain('attempts=telesign:provider_unavailable,mitto:ok');
  });

  it('from Twilio (unavailable) to Telesign, by voice', async () => {
    action.simulator.fail('twilio', 'unavailable');
    const result = await send(simulatorSecrets(action.simulator, 'twilio,telesign'), { channel: 'voice' });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages.map((message) => [message.provider, message.channel])).toEqual([
      ['telesign', 'voice'],
    ]);
    expect(result.logs[0]).toContain('attempts=twilio:provider_unavailable,telesign:ok');
  });

  it('from Telesign rate-limited in a 429 (status 10019) to Mitto', async () => {
    action.simulator.fail('telesign', 'rate-limit');
    const result = await send(simulatorSecrets(action.simulator, 'telesign,mitto'));
    expect(result.resolved).toBe(true);
    expect(result.logs[0]).toContain('attempts=telesign:rate_limited,mitto:ok');
  });

  it('not on a refusal in a 200 (status 237, country blocked): a permanent answer', async () => {
    action.simulator.fail('telesign', { type: 'code', code: 237 });
    const result = await send(simulatorSecrets(action.simulator, 'telesign,mitto'));
    expect(result.threw).toMatchObject({ code: 'blocked_destination' });
    expect(action.simulator.requests.map((request) => request.provider)).toEqual(['telesign']);
  });
});

describe('secret hygiene of the built Action with Telesign', () => {
  it('never logs or throws a Telesign secret, the code or the full number', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const { result, secrets } of seen) {
      const visible = [
        result.logs.join('\n'),
        result.threw?.message,
        result.threw?.stack,
        result.threw?.inspected,
      ]
        .filter(Boolean)
        .join('\n');
      expect(visible).not.toContain('447911123456');
      expect(visible).not.toContain(code);
      for (const name of ['TELESIGN_API_KEY', 'TELESIGN_REST_API_KEY', 'TELESIGN_CUSTOMER_ID']) {
        const value = secrets[name];
        if (value !== undefined) expect(visible, name).not.toContain(value);
      }
    }
  });
});
