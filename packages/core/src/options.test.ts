import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema, parseOptions, transportOptions } from './options.js';

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

describe('transportOptions', () => {
  const transport = z.strictObject(transportOptions('https://api.example.com'));

  it('accepts any undici dispatcher and refuses an object that cannot dispatch', () => {
    const agent = new Agent();
    const recording = agent.compose((dispatch) => (options, handler) => dispatch(options, handler));
    expect(parseOptions(transport, { dispatcher: agent }, { label: 'Acme' }).dispatcher).toBe(agent);
    expect(parseOptions(transport, { dispatcher: recording }, { label: 'Acme' }).dispatcher).toBe(recording);
    // The HTTP helper drives dispatch(); an object with request() alone would fail at the first send.
    expect(() =>
      parseOptions(transport, { dispatcher: { request: () => undefined } }, { label: 'Acme' }),
    ).toThrow(/option "dispatcher" is invalid: must be an undici Dispatcher/);
  });

  it('defaults the base URL and the timeout', () => {
    expect(parseOptions(transport, {}, { label: 'Acme' })).toEqual({
      baseUrl: 'https://api.example.com',
      timeoutMs: 10_000,
    });
  });
});
