import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { lazySchema, parseOptions } from './options.js';

const schema = z.strictObject({
  apiKey: z.string().min(8),
  nested: z.object({ list: z.array(z.string().regex(/^[A-Z]{2}$/)) }).optional(),
});

function failure(input: unknown): Error {
  try {
    parseOptions(schema, input, { provider: 'acme', label: 'Acme' });
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('parseOptions', () => {
  it('returns the parsed options', () => {
    expect(parseOptions(schema, { apiKey: '12345678' }, { label: 'Acme' })).toEqual({ apiKey: '12345678' });
  });

  it('names the bad option and never its value', () => {
    const error = failure({ apiKey: 'short-1' });
    expect(error).toMatchObject({ code: 'invalid_config', provider: 'acme', option: 'apiKey' });
    expect(error.message).toMatch(/^Acme option "apiKey" is invalid/);
    expect(error.message).not.toContain('short-1');
  });

  it('puts the top-level option on the error, for nested paths and unknown options too', () => {
    expect(failure({ apiKey: '12345678', nested: { list: ['gbr'] } })).toMatchObject({ option: 'nested' });
    expect(failure({ apiKey: '12345678', apiSecret: 'x' })).toMatchObject({ option: 'apiSecret' });
    expect(failure(undefined)).toMatchObject({ option: 'apiKey' });
  });

  it('names nested paths and counts further problems', () => {
    const error = failure({ apiKey: 1, nested: { list: ['GB', 'gbr'] } });
    expect(error.message).toContain('option "apiKey"');
    expect(error.message).toContain('(and 1 more problem)');
    expect(failure({ apiKey: '12345678', nested: { list: ['GB', 'gbr'] } }).message).toContain(
      '"nested.list[1]"',
    );
  });

  it('names unknown options', () => {
    expect(failure({ apiKey: '12345678', apiKee: 'x' }).message).toContain('unknown option "apiKee"');
  });

  it('treats missing options as an empty object', () => {
    expect(failure(undefined).message).toContain('option "apiKey"');
  });
});

describe('lazySchema', () => {
  it('builds the schema on first use, once, and parseOptions takes it as it is', () => {
    let builds = 0;
    const lazy = lazySchema(() => {
      builds += 1;
      return schema;
    });
    expect(builds).toBe(0);
    expect(parseOptions(lazy, { apiKey: '12345678' }, { label: 'Acme' })).toEqual({ apiKey: '12345678' });
    expect(() => parseOptions(lazy, { apiKey: 'short' }, { label: 'Acme' })).toThrow(/option "apiKey"/);
    expect(lazy()).toBe(lazy());
    expect(builds).toBe(1);
  });
});

describe('Schema', () => {
  it('is any object with safeParse: a schema from another copy of zod, or none at all', () => {
    const digits = {
      safeParse: (input: unknown) =>
        typeof input === 'object' && input !== null && /^\d+$/.test(String((input as { pin?: unknown }).pin))
          ? { success: true as const, data: input as { pin: string } }
          : { success: false as const, error: { issues: [{ path: ['pin'], message: 'must be digits' }] } },
    };
    expect(parseOptions(digits, { pin: '1234' }, { label: 'Lock' })).toEqual({ pin: '1234' });
    expect(() => parseOptions(digits, { pin: 'abcd' }, { label: 'Lock' })).toThrow(
      'Lock option "pin" is invalid: must be digits',
    );
  });
});

describe("zod's messages", () => {
  // zod's configuration is one object shared by every copy of zod in the process (globalThis).
  const config = z.config();
  const saved = config.localeError;
  const build = () => lazySchema(() => z.strictObject({ pin: z.string().min(4) }));

  it('are English when nothing is configured, installed when a schema is first built', () => {
    try {
      config.localeError = undefined;
      expect(() => parseOptions(build(), { pin: '12' }, { label: 'Lock' })).toThrow(
        'Lock option "pin" is invalid: Too small: expected string to have >=4 characters',
      );
    } finally {
      config.localeError = saved;
    }
  });

  it("are the user's own when a locale is configured: core never replaces it", () => {
    try {
      config.localeError = () => 'trop court';
      expect(() => parseOptions(build(), { pin: '12' }, { label: 'Lock' })).toThrow(
        'Lock option "pin" is invalid: trop court',
      );
    } finally {
      config.localeError = saved;
    }
  });
});
