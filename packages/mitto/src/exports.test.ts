import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { MittoOptions } from './index.js';
import type { optionsSchema } from './mitto-provider.js';

describe('@mfa-sms/mitto public API', () => {
  it('exports its factory and nothing internal (a change here is a change of the API: README and changeset)', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual(['createMitto', 'plugin']);
  });

  it('states the options type its schema accepts', () => {
    expectTypeOf<MittoOptions>().toEqualTypeOf<z.input<ReturnType<typeof optionsSchema>>>();
  });
});
