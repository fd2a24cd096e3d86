import { lookUpE164 } from './phone-number.js';
import type { NormalizedPhoneNumber, PhoneNumberType } from './phone-number-types.js';

/** A message's number as the guard, the routes, the limits and the sender map read it. */
export interface MessageNumber {
  readonly country?: string;
  readonly type?: PhoneNumberType;
}

// Parse once: a message's number is parsed once per send and every step that asks about it (the
// guard, the routes, the velocity limits, a provider's sender map) gets that answer. It is held
// here, keyed by the message object, rather than on the message: `PhoneMessage`, which
// third-party providers implement, keeps its shape (no field or symbol a provider would see,
// spread, log or serialise); nothing outside core can write an entry, so nobody hands the guard a
// country of their choosing; and an entry goes when its message does. An entry counts only while
// it describes the message's current `to`: a message changed after it was parsed is parsed again.
const numbers = new WeakMap<object, NormalizedPhoneNumber>();
const nothing: MessageNumber = Object.freeze({});

/**
 * Hands `normalizePhoneNumber`'s answer on with the message built from it (core's Action
 * handlers), so that nothing after it parses the number again.
 */
export function carryNumber(message: { readonly to: string }, number: NormalizedPhoneNumber): void {
  if (number.e164 === message.to) numbers.set(message, number);
}

/**
 * Country and type of `message.to`: the ones carried with the message, else parsed now and carried
 * from here on (a user's own `router.send` parses once this way). Nothing for what is not a valid
 * +E.164 number, as `phoneNumberInfo`. Never throws.
 */
export function numberOf(message: { readonly to: string }): MessageNumber {
  const carried = numbers.get(message);
  const to = message.to;
  if (carried !== undefined && carried.e164 === to) return carried;
  const found = lookUpE164(to);
  if (found === undefined) return nothing;
  // libphonenumber may write a number another way (a national prefix after the country code):
  // the entry is for the `to` it was asked about.
  const number = found.e164 === to ? found : Object.freeze({ ...found, e164: to });
  numbers.set(message, number);
  return number;
}
