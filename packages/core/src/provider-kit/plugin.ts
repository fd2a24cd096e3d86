import type { Provider } from '../contract/types.js';

/**
 * What a provider package gives the ready-made Action (and anyone who builds providers from
 * configuration): how to read its options from Action secrets and how to build it. A plain object
 * with these fields is a plugin: a third party needs no particular version of core to write one.
 */
export interface ProviderPlugin<O = Record<string, unknown>> {
  /** The provider's name, as its `Provider.name` and in logs: `twilio`, `acme`. */
  readonly name: string;
  /**
   * Per option, the Action secrets it is read from, the first one set winning
   * (`from: ['TWILIO_FROM', 'TWILIO_PHONE_NUMBER']`). Options left out are not read from secrets.
   */
  readonly secrets: { readonly [K in keyof O]?: readonly string[] };
  /** Secrets that must be set; alternatives between options are checked by `create`. */
  readonly required?: readonly string[];
  /** Builds the provider; throws `invalid_config` naming the option when the options are wrong. */
  create(options: O): Provider;
}

/** Types a plugin and returns it unchanged: it adds no behaviour, so a plain object works too. */
export function defineProviderPlugin<O>(plugin: ProviderPlugin<O>): ProviderPlugin<O> {
  return plugin;
}
