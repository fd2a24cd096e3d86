import { MfaSmsError } from '@mfa-sms/core';
import { lazySchema, parseOptions } from '@mfa-sms/core/provider';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { expectRefusal, testOptions } from './test-options.js';

interface ToyOptions {
  apiKey: string;
  from?: string;
  voice?: { language?: string };
}

const schema = lazySchema(() =>
  z.strictObject({
    apiKey: z.string().check(z.regex(/^\S{12,}$/, 'must be 12 or more characters without spaces')),
    from: z.optional(z.string().check(z.maxLength(11, 'must be at most 11 characters'))),
    voice: z.optional(z.strictObject({ language: z.optional(z.enum(['en-GB', 'fr-FR'])) })),
  }),
);

function createToy(options: ToyOptions) {
  parseOptions(schema, options, { provider: 'toy', label: 'Toy' });
  return { name: 'toy' };
}

const valid = (): ToyOptions => ({ apiKey: 'toy-key-000000000000', from: 'Acme' });

describe('testOptions on a factory that refuses as it should', () => {
  testOptions(createToy, {
    provider: 'toy',
    valid,
    bad: [
      { what: 'a missing key', options: { apiKey: undefined }, option: 'apiKey' },
      { what: 'a key with spaces', options: { apiKey: 'a key with spaces' }, option: 'apiKey' },
      { what: 'a sender too long', options: { from: 'AcmeCorporation' }, option: 'from' },
      {
        what: 'a language it cannot speak',
        options: { voice: { language: 'xx-YY' } },
        option: 'voice.language',
      },
      {
        what: 'an unknown voice option',
        options: { voice: { speed: 2 } },
        option: 'voice',
        errorOption: 'speed',
      },
    ],
    unknown: { region: 'eu' },
    secrets: () => ['toy-key-000000000000'],
  });
});

describe('expectRefusal fails the test', () => {
  const suite = { provider: 'toy', valid, secrets: () => ['toy-key-000000000000'] };
  const bad = { options: { from: 'AcmeCorporation' }, option: 'from' };

  it('when the factory accepts the option', () => {
    expect(() => expectRefusal(() => ({}), suite, bad)).toThrow(/expected the factory to throw/);
  });

  /** A factory that refuses `from` with the given message and cause. */
  const refusing =
    (say: (options: ToyOptions) => { message: string; cause?: Error }) => (options: ToyOptions) => {
      throw new MfaSmsError({ code: 'invalid_config', provider: 'toy', option: 'from', ...say(options) });
    };

  it('when the message echoes the value', () => {
    const echoing = refusing((options) => ({
      message: `Toy option "from" is invalid: ${options.from} is too long`,
    }));
    expect(() => expectRefusal(echoing, suite, bad)).toThrow(/hidden value #0/);
  });

  it('when the error shows a secret', () => {
    const leaking = refusing((options) => ({
      message: 'Toy option "from" is invalid',
      cause: new Error(`with key ${options.apiKey}`),
    }));
    // #0 is the bad value, #1 the first secret.
    expect(() => expectRefusal(leaking, suite, bad)).toThrow(/hidden value #1/);
  });

  it('when the error names another option, or another provider', () => {
    expect(() => expectRefusal(createToy, suite, { ...bad, option: 'apiKey' })).toThrow();
    expect(() => expectRefusal(createToy, { ...suite, provider: 'acme' }, bad)).toThrow();
  });
});
