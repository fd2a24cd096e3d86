import { parseOptions } from '@mfa-sms/core/provider';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { transportOptions } from './transport-options.js';

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

  it('refuses a base URL that is not http(s) and a timeout out of range, by name', () => {
    expect(() => parseOptions(transport, { baseUrl: 'ftp://example.com' }, { label: 'Acme' })).toThrow(
      /option "baseUrl" is invalid: must be an http or https URL/,
    );
    expect(() => parseOptions(transport, { timeoutMs: 60_001 }, { label: 'Acme' })).toThrow(
      /option "timeoutMs" is invalid/,
    );
  });

  it('leaves the base URL unset without a default', () => {
    expect(parseOptions(z.strictObject(transportOptions()), {}, { label: 'Acme' })).toEqual({
      timeoutMs: 10_000,
    });
  });
});
