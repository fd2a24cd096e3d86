import { describe, expect, it } from 'vitest';
import { errorCodes, isRetryableCode } from '../errors/errors.js';
import { classifyAnswer, codeForStatus, type ProviderErrorRule } from './classify-answer.js';

// A provider table as the provider packages write them: their own code → ours.
const table = new Map<number, ProviderErrorRule>([
  [21211, { code: 'invalid_recipient', meaning: 'not a valid number' }],
  [20429, { code: 'rate_limited', meaning: 'too many requests at the provider' }],
  [1, { code: 'provider_unavailable', meaning: 'internal error' }],
]);
const lookup = (code: number) => table.get(code);

describe('classifyAnswer', () => {
  it.each([
    [408, 'timeout'],
    [425, 'provider_unavailable'],
    [429, 'rate_limited'],
    [500, 'provider_unavailable'],
    [502, 'provider_unavailable'],
    [503, 'provider_unavailable'],
    [504, 'provider_unavailable'],
  ] as const)('lets HTTP %i decide, retryable, whatever code the body carries', (status, code) => {
    for (const providerCode of [undefined, 21211, 99999]) {
      expect(classifyAnswer(status, providerCode, lookup)).toMatchObject({ code, retryable: true });
    }
    expect(classifyAnswer(status).meaning).toEqual(expect.any(String));
  });

  it("keeps the table's explanation when it agrees with the deciding status", () => {
    expect(classifyAnswer(429, 20429, lookup).meaning).toBe('too many requests at the provider');
    expect(classifyAnswer(503, 21211, lookup).meaning).not.toContain('valid number');
  });

  it("otherwise maps the provider's code through its table", () => {
    expect(classifyAnswer(400, 21211, lookup)).toEqual({
      code: 'invalid_recipient',
      retryable: false,
      meaning: 'not a valid number',
    });
    // An in-band transient error on an HTTP 200 (Vonage status 1, Mitto responseCode 1).
    expect(classifyAnswer(200, 1, lookup)).toMatchObject({ code: 'provider_unavailable', retryable: true });
  });

  it('falls back to the HTTP status for an unknown code or none', () => {
    expect(classifyAnswer(400, 29999, lookup)).toEqual({ code: 'rejected', retryable: false });
    expect(classifyAnswer(401)).toEqual({ code: 'auth_failed', retryable: false });
    expect(classifyAnswer(402, undefined, lookup)).toEqual({ code: 'insufficient_funds', retryable: false });
    expect(classifyAnswer(200, 42, lookup)).toEqual({ code: 'rejected', retryable: false });
  });

  it("takes retryability from core's code table, never from the provider", () => {
    for (const code of errorCodes) {
      const classified = classifyAnswer(400, 'x', () => ({ code }));
      expect(classified).toMatchObject({ code, retryable: isRetryableCode(code) });
    }
    for (let status = 400; status < 600; status += 1)
      expect(classifyAnswer(status).retryable).toBe(isRetryableCode(codeForStatus(status)));
  });
});
