import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Auth0EventInput,
  customPhoneProviderEvent,
  hookArguments,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';
import { describe, expect, it } from 'vitest';
import { packagesForTheAction } from '../../../scripts/versions.mjs';
import { simulatorSecrets } from '../src/cli/simulator-secrets.js';
import { actionBundle, useBuiltAction } from './built-action.js';

// These tests run the built bundle in a child process, as Auth0 would require() it, beside the
// dependencies dist/dependencies.json lists installed from the packed packages: what they check is
// what a tenant deploys, not the sources or the workspace's links.
type EventInput = Auth0EventInput & { recipient: string; secrets: Record<string, string> };

const action = useBuiltAction();

type Execution =
  | { entry: 'send-phone-message'; event: unknown }
  | { entry: 'custom-phone-provider'; event: unknown }
  | { entry: 'hook'; arguments: unknown[] };

interface Result {
  resolved?: true;
  threw?: { code?: string; message: string; name: string; stack: string; inspected?: string };
  logs: string[];
  calls: { retry: string[]; drop: string[] };
  ms: number;
}

const everything: { result: Result; secrets: Record<string, string>; code?: string; recipient: string }[] =
  [];

interface Run {
  results: Result[];
  exports: string[];
  hookType: string;
  ioredisLoaded: boolean;
  ours: string[];
  outsideFolder: string[];
}

async function execute(executions: Execution[]): Promise<Run> {
  return (await action.run(executions)) as unknown as Run;
}

function secrets(providers: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...simulatorSecrets(action.simulator, providers), ...extra };
}

async function run(entry: Execution['entry'], input: EventInput, times = 1): Promise<Result[]> {
  const code = input.code ?? '493817';
  const full = { ...input, code };
  const execution: Execution =
    entry === 'hook'
      ? { entry, arguments: hookArguments(full) }
      : {
          entry,
          event:
            entry === 'custom-phone-provider' ? customPhoneProviderEvent(full) : sendPhoneMessageEvent(full),
        };
  const { results } = await execute(Array.from({ length: times }, () => execution));
  for (const result of results)
    everything.push({
      result,
      secrets: input.secrets as Record<string, string>,
      code,
      recipient: input.recipient,
    });
  return results;
}

async function once(entry: Execution['entry'], input: EventInput): Promise<Result> {
  const [result] = await run(entry, input);
  if (!result) throw new Error('no result');
  return result;
}

describe('the built Action', () => {
  it('exports the two Action handlers, and the hook bundle exports a function', async () => {
    const { exports, hookType } = await execute([]);
    expect(exports).toEqual(['onExecuteCustomPhoneProvider', 'onExecuteSendPhoneMessage']);
    expect(hookType).toBe('function');
  });

  it('loads core from the installed packages at require time, nothing from the repository', async () => {
    const { ours, outsideFolder } = await execute([]);
    expect(ours).toEqual(['@mfa-sms/core']);
    expect(outsideFolder).toEqual([]);
  });

  it.each([
    ['twilio', ['@mfa-sms/core', '@mfa-sms/twilio']],
    ['mitto', ['@mfa-sms/core', '@mfa-sms/mitto']],
    ['vonage,esendex', ['@mfa-sms/core', '@mfa-sms/esendex', '@mfa-sms/vonage']],
  ])(
    'loads only the provider packages MFA_SMS_PROVIDERS=%s names, from the installed ones',
    async (providers, loaded) => {
      const input = { recipient: '+447911123456', secrets: secrets(providers), code: '271828' };
      const { results, ours, outsideFolder } = await execute([
        { entry: 'send-phone-message', event: sendPhoneMessageEvent(input) },
      ]);
      expect(results[0]?.resolved).toBe(true);
      expect(ours).toEqual(loaded);
      expect(outsideFolder).toEqual([]);
    },
  );

  it('names the package to add when MFA_SMS_PROVIDERS names a provider that is not installed', async () => {
    // A tenant may leave out of the Action's dependencies the providers it does not use.
    const folder = join(action.installed.folder, 'node_modules', '@mfa-sms', 'vonage');
    renameSync(folder, `${folder}.away`);
    try {
      const input = { recipient: '+447911123456', secrets: secrets('vonage'), code: '271828' };
      const { results } = await execute([
        { entry: 'send-phone-message', event: sendPhoneMessageEvent(input) },
      ]);
      expect(results[0]?.threw).toMatchObject({ code: 'invalid_config' });
      expect(results[0]?.threw?.message).toContain(
        "add @mfa-sms/vonage to the Action's dependencies (at the version dist/dependencies.json lists)",
      );
    } finally {
      renameSync(`${folder}.away`, folder);
    }
  });

  it('bundles only its own glue and lists its dependencies with exact versions', () => {
    const source = readFileSync(actionBundle, 'utf8');
    // Our packages only: zod and the other third-party packages are core's and the providers' to load.
    const required = new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]));
    // Core only: a provider package is required by the name MFA_SMS_PROVIDERS gives, and none is
    // named in the bundle.
    expect([...required]).toEqual(['@mfa-sms/core']);
    expect(source).not.toMatch(/twilio|vonage|esendex|mitto/i);
    const ours = packagesForTheAction();
    // Core's code (its message catalog among it) is not in the bundle.
    expect(source).not.toContain('libphonenumber-js');
    const dependencies = JSON.parse(
      readFileSync(new URL('../dist/dependencies.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    const names = Object.keys(dependencies);
    expect(names.filter((name) => name.startsWith('@mfa-sms/'))).toEqual(ours);
    // Third-party packages as far as our installed packages declare them, and no other (the CLI's
    // zod is listed only while core or a provider still depends on it).
    const declaredByOurs = new Set(
      ours.flatMap((name) => {
        const manifest = JSON.parse(
          readFileSync(join(action.installed.folder, 'node_modules', name, 'package.json'), 'utf8'),
        ) as { dependencies?: object; peerDependencies?: object };
        return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
      }),
    );
    const thirdParty = names.filter((name) => !name.startsWith('@mfa-sms/'));
    expect(thirdParty).toEqual(expect.arrayContaining(['ioredis', 'libphonenumber-js', 'undici']));
    for (const name of thirdParty) expect([...declaredByOurs]).toContain(name);
    expect(thirdParty.includes('zod')).toBe(declaredByOurs.has('zod'));
    // Only behind a lazy require: the cold path never loads it.
    expect(source).not.toMatch(/^[^\n]{0,200}require\("ioredis"\)/);
    for (const version of Object.values(dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(source.length).toBeLessThan(10 * 1024);
  });

  it.each([
    ['twilio', 'sms'],
    ['twilio', 'voice'],
    ['vonage', 'sms'],
    ['vonage', 'voice'],
    ['esendex', 'sms'],
    ['esendex', 'voice'],
    ['mitto', 'sms'],
  ] as const)('sends through %s by %s', async (provider, channel) => {
    const result = await once('send-phone-message', {
      recipient: '+447911123456',
      channel,
      secrets: secrets(provider),
    });
    expect(result.threw).toBeUndefined();
    expect(action.simulator.messages).toHaveLength(1);
    expect(action.simulator.messages[0]).toMatchObject({ provider, channel });
    expect(action.simulator.messages[0]?.to.replace(/^\+/, '')).toBe('447911123456');
    if (channel === 'voice') expect(action.simulator.messages[0]?.text).toContain('4, 9, 3, 8, 1, 7');
    expect(result.logs).toHaveLength(1);
    expect(result.logs[0]).toMatch(
      new RegExp(`^mfa-sms sent channel=${channel} to=\\+44\\*{6}456 provider=${provider} `),
    );
  });

  it('fails over to the next provider on a retryable error', async () => {
    action.simulator.fail('twilio', 'unavailable');
    const result = await once('send-phone-message', {
      recipient: '+447911123456',
      secrets: secrets('twilio,vonage'),
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages.map((message) => message.provider)).toEqual(['vonage']);
    expect(result.logs[0]).toContain('attempts=twilio:provider_unavailable,vonage:ok');
  });

  it('does not fail over on a permanent error', async () => {
    action.simulator.fail('twilio', 'invalid-number');
    const result = await once('send-phone-message', {
      recipient: '+447911123456',
      secrets: secrets('twilio,vonage'),
    });
    expect(result.threw).toMatchObject({ code: 'invalid_recipient' });
    expect(action.simulator.requests.map((request) => request.provider)).toEqual(['twilio']);
  });

  it('keeps its deadline when every provider hangs', async () => {
    action.simulator.fail('twilio', 'no-answer', { times: Number.POSITIVE_INFINITY });
    action.simulator.fail('vonage', 'no-answer', { times: Number.POSITIVE_INFINITY });
    const result = await once('send-phone-message', {
      recipient: '+447911123456',
      secrets: secrets('twilio,vonage', { MFA_SMS_DEADLINE_MS: '2000' }),
    });
    expect(result.threw).toMatchObject({ code: 'timeout' });
    expect(result.ms).toBeGreaterThanOrEqual(1800);
    expect(result.ms).toBeLessThan(3500);
  });

  it('delivers through the second provider when the first hangs, with default settings, well under 10 s', async () => {
    action.simulator.fail('twilio', 'no-answer');
    const result = await once('send-phone-message', {
      recipient: '+447911123456',
      secrets: secrets('twilio,vonage'),
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages.map((message) => message.provider)).toEqual(['vonage']);
    expect(result.logs[0]).toContain('attempts=twilio:timeout,vonage:ok');
    // Twilio's attempt ends at the Action's default of 5 s, not at its own 10 s or half the deadline.
    expect(result.ms).toBeGreaterThanOrEqual(4900);
    expect(result.ms).toBeLessThan(8000);
  });

  it('normalises a recipient that is not E.164 with MFA_SMS_DEFAULT_COUNTRY', async () => {
    const result = await once('send-phone-message', {
      recipient: '1-415-555-2671',
      secrets: secrets('twilio', { MFA_SMS_DEFAULT_COUNTRY: 'US' }),
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages[0]?.to).toBe('+14155552671');
  });

  it('ends an SMS with the origin-bound line and app hash of MFA_SMS_ORIGIN and MFA_SMS_ANDROID_APP_HASH', async () => {
    const autofill = { MFA_SMS_ORIGIN: 'login.example.com', MFA_SMS_ANDROID_APP_HASH: 'FA+9qCX9VSu' };
    const sms = await once('custom-phone-provider', {
      recipient: '+447911123456',
      secrets: secrets('vonage', autofill),
    });
    expect(sms.resolved).toBe(true);
    const lines = action.simulator.messages[0]?.text.split('\n') ?? [];
    expect(lines.slice(-2)).toEqual(['FA+9qCX9VSu', '@login.example.com #493817']);
    const voice = await once('custom-phone-provider', {
      recipient: '+447911123456',
      channel: 'voice',
      secrets: secrets('vonage', autofill),
    });
    expect(voice.resolved).toBe(true);
    expect(action.simulator.messages[1]?.text).not.toContain('login.example.com');
    const bad = await once('send-phone-message', {
      recipient: '+447911123456',
      secrets: secrets('vonage', { MFA_SMS_ORIGIN: 'https://login.example.com/' }),
    });
    expect(bad.threw).toMatchObject({
      code: 'invalid_config',
      message: expect.stringContaining('MFA_SMS_ORIGIN'),
    });
  });

  it('sends from the country entry of TWILIO_FROM=Acme;US,CA=+14155550100, and passes over a provider without one', async () => {
    const map = { TWILIO_FROM: 'Acme;US,CA=+14155550100' };
    expect(
      (await once('send-phone-message', { recipient: '+447911123456', secrets: secrets('twilio', map) }))
        .resolved,
    ).toBe(true);
    expect(
      (await once('send-phone-message', { recipient: '+14155552671', secrets: secrets('twilio', map) }))
        .resolved,
    ).toBe(true);
    expect(action.simulator.messages.map((message) => message.from)).toEqual(['Acme', '+14155550100']);
    // Mitto has only a name: a US code goes through Twilio's number instead.
    const both = secrets('mitto,twilio', { ...map, MITTO_FROM: 'Acme' });
    const passed = await once('send-phone-message', { recipient: '+14155552672', secrets: both });
    expect(passed.resolved).toBe(true);
    expect(action.simulator.messages.at(-1)).toMatchObject({ provider: 'twilio', from: '+14155550100' });
    const none = await once('send-phone-message', {
      recipient: '+14155552673',
      secrets: secrets('mitto', { MITTO_FROM: 'Acme' }),
    });
    expect(none.threw).toMatchObject({
      code: 'invalid_config',
      message: expect.stringMatching(/"from".*US/),
    });
  });

  it('blocks a country outside MFA_SMS_ALLOWED_COUNTRIES before any request', async () => {
    const result = await once('send-phone-message', {
      recipient: '+2348031234567',
      secrets: secrets('twilio', { MFA_SMS_ALLOWED_COUNTRIES: 'GB,IE' }),
    });
    expect(result.threw).toMatchObject({ code: 'blocked_destination' });
    expect(action.simulator.requests).toHaveLength(0);
  });

  it('asks Auth0 to retry a transient total failure of a custom phone provider', async () => {
    action.simulator.fail('mitto', 'transient');
    const result = await once('custom-phone-provider', {
      recipient: '+447911123456',
      secrets: secrets('mitto'),
    });
    expect(result.resolved).toBe(true);
    expect(result.calls.retry).toHaveLength(1);
    expect(result.calls.drop).toHaveLength(0);
  });

  it('drops a permanent failure of a custom phone provider', async () => {
    action.simulator.fail('vonage', 'auth');
    const result = await once('custom-phone-provider', {
      recipient: '+447911123456',
      secrets: secrets('vonage'),
    });
    expect(result.calls.drop).toHaveLength(1);
    expect(result.calls.drop[0]).toMatch(/^auth_failed: /);
    expect(result.calls.retry).toHaveLength(0);
  });

  it('sends a custom phone provider voice notification through a voice provider', async () => {
    const result = await once('custom-phone-provider', {
      recipient: '+447911123456',
      channel: 'voice',
      secrets: secrets('mitto,twilio'),
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages).toMatchObject([{ provider: 'twilio', channel: 'voice' }]);
  });

  it('sends a repeated trigger once', async () => {
    const results = await run(
      'send-phone-message',
      { recipient: '+447911123456', secrets: secrets('esendex') },
      2,
    );
    expect(results.map((result) => result.logs[0]?.split(' ')[1])).toEqual(['sent', 'duplicate']);
    expect(action.simulator.messages).toHaveLength(1);
  });

  it('logs and sends nothing in a dry run', async () => {
    const result = await once('send-phone-message', {
      recipient: '+447911123456',
      secrets: secrets('twilio,vonage', { MFA_SMS_DRY_RUN: 'true' }),
    });
    expect(result.resolved).toBe(true);
    expect(result.logs[0]).toMatch(/^mfa-sms dry-run channel=sms to=\+44\*{6}456 providers=twilio,vonage /);
    expect(action.simulator.requests).toHaveLength(0);
  });

  it('runs the legacy hook with secrets from context.webtask', async () => {
    const ok = await once('hook', { recipient: '+447911123456', secrets: secrets('vonage') });
    expect(ok.resolved).toBe(true);
    action.simulator.fail('vonage', 'no-credit');
    const failed = await once('hook', { recipient: '+447911123456', secrets: secrets('vonage') });
    expect(failed.threw).toMatchObject({ code: 'insufficient_funds' });
  });

  it('stops codes over MFA_SMS_LIMITS and drops them, without loading ioredis', async () => {
    const input = {
      recipient: '+447911123456',
      secrets: secrets('twilio', { MFA_SMS_LIMITS: 'recipient:2/1h' }),
    };
    const executions: Execution[] = ['111111', '222222', '333333'].map((code) => ({
      entry: 'custom-phone-provider',
      event: customPhoneProviderEvent({ ...input, code }),
    }));
    const { results, ioredisLoaded } = await execute(executions);
    expect(ioredisLoaded).toBe(false);
    expect(action.simulator.messages).toHaveLength(2);
    const last = results[2];
    expect(last?.calls.drop).toHaveLength(1);
    expect(last?.calls.retry).toHaveLength(0);
    expect(last?.calls.drop[0]).toMatch(/^blocked_destination: .*velocity/);
    expect(last?.logs[0]).toMatch(/^mfa-sms failed channel=sms to=\+44\*{6}456 code=blocked_destination /);
    for (const [index, result] of results.entries())
      everything.push({
        result,
        secrets: input.secrets,
        code: ['111111', '222222', '333333'][index],
        recipient: input.recipient,
      });
  });

  it('sends the code through Twilio Verify with TWILIO_VERIFY_SERVICE_SID', async () => {
    const result = await once('send-phone-message', {
      recipient: '+447911123456',
      secrets: secrets('twilio', {
        TWILIO_VERIFY_SERVICE_SID: action.simulator.credentials.twilio.verifyServiceSid,
      }),
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.requests.map((request) => request.path)).toEqual([
      `/v2/Services/${action.simulator.credentials.twilio.verifyServiceSid}/Verifications`,
    ]);
    expect(action.simulator.messages[0]?.request).toMatchObject({ Channel: 'sms', CustomCode: '493817' });
    expect(result.logs[0]).toMatch(/^mfa-sms sent channel=sms .* provider=twilio id=VE/);
  });

  it('loads ioredis only with MFA_SMS_REDIS_URL, and sends when Redis is down', async () => {
    const input = {
      recipient: '+447911123456',
      secrets: secrets('twilio', {
        MFA_SMS_REDIS_URL: 'redis://127.0.0.1:1',
        MFA_SMS_STORE_KEY: 'action-store-key-0123456789',
      }),
      code: '444555',
    };
    const { results, ioredisLoaded } = await execute([
      { entry: 'send-phone-message', event: sendPhoneMessageEvent(input) },
    ]);
    expect(ioredisLoaded).toBe(true);
    expect(results[0]?.resolved).toBe(true);
    expect(action.simulator.messages).toHaveLength(1);
  });

  it.each([
    [{ MFA_SMS_PROVIDERS: '' }, 'MFA_SMS_PROVIDERS', 'is missing'],
    [{ MFA_SMS_LIMITS: 'recipient=5 per hour' }, 'MFA_SMS_LIMITS', 'is invalid'],
    [{ MFA_SMS_REDIS_URL: 'redis://:hunter2-secret@127.0.0.1:1' }, 'MFA_SMS_STORE_KEY', 'is missing'],
    [
      { MFA_SMS_REDIS_URL: 'http://:hunter2-secret@127.0.0.1:1', MFA_SMS_STORE_KEY: 'k'.repeat(20) },
      'MFA_SMS_REDIS_URL',
      'rediss://',
    ],
    [
      { MFA_SMS_PROVIDERS: 'twilio,sinch' },
      'MFA_SMS_PROVIDERS',
      "add @mfa-sms/sinch to the Action's dependencies",
    ],
    [{ MFA_SMS_PROVIDERS: 'twilio,./sinch' }, 'MFA_SMS_PROVIDERS', 'is neither a provider of ours'],
    [{ TWILIO_ACCOUNT_SID: 'XX-not-a-sid-secret-value' }, 'TWILIO_ACCOUNT_SID', 'is invalid'],
    [{ TWILIO_ACCOUNT_SID: '' }, 'TWILIO_ACCOUNT_SID', 'is missing'],
    [{ MFA_SMS_DEADLINE_MS: '30000' }, 'MFA_SMS_DEADLINE_MS', '20 s'],
    [{ MFA_SMS_ROUTES: 'US=' }, 'MFA_SMS_ROUTES', 'must look like'],
    [{ MFA_SMS_ROUTES: 'US=vonage' }, 'routes.US', 'names provider "vonage"'],
  ])('names the secret in a configuration error: %j', async (extra, name, text) => {
    const result = await once('send-phone-message', {
      recipient: '+447911123456',
      secrets: secrets('twilio', extra),
    });
    expect(result.threw).toMatchObject({ code: 'invalid_config' });
    expect(result.threw?.message).toContain(name);
    expect(result.threw?.message).toContain(text);
    for (const value of Object.values(extra))
      if (value.length > 6) expect(result.threw?.message).not.toContain(value);
    expect(action.simulator.requests).toHaveLength(0);
  });
});

describe("the built Action with the classic Auth0 guides' secrets", () => {
  // Exactly the secrets each guide's hook had (names and shapes), plus what an Action needs of its
  // own: MFA_SMS_PROVIDERS, and the base URL that aims the provider at the action.simulator.
  function guideSecrets(provider: 'twilio' | 'vonage' | 'esendex' | 'mitto'): Record<string, string> {
    const { twilio, vonage, esendex, mitto } = action.simulator.credentials;
    const common = { MFA_SMS_PROVIDERS: provider };
    switch (provider) {
      case 'twilio':
        return {
          ...common,
          TWILIO_ACCOUNT_SID: twilio.accountSid,
          TWILIO_AUTH_TOKEN: twilio.authToken,
          TWILIO_PHONE_NUMBER: '+15017122661',
          TWILIO_BASE_URL: action.simulator.url,
        };
      case 'vonage':
        return {
          ...common,
          VONAGE_API_KEY: vonage.apiKey,
          VONAGE_API_SECRET: vonage.apiSecret,
          VONAGE_FROM_NUMBER: '15017122661',
          VONAGE_BASE_URL: action.simulator.url,
        };
      case 'esendex':
        return {
          ...common,
          ESENDEX_ACCOUNT: esendex.accountReference,
          ESENDEX_USERNAME: esendex.username,
          ESENDEX_PASSWORD: esendex.password,
          ESENDEX_BASE_URL: action.simulator.url,
        };
      case 'mitto':
        // The guide writes its sender in the hook's code; an Action reads it from MITTO_FROM.
        return {
          ...common,
          MITTO_API_KEY: mitto.apiKey,
          MITTO_FROM: 'Mitto SMS',
          MITTO_BASE_URL: action.simulator.url,
        };
    }
  }

  async function runCustom(input: EventInput, notification: Record<string, unknown>): Promise<Result> {
    const code = input.code ?? '493817';
    const base = customPhoneProviderEvent({ ...input, code });
    const event = { ...base, notification: { ...base.notification, ...notification } };
    const { results } = await execute([{ entry: 'custom-phone-provider', event }]);
    const [result] = results;
    if (!result) throw new Error('no result');
    everything.push({
      result,
      secrets: input.secrets as Record<string, string>,
      code,
      recipient: input.recipient,
    });
    return result;
  }

  it.each([
    ['twilio', '+15017122661'],
    ['vonage', '15017122661'],
    ['esendex', undefined],
    ['mitto', 'Mitto SMS'],
  ] as const)("sends through %s with the guide's secrets and sender (%s)", async (provider, from) => {
    for (const entry of ['custom-phone-provider', 'send-phone-message'] as const) {
      action.simulator.reset();
      const result = await once(entry, { recipient: '+447911123456', secrets: guideSecrets(provider) });
      expect(result.threw, entry).toBeUndefined();
      expect(result.calls).toEqual({ retry: [], drop: [] });
      expect(action.simulator.messages).toHaveLength(1);
      expect(action.simulator.messages[0]).toMatchObject({ provider, channel: 'sms' });
      // Esendex's guide sets no sender: none is sent, and the account's default originator applies.
      expect(action.simulator.messages[0]?.from).toBe(from);
      expect(result.logs[0]).toMatch(
        new RegExp(`^mfa-sms sent channel=sms to=\\+44\\*{6}456 provider=${provider} `),
      );
    }
  });

  it('prefers TWILIO_FROM when both it and TWILIO_PHONE_NUMBER are set', async () => {
    await once('custom-phone-provider', {
      recipient: '+447911123456',
      secrets: { ...guideSecrets('twilio'), TWILIO_FROM: 'Acme' },
    });
    expect(action.simulator.messages[0]?.from).toBe('Acme');
  });

  it("sends from the Phone Template's From (notification.from), unless MFA_SMS_USE_AUTH0_FROM is false", async () => {
    const secretsUsed = guideSecrets('twilio');
    const sent = await runCustom(
      { recipient: '+447911123456', secrets: secretsUsed },
      { from: '+447700900111' },
    );
    expect(sent.resolved).toBe(true);
    expect(action.simulator.messages[0]?.from).toBe('+447700900111');
    action.simulator.reset();
    await runCustom(
      {
        recipient: '+447911123456',
        code: '111222',
        secrets: { ...secretsUsed, MFA_SMS_USE_AUTH0_FROM: 'false' },
      },
      { from: '+447700900111' },
    );
    expect(action.simulator.messages[0]?.from).toBe('+15017122661');
  });

  it('delivers a message type this version does not know, as Auth0 rendered it', async () => {
    const result = await runCustom(
      { recipient: '+447911123456', secrets: guideSecrets('vonage') },
      {
        message_type: 'account_recovery_notice',
        as_text: 'Acme: your recovery settings changed',
        code: undefined,
      },
    );
    expect(result.resolved).toBe(true);
    expect(result.calls).toEqual({ retry: [], drop: [] });
    expect(action.simulator.messages).toMatchObject([
      { provider: 'vonage', text: 'Acme: your recovery settings changed' },
    ]);
    expect(result.logs[0]).toMatch(
      /^mfa-sms sent channel=sms to=\+44\*{6}456 purpose=other provider=vonage /,
    );
  });

  it('sends to a US number Auth0 passes without +1 from a GB request as +1', async () => {
    const result = await once('send-phone-message', {
      recipient: '4155552671',
      country: 'GB',
      secrets: guideSecrets('twilio'),
    });
    expect(result.resolved).toBe(true);
    expect(action.simulator.messages[0]?.to).toBe('+14155552671');
  });
});

describe('secret hygiene of the built Action', () => {
  it('writes exactly one log line of at most 256 characters per execution', () => {
    expect(everything.length).toBeGreaterThan(20);
    for (const { result } of everything) {
      expect(result.logs).toHaveLength(1);
      expect(result.logs[0]?.length).toBeLessThanOrEqual(256);
    }
  });

  it('never logs or throws a secret, the code or the full number', () => {
    for (const { result, secrets: used, code, recipient } of everything) {
      const visible = [
        ...result.logs,
        result.threw?.message,
        result.threw?.stack,
        result.threw?.inspected,
        ...result.calls.retry,
        ...result.calls.drop,
      ]
        .filter(Boolean)
        .join('\n');
      const digits = recipient.replace(/\D/g, '');
      expect(visible).not.toContain(digits);
      if (code) {
        expect(visible).not.toContain(code);
        expect(visible).not.toContain(code.split('').join('.'));
      }
      for (const [name, value] of Object.entries(used)) {
        if (/(TOKEN|SECRET|PASSWORD|KEY)$/.test(name) && value.length >= 8)
          expect(visible, name).not.toContain(value);
      }
    }
  });
});
