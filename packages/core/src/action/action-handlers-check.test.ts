import { createFakeAuth0Cache, sendPhoneMessageEvent } from '@mfa-sms/simulator/auth0';
import { describe, expect, it } from 'vitest';
import type { PhoneMessage, Provider } from '../contract/types.js';
import { createActionHandlers } from './action-handlers.js';

// On the simulator's fake Auth0 runtime: a national number the request's country (GB) completes.
const sendEvent = () =>
  sendPhoneMessageEvent({ recipient: '07400 123456', code: '493817', text: 'Your code is 493817' });
const cache = () => createFakeAuth0Cache();

// A provider's cannotSend is asked once each time the router checks a message (the guard, the
// routing and the senders together): how many times a send was checked.
function checkedProvider() {
  const sent: PhoneMessage[] = [];
  const checks: string[] = [];
  const provider: Provider = {
    name: 'checked',
    channels: ['sms'],
    cannotSend(message) {
      checks.push(message.to);
      return undefined;
    },
    async send(message) {
      sent.push(message);
      return { provider: 'checked', channel: 'sms', id: `id-${sent.length}`, to: message.to };
    },
  };
  return { provider, sent, checks };
}

describe('createActionHandlers checks a message once', () => {
  it('runs the guard and the routing once for a message it sends', async () => {
    const { provider, sent, checks } = checkedProvider();
    const handlers = createActionHandlers({ providers: [provider], log: () => {} });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() });
    expect(sent).toHaveLength(1);
    expect(checks).toEqual(['+447400123456']);
  });

  it('checks a duplicate and a dry run too, once each, and sends neither', async () => {
    const { provider, sent, checks } = checkedProvider();
    const shared = cache();
    const handlers = createActionHandlers({ providers: [provider], log: () => {} });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: shared });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: shared });
    expect(sent).toHaveLength(1);
    expect(checks).toHaveLength(2);

    const dry = checkedProvider();
    const lines: string[] = [];
    const dryRun = createActionHandlers({
      providers: [dry.provider],
      dryRun: true,
      log: (line) => lines.push(line),
    });
    await dryRun.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() });
    expect(dry.sent).toHaveLength(0);
    expect(dry.checks).toHaveLength(1);
    expect(lines[0]).toMatch(/^mfa-sms dry-run /);
  });

  it('still refuses a blocked destination before any provider is asked to send', async () => {
    const { provider, sent } = checkedProvider();
    const handlers = createActionHandlers({
      providers: [provider],
      guard: { blockedCountries: ['GB'] },
      log: () => {},
    });
    await expect(handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: cache() })).rejects.toMatchObject({
      code: 'blocked_destination',
    });
    expect(sent).toHaveLength(0);
  });
});
