import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { optionsSchema } from './aws-options.js';
import type { AwsOptions } from './index.js';

describe('@mfa-sms/aws public API', () => {
  it('exports its factory and plugin, nothing internal (a change here is a change of the API: README and changeset)', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual(['createAws', 'plugin']);
  });

  it('states the options type its schema accepts', () => {
    expectTypeOf<AwsOptions>().toEqualTypeOf<z.input<ReturnType<typeof optionsSchema>>>();
  });
});
