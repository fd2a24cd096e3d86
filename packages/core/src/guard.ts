import { z } from 'zod';
import { MfaSmsError } from './errors.js';
import { parseOptions } from './options.js';
import { type PhoneNumberType, phoneNumberInfo } from './phone-number.js';
import { maskPhoneNumber } from './redact.js';
import type { Channel } from './types.js';

export interface GuardOptions {
  /** Only these countries (ISO 3166 alpha-2) are sent to. */
  allowedCountries?: readonly string[];
  /** These countries are never sent to; wins over `allowedCountries`. */
  blockedCountries?: readonly string[];
  /**
   * Number types allowed per channel. Defaults: SMS to `mobile` and `fixed-line-or-mobile`;
   * voice also to `fixed-line`. Numbers whose type the metadata cannot tell are let through:
   * refusing them would lock out real users where numbering plans are loosely described.
   */
  allowedTypes?: { sms?: readonly PhoneNumberType[]; voice?: readonly PhoneNumberType[] };
}

const typeSchema = z.enum([
  'mobile',
  'fixed-line',
  'fixed-line-or-mobile',
  'toll-free',
  'premium-rate',
  'shared-cost',
  'voip',
  'personal-number',
  'pager',
  'uan',
  'voicemail',
]);
const countries = z
  .array(z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code'))
  .transform((list) => new Set(list.map((country) => country.toUpperCase())));

const guardSchema = z.strictObject({
  allowedCountries: countries.optional(),
  blockedCountries: countries.optional(),
  allowedTypes: z
    .strictObject({ sms: z.array(typeSchema).optional(), voice: z.array(typeSchema).optional() })
    .optional(),
});

const defaultTypes: Readonly<Record<Channel, readonly PhoneNumberType[]>> = {
  sms: ['mobile', 'fixed-line-or-mobile'],
  voice: ['mobile', 'fixed-line', 'fixed-line-or-mobile'],
};

/**
 * The destination policy, checked before any request: the usual defence against SMS pumping
 * (toll fraud) is a country allow-list and refusing premium-rate and similar number types.
 */
export function createGuard(options: GuardOptions): (message: { to: string; channel: Channel }) => void {
  const parsed = parseOptions(guardSchema, options, { label: 'Guard' });
  const types = {
    sms: new Set(parsed.allowedTypes?.sms ?? defaultTypes.sms),
    voice: new Set(parsed.allowedTypes?.voice ?? defaultTypes.voice),
  };
  return (message) => {
    const info = phoneNumberInfo(message.to);
    const blocked = (reason: string) =>
      new MfaSmsError({
        code: 'blocked_destination',
        message: `Not sent to ${maskPhoneNumber(message.to)}: ${reason}`,
      });
    if (parsed.blockedCountries || parsed.allowedCountries) {
      if (info.country === undefined)
        throw blocked('its country cannot be determined and a country policy is set');
      if (parsed.blockedCountries?.has(info.country)) throw blocked(`country ${info.country} is blocked`);
      if (parsed.allowedCountries && !parsed.allowedCountries.has(info.country)) {
        throw blocked(`country ${info.country} is not among the allowed countries`);
      }
    }
    if (info.type !== undefined && !types[message.channel].has(info.type)) {
      throw blocked(`a ${info.type} number is not allowed for ${message.channel}`);
    }
  };
}
