import type { Dispatcher } from '@mfa-sms/core';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { SimulatedProvider } from './simulated-provider.js';
import { type Simulator, type SimulatorOptions, startSimulatorWith } from './simulator.js';
import { startSimulator } from './start-simulator.js';
import { type RecordedRequest, recordingDispatcher } from './test-helpers.js';

export interface UseSimulatorOptions extends SimulatorOptions {
  /**
   * The simulated providers to answer for; by default the built-in ones. A third-party provider
   * package passes its own `defineSimulatedProvider(…)` here (with the built-ins, or alone).
   */
  providers?: readonly SimulatedProvider[];
  /** Forget messages, requests and pending faults before each test. Default `true`. */
  reset?: boolean;
}

/** What `useSimulator` gives a test file. */
export interface SimulatorHandle {
  /**
   * The simulator of this file, started before its first test and closed after its last. It is a
   * live view, so it can be destructured at the top of the file, but it is only usable inside
   * tests and hooks: reading it before `beforeAll` has run throws.
   */
  readonly simulator: Simulator;
  /** An undici Agent of this file, closed after its last test: a base for a provider's `dispatcher`. */
  readonly agent: Agent;
  /**
   * A dispatcher over `agent` that keeps every request sent through it, for assertions on the
   * raw request (path, headers, body). Pass `dispatcher` to the provider under test.
   */
  record(): { dispatcher: Dispatcher; sent: RecordedRequest[] };
}

/**
 * Registers vitest hooks that start a simulator (and an undici Agent) before the file's tests,
 * reset it before each test, and close both after the last, in place of the same dozen lines
 * at the top of every provider test file:
 *
 * ```ts
 * const { simulator, record } = useSimulator();
 * it('sends', async () => {
 *   const { dispatcher, sent } = record();
 *   await createAcme({ ...simulator.credentials.acme, baseUrl: simulator.url, dispatcher }).send(sms);
 *   expect(sent[0]?.path).toBe('/v1/messages');
 * });
 * ```
 *
 * Call it at the top level of a test file or inside a `describe`: the hooks belong to that scope.
 */
export function useSimulator(options: UseSimulatorOptions = {}): SimulatorHandle {
  const { providers, reset = true, ...simulatorOptions } = options;
  let started: Simulator | undefined;
  // Made now, so that it can be destructured; it opens no socket before its first request.
  const agent = new Agent();

  beforeAll(async () => {
    started = providers
      ? await startSimulatorWith(providers, simulatorOptions)
      : await startSimulator(simulatorOptions);
  });
  afterAll(async () => {
    await Promise.all([started?.close(), agent.close()]);
    started = undefined;
  });
  if (reset) beforeEach(() => started?.reset());

  const current = (): Simulator => {
    if (!started)
      throw new Error(
        'useSimulator: the simulator runs from beforeAll to afterAll; read it in a test or hook',
      );
    return started;
  };
  const simulator = new Proxy({} as Simulator, {
    get(_, property) {
      const target = current();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has: (_, property) => Reflect.has(current(), property),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor(_, property) {
      const descriptor = Reflect.getOwnPropertyDescriptor(current(), property);
      // A proxy may not report a property of its empty target as non-configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
  });
  return { simulator, agent, record: () => recordingDispatcher(agent) };
}
