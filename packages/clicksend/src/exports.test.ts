import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { optionsSchema } from './clicksend-options.js';
import type { ClickSendOptions } from './index.js';

describe('@mfa-sms/clicksend public API', () => {
  it('exports its factory and plugin and nothing internal (a change here is a change of the API: README and changeset)', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual(['createClickSend', 'plugin']);
  });

  it('states the options type its schema accepts', () => {
    expectTypeOf<ClickSendOptions>().toEqualTypeOf<z.input<ReturnType<typeof optionsSchema>>>();
  });
});
