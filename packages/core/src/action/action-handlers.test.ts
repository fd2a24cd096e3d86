import { describe, expect, it } from 'vitest';
import type { Auth0Cache, CustomPhoneProviderEvent } from '../auth0/auth0-types.js';
import type { PhoneMessage, Provider } from '../contract/types.js';
import { MfaSmsError, type MfaSmsErrorCode } from '../errors/errors.js';
import { cache, customApi, customEvent, secrets, sendEvent } from './action-events.test-helper.js';
import { createActionHandlers } from './action-handlers.js';

// Providers are scripted here: these tests are about the Auth0 behaviour around them. The same
// handlers run with every real provider against the simulator in apps/action's tests.
function scripted(
  name: string,
  outcomes: ('ok' | MfaSmsErrorCode)[] = ['ok'],
  channels: Provider['channels'] = ['sms', 'voice'],
) {
  const sent: PhoneMessage[] = [];
  const provider: Provider = {
    name,
    channels,
    async send(message) {
      sent.push(message);
      const outcome = outcomes[Math.min(sent.length - 1, outcomes.length - 1)] ?? 'ok';
      if (outcome !== 'ok')
        throw new MfaSmsError({ code: outcome, provider: name, message: `${name} says ${outcome}` });
      return { provider: name, channel: message.channel, id: `${name}-${sent.length}`, to: message.to };
    },
  };
  return { provider, sent };
}

describe('createActionHandlers', () => {
  it('normalises with the request country, sends, caches, and logs one redacted line', async () => {
    const a = scripted('a');
    const lines: string[] = [];
    const handlers = createActionHandlers({ providers: [a.provider], log: (line) => lines.push(line) });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() });
    expect(a.sent).toEqual([
      {
        to: '+447400123456',
        text: 'Your code is 493817',
        channel: 'sms',
        code: '493817',
        language: 'de-DE',
        reference: 'corr-123',
      },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^mfa-sms sent channel=sms to=\+44\*{6}456 provider=a id=a-1 attempts=a:ok ms=\d+ corr=corr-123$/,
    );
  });

  it('builds providers from the secrets once per container and again when they change', async () => {
    let builds = 0;
    const handlers = createActionHandlers({
      providers: (received) => {
        builds += 1;
        expect(Object.isFrozen(received)).toBe(true);
        return [scripted(`p${builds}`).provider];
      },
      log: () => {},
    });
    await handlers.onExecuteSendPhoneMessage(sendEvent({ code: '111111' }), { cache: cache() });
    await handlers.onExecuteSendPhoneMessage(sendEvent({ code: '222222' }), { cache: cache() });
    expect(builds).toBe(1);
    await handlers.onExecuteSendPhoneMessage(
      sendEvent({ code: '333333', secrets: { TOKEN: 'rotated-token-value' } }),
      { cache: cache() },
    );
    expect(builds).toBe(2);
  });

  it('sends the same recipient, code and purpose once within the window', async () => {
    const a = scripted('a');
    const lines: string[] = [];
    const handlers = createActionHandlers({ providers: [a.provider], log: (line) => lines.push(line) });
    const shared = cache();
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: shared });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: shared });
    await handlers.onExecuteSendPhoneMessage(sendEvent({ code: '000111', text: 'Your code is 000111' }), {
      cache: shared,
    });
    expect(a.sent).toHaveLength(2);
    expect(lines.map((line) => line.split(' ')[1])).toEqual(['sent', 'duplicate', 'sent']);
    expect([...shared.entries().keys()].every((key) => Buffer.byteLength(key) <= 64)).toBe(true);
  });

  it('sends once across containers sharing api.cache, which holds neither the number nor the message id', async () => {
    const a = scripted('a');
    const lines: string[] = [];
    const container = () =>
      createActionHandlers({ providers: [a.provider], limits: false, log: (line) => lines.push(line) });
    const shared = cache();
    await container().onExecuteSendPhoneMessage(sendEvent(), { cache: shared });
    await container().onExecuteSendPhoneMessage(sendEvent(), { cache: shared });
    expect(a.sent).toHaveLength(1);
    expect(lines.map((line) => line.split(' ')[1])).toEqual(['sent', 'duplicate']);
    const held = [...shared.entries()].flat().join(' ');
    expect(held).not.toContain('a-1');
    expect(held).not.toContain((a.sent[0] as PhoneMessage).to.slice(1));
  });

  it('still sends when the cache fails', async () => {
    const a = scripted('a');
    const broken: Auth0Cache = {
      get: () => {
        throw new Error('cache down');
      },
      set: () => ({ type: 'error', code: 'QUOTA' }),
      delete: () => ({ type: 'success' }),
    };
    const lines: string[] = [];
    const handlers = createActionHandlers({ providers: [a.provider], log: (line) => lines.push(line) });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: broken });
    // The container's memory still knows the repeat.
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: broken });
    await handlers.onExecuteSendPhoneMessage(sendEvent({ code: '000111', text: 'Your code is 000111' }), {
      cache: broken,
    });
    expect(a.sent).toHaveLength(2);
    expect(lines.filter((line) => line.includes('api.cache is full'))).toHaveLength(1);
    expect(lines.map((line) => line.split(' ')[1])).toEqual([
      'store=auth0-cache',
      'sent',
      'duplicate',
      'sent',
    ]);
  });

  it('throws a permanent failure for send-phone-message and does not fail over', async () => {
    const a = scripted('a', ['invalid_recipient']);
    const b = scripted('b');
    const handlers = createActionHandlers({ providers: [a.provider, b.provider], log: () => {} });
    await expect(handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() })).rejects.toMatchObject({
      code: 'invalid_recipient',
    });
    expect(b.sent).toHaveLength(0);
  });

  it('retries retryable and drops permanent failures of a custom phone provider', async () => {
    const retry = customApi();
    await createActionHandlers({
      providers: [scripted('a', ['provider_unavailable']).provider],
      log: () => {},
    }).onExecuteCustomPhoneProvider(customEvent(), retry.api);
    expect(retry.calls).toEqual({ retry: [expect.stringMatching(/^provider_unavailable: /)], drop: [] });
    const drop = customApi();
    await createActionHandlers({
      providers: [scripted('a', ['auth_failed']).provider],
      log: () => {},
    }).onExecuteCustomPhoneProvider(customEvent(), drop.api);
    expect(drop.calls).toEqual({ retry: [], drop: [expect.stringMatching(/^auth_failed: /)] });
  });

  it('drops an invalid recipient without asking any provider', async () => {
    const a = scripted('a');
    const { api, calls } = customApi();
    await createActionHandlers({ providers: [a.provider], log: () => {} }).onExecuteCustomPhoneProvider(
      customEvent('+44 12'),
      api,
    );
    expect(calls.drop).toHaveLength(1);
    expect(a.sent).toHaveLength(0);
  });

  it('uses the built-in catalog in the user language when asked', async () => {
    const a = scripted('a');
    await createActionHandlers({
      providers: [a.provider],
      templates: 'builtin',
      log: () => {},
    }).onExecuteSendPhoneMessage(sendEvent(), {
      cache: cache(),
    });
    expect(a.sent[0]).toMatchObject({ text: '493817 ist Ihr Bestätigungscode für Acme.', language: 'de' });
  });

  it('ends SMS with the origin-bound line and the app hash, Auth0 text and built-in alike', async () => {
    const a = scripted('a');
    const origin = { origin: 'login.example.com', androidAppHash: 'FA+9qCX9VSu' };
    const auth0Text = createActionHandlers({ providers: [a.provider], log: () => {}, ...origin });
    await auth0Text.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() });
    expect(a.sent[0]?.text).toBe('Your code is 493817\nFA+9qCX9VSu\n@login.example.com #493817');
    // A text that is origin-bound already keeps its own line; voice gets nothing.
    await auth0Text.onExecuteSendPhoneMessage(
      sendEvent({
        text: 'Your code is 493817\n\n@auth.example.org #493817',
        code: '493817',
        purpose: 'enrollment',
      }),
      { cache: cache() },
    );
    expect(a.sent[1]?.text).toBe('Your code is 493817\n\nFA+9qCX9VSu\n@auth.example.org #493817');
    await auth0Text.onExecuteSendPhoneMessage(sendEvent({ channel: 'voice' }), { cache: cache() });
    expect(a.sent[2]?.text).toBe('Your code is 493817');
    const builtin = createActionHandlers({
      providers: [a.provider],
      log: () => {},
      templates: 'builtin',
      origin: 'login.example.com',
    });
    await builtin.onExecuteCustomPhoneProvider(customEvent(), customApi().api);
    expect(a.sent[3]?.text).toBe('493817 is your verification code.\n@login.example.com #493817');
  });

  it('refuses an origin that is a URL, naming the option', async () => {
    const a = scripted('a');
    const handlers = createActionHandlers({
      providers: [a.provider],
      log: () => {},
      origin: 'https://login.example.com',
    });
    await expect(handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() })).rejects.toMatchObject({
      code: 'invalid_config',
      message: expect.stringContaining('"origin"'),
    });
    expect(a.sent).toHaveLength(0);
  });

  it('logs and sends nothing in a dry run', async () => {
    const a = scripted('a');
    const lines: string[] = [];
    await createActionHandlers({
      providers: [a.provider],
      dryRun: true,
      log: (line) => lines.push(line),
    }).onExecuteSendPhoneMessage(sendEvent(), {
      cache: cache(),
    });
    expect(a.sent).toHaveLength(0);
    expect(lines[0]).toMatch(/^mfa-sms dry-run channel=sms to=\+44\*{6}456 providers=a /);
  });

  it('routes voice only through providers that have it', async () => {
    const smsOnly = scripted('sms-only', ['ok'], ['sms']);
    const voice = scripted('voice');
    await createActionHandlers({
      providers: [smsOnly.provider, voice.provider],
      log: () => {},
    }).onExecuteSendPhoneMessage(sendEvent({ channel: 'voice' }), { cache: cache() });
    expect(smsOnly.sent).toHaveLength(0);
    expect(voice.sent).toHaveLength(1);
  });

  it('runs the legacy hook with context.webtask.secrets and the callback', async () => {
    const a = scripted('a', ['ok', 'insufficient_funds']);
    const handlers = createActionHandlers({ providers: (s) => (s.TOKEN ? [a.provider] : []), log: () => {} });
    const context = {
      message_type: 'sms' as const,
      action: 'enrollment' as const,
      code: '123456',
      webtask: { secrets },
    };
    const first = await new Promise<unknown[]>((resolve) =>
      handlers.hook('+447400123456', 'code 123456', context, (...args) => resolve(args)),
    );
    expect(first).toEqual([null, {}]);
    const second = await new Promise<unknown[]>((resolve) =>
      handlers.hook('+447400123456', 'code 654321', { ...context, code: '654321' }, (...args) =>
        resolve(args),
      ),
    );
    expect(second[0]).toMatchObject({ code: 'insufficient_funds' });
  });

  it('reports a bad option at the first event, naming it', async () => {
    const lines: string[] = [];
    const handlers = createActionHandlers({
      providers: [scripted('a').provider],
      deadlineMs: 30_000,
      log: (line) => lines.push(line),
    });
    await expect(handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() })).rejects.toThrow(
      'option "deadlineMs"',
    );
    expect(lines[0]).toMatch(/^mfa-sms failed channel=sms code=invalid_config /);
  });

  it('keeps the log line within 256 characters and free of the code, number and secrets', async () => {
    const lines: string[] = [];
    const failing: Provider = {
      name: 'x'.repeat(30),
      channels: ['sms'],
      send: async () => {
        throw new MfaSmsError({ code: 'rejected', message: `${'very long reason '.repeat(30)}` });
      },
    };
    const handlers = createActionHandlers({ providers: [failing], log: (line) => lines.push(line) });
    await expect(handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() })).rejects.toBeDefined();
    expect(lines[0]?.length).toBeLessThanOrEqual(256);
    for (const value of ['493817', '7400123456', secrets.TOKEN])
      expect(lines.join('\n')).not.toContain(value);
  });
});

describe('createActionHandlers and what Auth0 tells about the message', () => {
  function withNotification(notification: Partial<CustomPhoneProviderEvent['notification']>) {
    const event = customEvent();
    return { ...event, notification: { ...event.notification, ...notification } } as CustomPhoneProviderEvent;
  }

  it("sends from the Phone Template's From when Auth0 gives one", async () => {
    const a = scripted('a');
    const handlers = createActionHandlers({ providers: [a.provider], log: () => {} });
    await handlers.onExecuteCustomPhoneProvider(withNotification({ from: '+447700900111' }), customApi().api);
    expect(a.sent[0]?.from).toBe('+447700900111');
    await handlers.onExecuteCustomPhoneProvider(
      withNotification({ from: undefined, code: '111222', as_text: 'Code 111222' }),
      customApi().api,
    );
    expect(a.sent[1]).not.toHaveProperty('from');
  });

  it('keeps the providers own sender when the From is not a sender any provider takes', async () => {
    const a = scripted('a');
    const { api, calls } = customApi();
    const handlers = createActionHandlers({ providers: [a.provider], log: () => {} });
    await handlers.onExecuteCustomPhoneProvider(withNotification({ from: 'Acme Corporation Ltd' }), api);
    expect(calls).toEqual({ retry: [], drop: [] });
    expect(a.sent).toHaveLength(1);
    expect(a.sent[0]).not.toHaveProperty('from');
  });

  it('keeps the providers own sender when useNotificationFrom is false', async () => {
    const a = scripted('a');
    const handlers = createActionHandlers({
      providers: [a.provider],
      useNotificationFrom: false,
      log: () => {},
    });
    await handlers.onExecuteCustomPhoneProvider(withNotification({ from: '+447700900111' }), customApi().api);
    expect(a.sent[0]).not.toHaveProperty('from');
  });

  it('delivers a message type this version does not know, as Auth0 rendered it, and says so in the log', async () => {
    const a = scripted('a');
    const lines: string[] = [];
    const { api, calls } = customApi();
    const handlers = createActionHandlers({
      providers: [a.provider],
      templates: 'builtin',
      log: (line) => lines.push(line),
    });
    await handlers.onExecuteCustomPhoneProvider(
      withNotification({
        message_type: 'account_locked_soon' as CustomPhoneProviderEvent['notification']['message_type'],
        as_text: 'Your Acme account will be locked',
        code: undefined,
      }),
      api,
    );
    expect(calls).toEqual({ retry: [], drop: [] });
    expect(a.sent[0]?.text).toBe('Your Acme account will be locked');
    expect(lines[0]).toMatch(/^mfa-sms sent channel=sms to=\+44\*{6}456 purpose=other provider=a /);
  });

  it('chooses the policy per application, with providers built once per set of secrets', async () => {
    const built: string[] = [];
    const a = scripted('a');
    const b = scripted('b');
    const handlers = createActionHandlers((actionSecrets) => {
      built.push(actionSecrets.TOKEN ?? '');
      const providers = [a.provider, b.provider];
      return (event) =>
        event.client?.client_id === 'partner-app'
          ? { providers: [b.provider], guard: { allowedCountries: ['GB'] }, log: () => {} }
          : { providers, log: () => {} };
    });
    const partner = (code: string) => ({
      ...sendEvent({ code, text: `Your code is ${code}` }),
      client: { client_id: 'partner-app', name: 'Partner' },
    });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() });
    await handlers.onExecuteSendPhoneMessage(partner('111111'), { cache: cache() });
    await handlers.onExecuteSendPhoneMessage(partner('222222'), { cache: cache() });
    await handlers.onExecuteSendPhoneMessage(sendEvent({ code: '333333', text: 'Code 333333' }), {
      cache: cache(),
    });
    expect(a.sent.map((message) => message.code)).toEqual(['493817', '333333']);
    expect(b.sent.map((message) => message.code)).toEqual(['111111', '222222']);
    expect(built).toEqual(['token-value-that-is-secret']);
  });

  it('passes the organization and connection of a custom-phone-provider event', async () => {
    const seen: unknown[] = [];
    const a = scripted('a');
    const handlers = createActionHandlers(() => (event) => {
      seen.push(event);
      return { providers: [a.provider], log: () => {} };
    });
    await handlers.onExecuteCustomPhoneProvider(
      {
        ...customEvent(),
        organization: { id: 'org_1', name: 'acme' },
        connection: { id: 'con_1', name: 'Username-Password-Authentication' },
        client: { client_id: 'c1' },
      },
      customApi().api,
    );
    expect(seen).toEqual([
      {
        trigger: 'custom-phone-provider',
        client: { client_id: 'c1' },
        organization: { id: 'org_1', name: 'acme' },
        connection: { id: 'con_1', name: 'Username-Password-Authentication' },
      },
    ]);
  });

  it('reads a US number without +1 from a GB request as +1, with no default country', async () => {
    const a = scripted('a');
    const handlers = createActionHandlers({ providers: [a.provider], log: () => {} });
    await handlers.onExecuteSendPhoneMessage(sendEvent({ recipient: '4155552671' }), { cache: cache() });
    expect(a.sent[0]?.to).toBe('+14155552671');
  });
});
