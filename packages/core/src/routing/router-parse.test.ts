import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneMessage } from '../contract/types.js';
import { countryPolicy, mappedProvider } from './parse-once.test-helper.js';
import { createRouter } from './router.js';

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

const message = (to: string): PhoneMessage => ({
  to,
  text: 'Your code is 493817',
  channel: 'sms',
  code: '493817',
});

describe('a router parses the number of a message it is given once', () => {
  beforeEach(() => {
    parses.count = 0;
  });

  it('once for the guard, the routes, the country limit and the sender map together', async () => {
    const { provider, sent } = mappedProvider();
    const router = createRouter({ providers: [provider], ...countryPolicy });
    await router.send(message('+447400123456'));
    expect(sent.map((entry) => entry.from)).toEqual(['+447700900001']);
    expect(parses.count).toBe(1);
    await router.send(message('+33612345678'));
    expect(sent.map((entry) => entry.from)).toEqual(['+447700900001', '+33700000001']);
    expect(parses.count).toBe(2);
  });

  it('still checks everything: a country outside the allow list is refused before any provider', async () => {
    const { provider, sent } = mappedProvider();
    const router = createRouter({ providers: [provider], ...countryPolicy });
    await expect(router.send(message('+4915123456789'))).rejects.toMatchObject({
      code: 'blocked_destination',
      message: expect.stringContaining('country DE is not in the allowed list'),
    });
    expect(sent).toHaveLength(0);
  });

  it('parses again a message whose number changed after it was checked, and checks the new one', async () => {
    const { provider, sent } = mappedProvider();
    const router = createRouter({ providers: [provider], ...countryPolicy });
    const changing = message('+447400123456');
    expect(router.check(changing).map((candidate) => candidate.name)).toEqual(['mapped']);
    changing.to = '+4915123456789';
    await expect(router.send(changing)).rejects.toMatchObject({ code: 'blocked_destination' });
    expect(sent).toHaveLength(0);
    expect(parses.count).toBe(2);
  });

  it('plan and send share the parse when given the same message', async () => {
    const { provider } = mappedProvider();
    const router = createRouter({ providers: [provider], ...countryPolicy });
    const same = message('+447400123456');
    expect(router.plan(same)).toHaveLength(1);
    await router.send(same);
    expect(parses.count).toBe(1);
  });
});
