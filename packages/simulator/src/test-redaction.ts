import { expect, it } from 'vitest';
import { everythingVisible, rejection } from './test-helpers.js';

/**
 * Fails the test if any of `values` shows anywhere in `error`: its message and stack, its causes',
 * `util.inspect` of it and its JSON (see `everythingVisible`). The failure names the value's
 * position in `values`, not the value.
 */
export function expectHidden(error: unknown, values: readonly string[]): void {
  const visible = everythingVisible(error);
  values.forEach((value, index) => {
    expect(visible.includes(value), `hidden value #${index} is visible in the error`).toBe(false);
  });
}

/** One way a send fails, for `testRedaction`. */
export interface RedactionScenario<O, M> {
  /** The failure, for the test's title (`keeps … out of <what>`). */
  what: string;
  /** Makes the send fail (`simulator.fail(…)`); called in the test, with the message about to be sent. */
  arrange?(message: M): void;
  /**
   * Laid over the suite's options for this scenario (a wrong key, a shorter timeout); a function
   * is called in the test, so it may read the simulator.
   */
  options?: Partial<O> | (() => Partial<O>);
  /** The messages of this scenario, when not the suite's. */
  messages?: readonly M[];
}

export interface TestRedactionOptions<O, M extends { channel: string }> {
  /** Options that reach the simulator; called inside each test. */
  options(): O;
  /** Failures to provoke: one test for each scenario and message. */
  scenarios: readonly RedactionScenario<O, M>[];
  /** Messages to send; a scenario may give its own. */
  messages: readonly M[];
  /**
   * What must not show, given the options the provider was built with: the secrets (the wrong
   * ones a scenario set included), the Authorization header, the code, the number.
   */
  hidden(options: O): readonly string[];
  /** What is kept out, for the tests' titles: `keeps <kept> out of <what>`. */
  kept: string;
}

/**
 * Leak tests of a provider: for each scenario (and each message, its channel in the title when
 * there are several), the send must fail with an `MfaSmsError` in which none of `hidden(options)`
 * can be seen (see `expectHidden`). Registers its tests (`it`) in the calling scope.
 *
 * ```ts
 * testRedaction(createAcme, {
 *   options: () => ({ ...simulator.credentials.acme, baseUrl: simulator.url }),
 *   messages: [sms],
 *   scenarios: [{ what: 'a 500 echoing the key', arrange: () => simulator.fail('acme', …) }],
 *   hidden: (options) => [options.apiKey, '493817', '447400123456'],
 *   kept: 'the key, the code and the number',
 * });
 * ```
 */
export function testRedaction<O, M extends { channel: string }>(
  create: (options: O) => { send(message: M): Promise<unknown> },
  suite: TestRedactionOptions<NoInfer<O>, M>,
): void {
  for (const scenario of suite.scenarios) {
    const messages = scenario.messages ?? suite.messages;
    for (const message of messages) {
      const channel = messages.length > 1 ? ` (${message.channel})` : '';
      it(`keeps ${suite.kept} out of ${scenario.what}${channel}`, async () => {
        scenario.arrange?.(message);
        const overrides = typeof scenario.options === 'function' ? scenario.options() : scenario.options;
        const options = { ...suite.options(), ...overrides } as O;
        const error = await rejection(create(options).send(message));
        expectHidden(error, suite.hidden(options));
      });
    }
  }
}
