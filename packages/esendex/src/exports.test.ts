import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { optionsSchema } from './esendex-provider.js';
import type { EsendexOptions } from './index.js';

describe('@mfa-sms/esendex public API', () => {
  it('exports its factory and nothing internal (a change here is a change of the API: README and changeset)', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual(['createEsendex', 'plugin']);
  });

  it('states the options type its schema accepts', () => {
    expectTypeOf<EsendexOptions>().toEqualTypeOf<z.input<ReturnType<typeof optionsSchema>>>();
  });
});
