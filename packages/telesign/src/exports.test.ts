import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { TelesignOptions } from './index.js';
import type { optionsSchema } from './telesign-options.js';

describe('@mfa-sms/telesign public API', () => {
  it('exports its factory and plugin and nothing internal (a change here is a change of the API: README and changeset)', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual(['createTelesign', 'plugin']);
  });

  it('states the options type its schema accepts', () => {
    expectTypeOf<TelesignOptions>().toEqualTypeOf<z.input<ReturnType<typeof optionsSchema>>>();
  });
});
