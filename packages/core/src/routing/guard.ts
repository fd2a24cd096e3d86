import * as z from 'zod/mini';
import { lazySchema, parseOptions } from '../contract/options.js';
import type { Channel } from '../contract/types.js';
import { MfaSmsError } from '../errors/errors.js';
import { maskPhoneNumber } from '../errors/redact.js';
import { isSupportedCountry } from '../phone/libphonenumber.js';
import { numberOf } from '../phone/message-number.js';
import { type PhoneNumberType, phoneNumberTypes, smsCapableTypes } from '../phone/phone-number-types.js';

export interface GuardOptions {
  /** Only these countries (ISO 3166 alpha-2, any case) are sent to. */
  allowedCountries?: readonly string[];
  /** These countries are never sent to; wins over `allowedCountries`. */
  blockedCountries?: readonly string[];
  /**
   * Number types allowed per channel. Defaults: SMS to `mobile` and `fixed-line-or-mobile`;
   * voice to those and `fixed-line` (a call to a landline is a legitimate second factor).
   */
  allowedTypes?: { sms?: readonly PhoneNumberType[]; voice?: readonly PhoneNumberType[] };
}

// Checked against libphonenumber's list rather than the shape alone: "UK" for "GB" is the usual
// slip, and in a block list it would be a silent hole.
const guardSchema = lazySchema(() => {
  const countryCode = z.pipe(
    z
      .string()
      .check(
        z.refine(
          (value) => isSupportedCountry(value.toUpperCase()),
          'is not an ISO 3166 alpha-2 country code known to libphonenumber, such as "GB" (not "UK") or "US"',
        ),
      ),
    z.transform((value: string) => value.toUpperCase()),
  );
  const countryList = z.pipe(
    z.array(countryCode),
    z.transform((list: string[]) => new Set(list)),
  );
  const typeList = z.array(z.enum(phoneNumberTypes));
  return z.strictObject({
    allowedCountries: z.optional(countryList),
    blockedCountries: z.optional(countryList),
    allowedTypes: z.optional(z.strictObject({ sms: z.optional(typeList), voice: z.optional(typeList) })),
  });
});

const defaultTypes: Readonly<Record<Channel, readonly PhoneNumberType[]>> = {
  sms: smsCapableTypes,
  voice: ['mobile', 'fixed-line', 'fixed-line-or-mobile'],
};

/**
 * The destination policy the router checks before any request: a country allow or block list
 * and the number types each channel may reach, the usual defence against SMS pumping (toll
 * fraud through premium-rate and similar numbers). Throws `blocked_destination`, not retryable.
 *
 * A number whose type libphonenumber cannot tell is refused. With the full metadata that only
 * happens to numbers it does not consider valid, which `normalizePhoneNumber` refuses anyway;
 * the guard refuses them too so that a caller of the router who skipped normalising does not
 * open a hole. The cost is the one `normalizePhoneNumber` already has: a range opened after the
 * installed metadata was published is refused until libphonenumber-js is updated.
 */
export function createGuard(options: GuardOptions): (message: { to: string; channel: Channel }) => void {
  const parsed = parseOptions(guardSchema, options, { label: 'Guard' });
  const allowedTypes: Readonly<Record<Channel, ReadonlySet<PhoneNumberType>>> = {
    sms: new Set(parsed.allowedTypes?.sms ?? defaultTypes.sms),
    voice: new Set(parsed.allowedTypes?.voice ?? defaultTypes.voice),
  };
  const { allowedCountries, blockedCountries } = parsed;

  return (message) => {
    const blocked = (reason: string) =>
      new MfaSmsError({
        code: 'blocked_destination',
        message: `Not sent to ${maskPhoneNumber(String(message.to))}: ${reason}`,
      });
    // Callers from JavaScript are not held to the Channel type.
    const channel: unknown = message.channel;
    if (channel !== 'sms' && channel !== 'voice') {
      throw new MfaSmsError({
        code: 'unsupported_channel',
        message: 'The guard knows the channels sms and voice only',
      });
    }
    const types = allowedTypes[channel];
    const info = numberOf(message);
    if (info.type === undefined) {
      throw blocked('it is not a valid phone number, so its country and type cannot be checked');
    }
    if (allowedCountries || blockedCountries) {
      if (info.country === undefined) {
        throw blocked(
          'it belongs to no single country (a non-geographic number) and a country policy is set',
        );
      }
      if (blockedCountries?.has(info.country)) {
        throw blocked(`country ${info.country} is in the blocked list`);
      }
      if (allowedCountries && !allowedCountries.has(info.country)) {
        throw blocked(`country ${info.country} is not in the allowed list`);
      }
    }
    if (!types.has(info.type)) {
      throw blocked(
        `number type ${info.type} is not allowed for ${message.channel} (allowed: ${[...types].join(', ') || 'none'})`,
      );
    }
  };
}
