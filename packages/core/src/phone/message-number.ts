import { lookUpE164 } from './phone-number.js';
import type { NormalizedPhoneNumber, PhoneNumberType } from './phone-number-types.js';

/** A message's number as the guard, the routes, the limits and the sender map read it. */
export interface MessageNumber {
  readonly country?: string;
  readonly type?: PhoneNumberType;
}

// Parse once: a message's number is parsed once per send and every step that asks about it (the
// guard, the routes, the velocity limits, a provider's sender map) gets that answer. It rides on
// the message object under a symbol only core holds, as check-once's `checkedProviders` does, and
// is not enumerable: `PhoneMessage`, which third-party providers implement, keeps its shape
// (spread, `Object.keys`, JSON, `util.inspect` and test equality see no new field), and code outside
// core does not set it by accident (a caller who digs the symbol out could, and would only fool
// its own guard). It counts only
// while it describes the message's current `to`: a message changed after it was parsed is parsed
// again. A symbol rather than a WeakMap keyed by the message: a WeakMap entry per send cost about
// three times as much as defining the property (bench/BUDGET-NOTES.md, "Parse once").
const carried: unique symbol = Symbol('mfa-sms parsed number');
type Carrier = { [carried]?: NormalizedPhoneNumber };
const nothing: MessageNumber = Object.freeze({});

function carry(message: object, number: NormalizedPhoneNumber): void {
  // A frozen or sealed message of a caller's is left as it is: its readers each parse.
  if (!Object.isExtensible(message)) return;
  Object.defineProperty(message, carried, { value: number, writable: true, configurable: true });
}

/**
 * Hands `normalizePhoneNumber`'s answer on with the message built from it (core's Action
 * handlers), so that nothing after it parses the number again.
 */
export function carryNumber(message: { readonly to: string }, number: NormalizedPhoneNumber): void {
  if (number.e164 === message.to) carry(message, number);
}

/**
 * Country and type of `message.to`: the ones carried with the message, else parsed now and carried
 * from here on (a user's own `router.send` parses once this way). Nothing for what is not a valid
 * +E.164 number, as `phoneNumberInfo`. Never throws.
 */
export function numberOf(message: { readonly to: string }): MessageNumber {
  const to = message.to;
  const known = (message as Carrier)[carried];
  if (known !== undefined && known.e164 === to) return known;
  const found = lookUpE164(to);
  if (found === undefined) return nothing;
  // libphonenumber may write a number another way (a national prefix after the country code):
  // the entry is for the `to` it was asked about.
  const number = found.e164 === to ? found : Object.freeze({ ...found, e164: to });
  carry(message, number);
  return number;
}
