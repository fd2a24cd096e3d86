import { inspect } from 'node:util';
import { createRouter, type Provider } from '@mfa-sms/core';
import { describe, expect, it } from 'vitest';
import type { ProviderName } from './credentials.js';
import type { ErrorKind, Fault } from './faults.js';
import type { Simulator } from './simulator.js';
import { closedPort } from './test-helpers.js';
import { testMessage } from './test-message.js';
import { expectHidden } from './test-redaction.js';
import { useSimulator } from './test-simulator.js';

/**
 * The part of `@mfa-sms/core`'s Provider this suite drives, kept structural so that a provider
 * built on another copy of core conforms too. The suite itself uses core's router for its
 * failover cells; what it expects of each answer is written here, not taken from core.
 */
export interface ConformingProvider {
  name: string;
  channels: readonly ('sms' | 'voice')[];
  send(
    message: { to: string; text: string; channel: 'sms' | 'voice'; code?: string; reference?: string },
    options?: { signal?: AbortSignal; timeoutMs?: number },
  ): Promise<{ provider: string; channel: string; id: string; to: string }>;
}

export interface TestProviderOptions {
  /** The simulated provider whose faults are injected. */
  name: ProviderName;
  /** Channels to run the matrix for. */
  channels: readonly ('sms' | 'voice')[];
  /**
   * Builds the provider against the simulator with its `credentials` and the given transport
   * options, which can be spread into the provider's options: `baseUrl` (the simulator's `url`,
   * or a closed port for the refused-connection cell) and `timeoutMs`.
   */
  create(simulator: Simulator, transport: { timeoutMs: number; baseUrl: string }): ConformingProvider;
  /** Values that must never show in an error; the simulator's credentials for `name` are always included. */
  secrets?(simulator: Simulator): readonly string[];
}

interface Cell {
  fault: string;
  inject: Fault | 'refused' | 'abort';
  expected: { codes: readonly string[]; retryable: boolean; status?: number; retryAfterMs?: number };
}

const errorCell = (
  kind: ErrorKind,
  codes: readonly string[],
  retryable: boolean,
  extra: Partial<Fault & { type: 'error' }> = {},
): Cell => ({
  fault: `${kind}${'status' in extra ? ` (HTTP ${extra.status})` : ''}`,
  inject: { type: 'error', kind, ...extra } as Fault,
  expected: { codes, retryable },
});

/**
 * Statuses that mean "not processed, try again" get the same answer from every provider, whatever
 * the body says: as an empty answer, and as the provider's own invalid-number error on that status.
 */
function statusCells(): Cell[] {
  const meaning: readonly [number, string][] = [
    [408, 'timeout'],
    [425, 'provider_unavailable'],
    [429, 'rate_limited'],
    [500, 'provider_unavailable'],
    [502, 'provider_unavailable'],
    [503, 'provider_unavailable'],
    [504, 'provider_unavailable'],
  ];
  return meaning.flatMap(([status, code]): Cell[] => [
    {
      fault: `HTTP ${status} with an empty body`,
      inject: { type: 'status', status, body: '' },
      expected: { codes: [code], retryable: true, status },
    },
    {
      fault: `HTTP ${status} with an invalid-number error body`,
      inject: { type: 'error', kind: 'invalid-number', status },
      expected: { codes: [code], retryable: true, status },
    },
  ]);
}

/** The fault matrix: every cell is run for every channel of the provider. */
export const faultMatrix: readonly Cell[] = [
  errorCell('invalid-number', ['invalid_recipient'], false),
  errorCell('auth', ['auth_failed'], false),
  {
    fault: 'HTTP 401',
    inject: { type: 'status', status: 401, body: '' },
    expected: { codes: ['auth_failed'], retryable: false, status: 401 },
  },
  {
    fault: 'HTTP 403',
    inject: { type: 'status', status: 403, body: '' },
    expected: { codes: ['auth_failed'], retryable: false, status: 403 },
  },
  errorCell('no-credit', ['insufficient_funds'], false),
  errorCell('not-found', ['rejected', 'bad_response'], false),
  errorCell('method-not-allowed', ['rejected', 'bad_response'], false),
  {
    fault: 'HTTP 429 with Retry-After: 2',
    inject: { type: 'error', kind: 'rate-limit', status: 429, retryAfter: 2 },
    expected: { codes: ['rate_limited'], retryable: true, retryAfterMs: 2000 },
  },
  errorCell('unavailable', ['provider_unavailable'], true, { status: 500 }),
  errorCell('unavailable', ['provider_unavailable'], true, { status: 502 }),
  errorCell('unavailable', ['provider_unavailable'], true, { status: 503 }),
  errorCell('transient', ['provider_unavailable', 'rate_limited'], true),
  ...statusCells(),
  { fault: 'no answer', inject: { type: 'no-answer' }, expected: { codes: ['timeout'], retryable: true } },
  {
    fault: 'connection reset mid-response',
    inject: { type: 'reset' },
    expected: { codes: ['network'], retryable: true },
  },
  { fault: 'connection refused', inject: 'refused', expected: { codes: ['network'], retryable: true } },
  {
    fault: '200 with malformed JSON',
    inject: { type: 'malformed', body: 'json' },
    expected: { codes: ['bad_response'], retryable: false },
  },
  {
    fault: '200 with an HTML page',
    inject: { type: 'malformed', body: 'html' },
    expected: { codes: ['bad_response'], retryable: false },
  },
  {
    fault: '200 with an empty body',
    inject: { type: 'malformed', body: 'empty' },
    expected: { codes: ['bad_response'], retryable: false },
  },
  {
    fault: '200 with a body of 5 MB',
    inject: { type: 'malformed', body: 'huge' },
    expected: { codes: ['bad_response'], retryable: false },
  },
  { fault: 'abort through AbortSignal', inject: 'abort', expected: { codes: [], retryable: false } },
];

const timeoutMs = 400;
// Generous for a loaded 2-core CI machine; what matters is "bounded", not the exact figure.
const settleMarginMs = 1500;

function isMfaSmsError(value: unknown): value is Error & Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[Symbol.for('mfa-sms.error')] === true
  );
}

/**
 * Runs the fault matrix against a provider through the simulator, for each of its channels:
 * the error's `code`, `retryable`, `provider`, `status` and `retryAfterMs`, a bounded time to
 * settle, and that no secret, code or full number leaks into the error. Call it at the top
 * level of a vitest test file.
 */
export function testProvider(options: TestProviderOptions): void {
  describe(`${options.name}: conformance`, () => {
    const { simulator } = useSimulator();

    for (const channel of options.channels) {
      const message = testMessage({ channel, reference: 'conformance-1' });

      it(`sends ${channel} when nothing fails`, async () => {
        const provider = options.create(simulator, { timeoutMs, baseUrl: simulator.url });
        const result = await provider.send(message);
        expect(result).toMatchObject({ provider: options.name, channel, to: message.to });
        expect(result.id).toEqual(expect.any(String));
        // Of this channel: on a loaded machine a request another channel's cell gave up on can
        // reach the simulator after its reset.
        expect(simulator.messages.filter((sent) => sent.channel === channel)).toHaveLength(1);
      });

      it(`${channel}: the first provider hangs, the second delivers (a router with default budgets)`, async () => {
        simulator.fail(options.name, { type: 'no-answer' }, { channel, times: 1 });
        const first = options.create(simulator, { timeoutMs, baseUrl: simulator.url });
        const backup = options.create(simulator, { timeoutMs, baseUrl: simulator.url });
        // A second instance of the same provider, under another name: the router wants unique names.
        const second: ConformingProvider = {
          name: `${backup.name}-backup`,
          channels: backup.channels,
          send: (sent, sendOptions) => backup.send(sent, sendOptions),
        };
        // Behind a router with its default budgets, as users run it.
        const router = createRouter({ providers: [first, second] as Provider[] });
        const started = performance.now();
        const result = await router.send(message);
        const elapsed = performance.now() - started;
        expect(result.provider).toBe(options.name);
        expect(result.attempts.map((attempt) => [attempt.provider, attempt.code])).toEqual([
          [options.name, 'timeout'],
          [`${options.name}-backup`, 'ok'],
        ]);
        expect(simulator.messages).toHaveLength(1);
        // The provider's own timeout holds inside a router: the router may shorten it, never lengthen it.
        expect(elapsed).toBeLessThan(timeoutMs + settleMarginMs);
      });

      for (const cell of faultMatrix) {
        it(`${channel}: ${cell.fault} → ${cell.expected.codes.join(' or ') || 'the abort reason'}`, async () => {
          let provider = options.create(simulator, { timeoutMs, baseUrl: simulator.url });
          const sendOptions: { signal?: AbortSignal } = {};
          const reason = new Error('the login was cancelled');
          if (cell.inject === 'refused') {
            provider = options.create(simulator, {
              timeoutMs,
              baseUrl: `http://127.0.0.1:${await closedPort()}`,
            });
          } else if (cell.inject === 'abort') {
            simulator.fail(options.name, { type: 'no-answer' }, { channel });
            const controller = new AbortController();
            setTimeout(() => controller.abort(reason), 50);
            sendOptions.signal = controller.signal;
            provider = options.create(simulator, { timeoutMs: 10_000, baseUrl: simulator.url });
          } else {
            simulator.fail(options.name, cell.inject, { channel });
          }
          const started = performance.now();
          let caught: unknown;
          try {
            await provider.send(message, sendOptions);
          } catch (error) {
            caught = error;
          }
          const elapsed = performance.now() - started;
          if (cell.inject === 'abort') {
            expect(caught).toBe(reason);
            expect(elapsed).toBeLessThan(1000);
            return;
          }
          expect(isMfaSmsError(caught), `expected an MfaSmsError, got ${inspect(caught)}`).toBe(true);
          const error = caught as Record<string, unknown>;
          expect(cell.expected.codes).toContain(error.code);
          expect(error.retryable).toBe(cell.expected.retryable);
          expect(error.provider).toBe(options.name);
          if (cell.expected.status !== undefined) expect(error.status).toBe(cell.expected.status);
          if (cell.expected.retryAfterMs !== undefined)
            expect(error.retryAfterMs).toBe(cell.expected.retryAfterMs);
          expect(elapsed).toBeLessThan(timeoutMs + settleMarginMs);
          const credentials = Object.values(simulator.credentials[options.name] ?? {}).filter(
            (value): value is string => typeof value === 'string' && value.length >= 8,
          );
          expectHidden(caught, [
            ...credentials,
            ...(options.secrets?.(simulator) ?? []),
            ...(message.code === undefined ? [] : [message.code]),
            '447400123456',
            '4.9.3.8.1.7',
          ]);
        });
      }
    }
  });
}
