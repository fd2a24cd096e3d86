/**
 * A message as `@mfa-sms/core`'s PhoneMessage has it (kept structural: the simulator takes no
 * rule from core, and a provider built on another copy of core takes it as well).
 */
export interface TestMessage {
  to: string;
  text: string;
  channel: 'sms' | 'voice';
  code?: string;
  language?: string;
  reference?: string;
  from?: string;
}

/**
 * The message the shared suites send, to lay a test's own fields over: a UK mobile number
 * (`+447400123456`, which every simulated provider accepts) and the code `493817` in the text,
 * the values the leak checks look for.
 *
 * ```ts
 * const sms = testMessage({ reference: 'txn-42' });
 * const call = testMessage({ channel: 'voice', text: 'Your code is 4.9.3.8.1.7', language: 'pt-BR' });
 * ```
 */
export function testMessage(overrides: Partial<TestMessage> = {}): TestMessage {
  return { to: '+447400123456', text: 'Your code is 493817', channel: 'sms', code: '493817', ...overrides };
}
