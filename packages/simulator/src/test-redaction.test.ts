import { MfaSmsError } from '@mfa-sms/core';
import { describe, expect, it } from 'vitest';
import { withDefaults } from './test-defaults.js';
import { testMessage } from './test-message.js';
import { expectHidden, testRedaction } from './test-redaction.js';

interface ToyOptions {
  apiKey: string;
  timeoutMs?: number;
}

const seen: { options: ToyOptions; channel: string; arranged: string[] }[] = [];
const arranged: string[] = [];

/** A provider that fails every send and keeps its key and the number to itself. */
function createToy(options: ToyOptions) {
  return {
    async send(message: { to: string; channel: string }) {
      seen.push({ options, channel: message.channel, arranged: [...arranged] });
      throw new MfaSmsError({ code: 'rejected', provider: 'toy', message: 'Toy refused the message' });
    },
  };
}

describe('testRedaction', () => {
  testRedaction(createToy, {
    options: () => ({ apiKey: 'toy-key-000000000000' }),
    messages: [testMessage(), testMessage({ channel: 'voice' })],
    scenarios: [
      { what: 'a refusal', arrange: (message) => arranged.push(message.channel) },
      { what: 'a wrong key', options: { apiKey: 'wrong-key-0000000000' }, messages: [testMessage()] },
      { what: 'a short timeout', options: () => ({ timeoutMs: 300 }), messages: [testMessage()] },
    ],
    hidden: (options) => [options.apiKey, '493817', '447400123456'],
    kept: 'the key',
  });

  it('ran each scenario with its messages and options, arranged first', () => {
    expect(seen.map(({ options, channel }) => [options.apiKey, options.timeoutMs, channel])).toEqual([
      ['toy-key-000000000000', undefined, 'sms'],
      ['toy-key-000000000000', undefined, 'voice'],
      ['wrong-key-0000000000', undefined, 'sms'],
      ['toy-key-000000000000', 300, 'sms'],
    ]);
    expect(seen.map((send) => send.arranged)).toEqual([
      ['sms'],
      ['sms', 'voice'],
      ['sms', 'voice'],
      ['sms', 'voice'],
    ]);
  });
});

describe('expectHidden', () => {
  const error = new MfaSmsError({
    code: 'rejected',
    provider: 'toy',
    message: 'Toy refused the message',
    cause: new Error('the body said key-in-the-cause'),
  });

  it('passes when nothing shows, and fails on a value in a cause, naming its place only', () => {
    expect(() => expectHidden(error, ['toy-key-000000000000'])).not.toThrow();
    expect(() => expectHidden(error, ['toy-key-000000000000', 'key-in-the-cause'])).toThrow(
      /^hidden value #1 is visible in the error/,
    );
  });
});

describe('withDefaults', () => {
  it('reads the defaults on each call and lays the overrides over them', () => {
    let key = 'first';
    const toy = withDefaults(
      (options: ToyOptions) => options,
      () => ({ apiKey: key, timeoutMs: 1000 }),
    );
    expect(toy()).toEqual({ apiKey: 'first', timeoutMs: 1000 });
    key = 'second';
    expect(toy({ timeoutMs: 300 })).toEqual({ apiKey: 'second', timeoutMs: 300 });
  });
});
