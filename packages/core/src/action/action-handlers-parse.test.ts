import { inspect } from 'node:util';
import { createFakeAuth0Cache, sendPhoneMessageEvent } from '@mfa-sms/simulator/auth0';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { countryPolicy, mappedProvider } from '../routing/parse-once.test-helper.js';
import { createActionHandlers } from './action-handlers.js';

// Counts libphonenumber's parses by wrapping the one function core parses with: a test-only mock,
// so the production code carries no counter.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../phone/libphonenumber.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../phone/libphonenumber.js')>();
  return {
    ...actual,
    parsePhoneNumberWithError: (...args: Parameters<typeof actual.parsePhoneNumberWithError>) => {
      parses.count += 1;
      return actual.parsePhoneNumberWithError(...args);
    },
  };
});

// On the simulator's fake Auth0 runtime: a national number the request's country (GB) completes,
// in one reading.
const sendEvent = (code = '493817') =>
  sendPhoneMessageEvent({ recipient: '07400 123456', code, text: `Your code is ${code}` });

describe('createActionHandlers parses a number once per send', () => {
  beforeEach(() => {
    parses.count = 0;
  });

  it('normalises it, and the guard, routes, limits and sender map use that parse', async () => {
    const { provider, sent } = mappedProvider();
    const handlers = createActionHandlers({ providers: [provider], ...countryPolicy, log: () => {} });
    const cache = createFakeAuth0Cache();
    await handlers.onExecuteSendPhoneMessage(sendEvent('493817'), { cache });
    expect(sent.map((entry) => entry.from)).toEqual(['+447700900001']);
    expect(parses.count).toBe(1);
    await handlers.onExecuteSendPhoneMessage(sendEvent('182736'), { cache });
    expect(sent).toHaveLength(2);
    expect(parses.count).toBe(2);
  });

  it('hands providers a PhoneMessage whose fields, copies, JSON and inspection show nothing new', async () => {
    const { provider, sent } = mappedProvider();
    const handlers = createActionHandlers({ providers: [provider], ...countryPolicy, log: () => {} });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: createFakeAuth0Cache() });
    const message = sent[0]?.message;
    const fields = ['to', 'text', 'channel', 'code', 'language', 'reference', 'from'];
    expect(Object.keys(message ?? {}).filter((key) => !fields.includes(key))).toEqual([]);
    const symbols = Object.getOwnPropertySymbols(message);
    expect(symbols.every((symbol) => !Object.getOwnPropertyDescriptor(message, symbol)?.enumerable)).toBe(
      true,
    );
    expect({ ...message }).toEqual(message);
    expect(inspect(message)).not.toContain('Symbol');
    expect(JSON.parse(JSON.stringify(message))).toEqual({ ...message });
  });

  it('parses once for a duplicate and for a dry run too', async () => {
    const { provider, sent } = mappedProvider();
    const cache = createFakeAuth0Cache();
    const handlers = createActionHandlers({ providers: [provider], ...countryPolicy, log: () => {} });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache });
    await handlers.onExecuteSendPhoneMessage(sendEvent(), { cache });
    expect(sent).toHaveLength(1);
    expect(parses.count).toBe(2);

    parses.count = 0;
    const lines: string[] = [];
    const dryRun = createActionHandlers({
      providers: [mappedProvider().provider],
      ...countryPolicy,
      dryRun: true,
      log: (line) => lines.push(line),
    });
    await dryRun.onExecuteSendPhoneMessage(sendEvent(), { cache: createFakeAuth0Cache() });
    expect(lines[0]).toMatch(/^mfa-sms dry-run /);
    expect(parses.count).toBe(1);
  });

  it('still refuses a country outside the allow list, from that one parse', async () => {
    const { provider, sent } = mappedProvider();
    const handlers = createActionHandlers({
      providers: [provider],
      ...countryPolicy,
      guard: { allowedCountries: ['FR'] },
      log: () => {},
    });
    await expect(
      handlers.onExecuteSendPhoneMessage(sendEvent(), { cache: createFakeAuth0Cache() }),
    ).rejects.toMatchObject({ code: 'blocked_destination' });
    expect(sent).toHaveLength(0);
    expect(parses.count).toBe(1);
  });
});
