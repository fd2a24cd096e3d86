import { expect, it } from 'vitest';
import { expectHidden } from './test-redaction.js';

/** One option a factory must refuse. */
export interface BadOption {
  /**
   * What is wrong, for the test's title (`refuses <what>, …`); by default the override as JSON,
   * a removed option as `"(missing)"`.
   */
  what?: string;
  /** Laid over the valid options; a key set to `undefined` is removed (the option is missing). */
  options: Readonly<Record<string, unknown>>;
  /** The option the message must name, as its path (`"voice.language"`), in double quotes. */
  option: string;
  /**
   * The error's `option` property, where it is not the first segment of `option` (core names an
   * unknown key inside an object option by that key). `null` leaves the property unchecked.
   */
  errorOption?: string | null;
}

export interface TestOptionsOptions<O> {
  /** The `provider` the errors name. */
  provider: string;
  /**
   * Options the factory accepts; called inside each test, so it may read a `useSimulator`
   * handle's simulator. The bad options are laid over these.
   */
  valid(): O;
  /** Options to refuse, each one test. */
  bad: readonly BadOption[];
  /** An option the factory does not know, with a value (`{ region: 'eu' }`); refused by name. */
  unknown: Readonly<Record<string, unknown>>;
  /**
   * Values that must never show in an error (the secrets of `valid()`, say). Besides these, no
   * string in a bad option, line by line, of `minValueLength` characters or more may show.
   */
  secrets?(): readonly string[];
  /**
   * The shortest value checked for, default 6: a shorter one ('eu', 'short') may be a word of the
   * message by chance.
   */
  minValueLength?: number;
  /** The test's title for a bad option; default `refuses <what>, naming the option and not its value`. */
  title?(what: string, option: string): string;
}

/** Every string inside `value`, line by line and trimmed. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split('\n').map((line) => line.trim());
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** An override as JSON, a removed option shown as `"(missing)"`. */
function describeOverride(options: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(options, (_, value: unknown) => (value === undefined ? '(missing)' : value));
}

function thrownBy(create: () => unknown): Record<string, unknown> & Error {
  try {
    create();
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected the factory to throw');
}

/**
 * The option-refusal tests of a provider factory: each bad option is refused with an
 * `invalid_config` error naming the provider and the option (its path in double quotes, and its
 * `option` property), never its value nor a secret; an unknown option is refused by name; the
 * valid options are accepted. Registers its tests (`it`) in the calling scope.
 *
 * ```ts
 * testOptions(createAcme, {
 *   provider: 'acme',
 *   valid: () => ({ apiKey: 'key-0000000000', from: 'Acme' }),
 *   bad: [{ what: 'an API key with spaces', options: { apiKey: 'a key' }, option: 'apiKey' }],
 *   unknown: { region: 'eu' },
 *   secrets: () => ['key-0000000000'],
 * });
 * ```
 */
export function testOptions<O>(create: (options: O) => unknown, suite: TestOptionsOptions<NoInfer<O>>): void {
  const title = suite.title ?? ((what) => `refuses ${what}, naming the option and not its value`);

  it('accepts the valid options', () => {
    expect(() => create(suite.valid())).not.toThrow();
  });

  for (const bad of suite.bad) {
    it(title(bad.what ?? describeOverride(bad.options), bad.option), () => {
      expectRefusal(create, suite, bad);
    });
  }

  const [unknown = ''] = Object.keys(suite.unknown);
  it(`refuses an unknown option ("${unknown}")`, () => {
    const error = expectRefusal(create, suite, { options: suite.unknown, option: unknown });
    expect(error.message).toContain(`unknown option "${unknown}"`);
  });
}

/**
 * One refusal, checked as `testOptions` checks each: `bad.options` laid over the valid ones must
 * make `create` throw `invalid_config` for the provider, naming `bad.option`, showing neither a
 * value of `bad.options` nor a secret. Returns the error.
 */
export function expectRefusal<O>(
  create: (options: O) => unknown,
  suite: Pick<TestOptionsOptions<O>, 'provider' | 'valid' | 'secrets' | 'minValueLength'>,
  bad: BadOption,
): Record<string, unknown> & Error {
  const options: Record<string, unknown> = { ...suite.valid(), ...bad.options };
  for (const [key, value] of Object.entries(bad.options)) if (value === undefined) delete options[key];
  const error = thrownBy(() => create(options as O));
  expect(error).toMatchObject({ code: 'invalid_config', provider: suite.provider, retryable: false });
  expect(error.message).toContain(`"${bad.option}"`);
  const named = bad.errorOption === undefined ? bad.option.split(/[.[]/)[0] : bad.errorOption;
  if (named !== null) expect(error.option).toBe(named);
  const minLength = suite.minValueLength ?? 6;
  const values = strings(bad.options).filter((value) => value.length >= minLength);
  expectHidden(error, [...values, ...(suite.secrets?.() ?? [])]);
  return error;
}
