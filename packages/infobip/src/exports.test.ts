import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { InfobipOptions } from './index.js';
import type { optionsSchema } from './infobip-options.js';

describe('@mfa-sms/infobip public API', () => {
  it('exports its factory and plugin, nothing internal (a change here is a change of the API: README and changeset)', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual(['createInfobip', 'plugin']);
  });

  it('states the options type its schema accepts', () => {
    expectTypeOf<InfobipOptions>().toEqualTypeOf<z.input<ReturnType<typeof optionsSchema>>>();
  });
});
