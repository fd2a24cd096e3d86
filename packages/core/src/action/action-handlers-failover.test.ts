import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneMessage, Provider, SendOptions } from '../contract/types.js';
import { cache, customApi, customEvent, sendEvent } from './action-events.test-helper.js';
import { createActionHandlers } from './action-handlers.js';

// A provider that accepts the request and never answers, deaf to its timeout and to the signal:
// the worst a provider (or the network in front of it) can do to a login.
function hanging(name: string) {
  const calls: SendOptions[] = [];
  const provider: Provider = {
    name,
    channels: ['sms'],
    send(_message, options) {
      calls.push(options ?? {});
      return new Promise(() => {});
    },
  };
  return { provider, calls };
}

function delivering(name: string) {
  const sent: PhoneMessage[] = [];
  const provider: Provider = {
    name,
    channels: ['sms'],
    async send(message) {
      sent.push(message);
      return { provider: name, channel: message.channel, id: `${name}-1`, to: message.to };
    },
  };
  return { provider, sent };
}

// The router's clock is faked, so that five seconds of a hanging provider take no real time.
describe('createActionHandlers with its default budgets', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers through the second provider when the first hangs, well under 10 s', async () => {
    const first = hanging('first');
    const second = delivering('second');
    const lines: string[] = [];
    const handlers = createActionHandlers({
      providers: [first.provider, second.provider],
      log: (line) => lines.push(line),
    });
    const started = performance.now();
    let done = false;
    const execution = handlers
      .onExecuteSendPhoneMessage(sendEvent({ recipient: '+447400123456', secrets: {} }), { cache: cache() })
      .finally(() => {
        done = true;
      });
    await vi.advanceTimersByTimeAsync(4900);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await execution;
    expect(performance.now() - started).toBeLessThanOrEqual(5100);
    expect(first.calls[0]?.timeoutMs).toBe(5000);
    expect(first.calls[0]?.signal?.aborted).toBe(true);
    expect(second.sent).toHaveLength(1);
    expect(lines[0]).toContain('attempts=first:timeout,second:ok');
  });

  it('asks Auth0 to retry a custom phone provider notification when every provider hangs', async () => {
    const handlers = createActionHandlers({
      providers: [hanging('first').provider, hanging('second').provider],
      log: () => {},
    });
    const { calls, api } = customApi();
    const execution = handlers.onExecuteCustomPhoneProvider(customEvent(), api);
    await vi.advanceTimersByTimeAsync(10_000);
    await execution;
    expect(calls.retry).toHaveLength(1);
    expect(calls.retry[0]).toMatch(/^timeout: /);
  });
});
