import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { TwilioOptions } from './index.js';
import type { optionsSchema } from './twilio-options.js';

describe('@mfa-sms/twilio public API', () => {
  it('exports its factory and nothing internal (a change here is a change of the API: README and changeset)', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual(['createTwilio', 'plugin']);
  });

  it('states the options type its schema accepts', () => {
    expectTypeOf<TwilioOptions>().toEqualTypeOf<z.input<ReturnType<typeof optionsSchema>>>();
  });
});
