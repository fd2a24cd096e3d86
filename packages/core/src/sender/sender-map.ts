import type { PhoneMessage } from '../contract/types.js';
import { MfaSmsError } from '../errors/errors.js';
import { numberOf } from '../phone/message-number.js';
import { senderIdKind } from './sender-id.js';

/**
 * A provider's `from`: one sender for every destination, or one per country with `'*'` for the
 * rest: `{ '*': 'Acme', US: '+14155550100', CA: '+14155550100' }`. A map without `'*'` sends
 * only to the countries it names.
 */
export type SenderOption = string | Readonly<Record<string, string>>;

/**
 * Countries whose networks refuse alphanumeric sender ids: a message from a name is not
 * delivered, so it is never sent from one. Sources: Twilio's per-country SMS guidelines,
 * "Phone Numbers & Sender ID › Alphanumeric › Operator network capability: Not Supported" at
 * https://www.twilio.com/guidelines/us/sms and https://www.twilio.com/guidelines/ca/sms; Vonage's
 * country-specific features (https://api.support.vonage.com/hc/en-us/sections/200622473) say the
 * same of both. Countries where an alphanumeric id must first be registered are not listed: that
 * is between the account and its provider.
 */
export const alphanumericRefusedCountries: ReadonlySet<string> = new Set(['US', 'CA']);

/** A key of a per-country sender map: `*` (every other country) or an ISO 3166 alpha-2 code. */
export const senderCountryKey = /^(?:\*|[A-Z]{2})$/;

export interface SenderChoice {
  /** The sender to use, when there is one for this destination and channel. */
  sender?: string;
  /** Why there is none: for the router to pass over this provider, or for the provider to throw. */
  problem?: MfaSmsError;
}

export interface SenderResolverOptions {
  provider: string;
  /** The provider's label for messages (`Twilio`). */
  label: string;
  /** The option that holds the senders, named in errors. Default `from`. */
  option?: string;
  /**
   * Per channel, whether a message cannot go without a sender of ours; where it can, and no given
   * sender suits the destination, none is chosen and the provider's own applies (a Twilio
   * Messaging Service, Esendex's account default).
   */
  required: { readonly sms: boolean; readonly voice: boolean };
}

/**
 * Picks the sender for each message from a `from` option: the message's own `from` (a Phone
 * Template's) when the destination accepts it, else the entry for the recipient's country, else
 * `'*'`. An alphanumeric sender is never chosen for a country in `alphanumericRefusedCountries`;
 * a call takes numbers only.
 */
export function createSenderResolver(
  from: SenderOption | undefined,
  options: SenderResolverOptions,
): (message: Pick<PhoneMessage, 'to' | 'from' | 'channel'>) => SenderChoice {
  const option = options.option ?? 'from';
  const map: Readonly<Record<string, string>> | undefined = typeof from === 'string' ? { '*': from } : from;
  // A number is accepted everywhere: the recipient's country matters only with a name or a map.
  const needsCountry =
    map !== undefined &&
    (Object.keys(map).some((key) => key !== '*') ||
      Object.values(map).some((value) => senderIdKind(value) === 'alphanumeric'));

  const usable = (sender: string | undefined, country: string | undefined, numbersOnly: boolean) => {
    const kind = senderIdKind(sender);
    if (kind === undefined) return false;
    if (kind === 'number') return true;
    return !numbersOnly && !(country !== undefined && alphanumericRefusedCountries.has(country));
  };

  return (message) => {
    const numbersOnly = message.channel === 'voice';
    const country = needsCountry || message.from !== undefined ? numberOf(message).country : undefined;
    if (usable(message.from, country, numbersOnly)) return { sender: message.from as string };
    const own =
      map === undefined ? undefined : ((country === undefined ? undefined : map[country]) ?? map['*']);
    if (usable(own, country, numbersOnly)) return { sender: own as string };
    if (!options.required[message.channel]) return {};
    const where = country ?? 'this destination';
    const reason =
      own === undefined
        ? `option "${option}" has no sender for ${where} (add "${country ?? '*'}" or "*")`
        : numbersOnly
          ? `option "${option}" has no number for ${where}: a call cannot come from a name`
          : `option "${option}" has only an alphanumeric sender for ${where}, whose networks refuse them: add a number for ${where}`;
    return {
      problem: new MfaSmsError({
        code: 'invalid_config',
        provider: options.provider,
        message: `${options.label}: ${reason}`,
      }),
    };
  };
}
