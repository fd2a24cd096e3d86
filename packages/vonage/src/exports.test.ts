import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { VonageOptions } from './index.js';
import type { optionsSchema } from './vonage-options.js';

describe('@mfa-sms/vonage public API', () => {
  it('exports its factory and nothing internal (a change here is a change of the API: README and changeset)', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual(['createVonage', 'plugin']);
  });

  it('states the options type its schema accepts', () => {
    expectTypeOf<VonageOptions>().toEqualTypeOf<z.input<ReturnType<typeof optionsSchema>>>();
  });
});
