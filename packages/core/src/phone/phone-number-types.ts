import type { PhoneNumberType as LibraryNumberType } from 'libphonenumber-js/max';

/** Every kind of line libphonenumber's full metadata can tell, in our spelling. */
export const phoneNumberTypes = [
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
] as const;

/** What kind of line a number is: `fixed-line-or-mobile` where the plan does not tell (North America). */
export type PhoneNumberType = (typeof phoneNumberTypes)[number];

export interface NormalizedPhoneNumber {
  /** `+447911123456`. */
  readonly e164: string;
  /** ISO 3166 alpha-2, when the number belongs to one country (not for +800, +883 and the like). */
  readonly country?: string;
  /** Known for every valid number; absent only from `phoneNumberInfo` on an invalid one. */
  readonly type?: PhoneNumberType;
}

export interface NormalizeOptions {
  /** Country of numbers written without a country code (ISO 3166 alpha-2, any case). */
  defaultCountry?: string;
  /**
   * A weaker hint, used only without `defaultCountry`: the country the request came from (its IP
   * address). A national number is read in it first; one that is not valid there but is a valid
   * North American number is read as +1, since Auth0 passes US numbers without their +1.
   */
  requestCountry?: string;
  /** Refuse valid numbers of other types (`invalid_recipient`, naming the type). */
  allowedTypes?: readonly PhoneNumberType[];
}

export const fromLibraryType: Readonly<Record<LibraryNumberType, PhoneNumberType>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal-number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

export const knownTypes: ReadonlySet<string> = new Set(phoneNumberTypes);
/** The types SMS can be expected to reach (see `isSmsCapableType`); the guard's default for SMS. */
export const smsCapableTypes: readonly PhoneNumberType[] = ['mobile', 'fixed-line-or-mobile'];

/**
 * Whether SMS can be expected to reach a number of this type. `voip` is left out although some
 * VoIP numbers take SMS: many do not, virtual numbers are cheap to rent by the thousand, and they
 * are a favourite of SMS pumping; a deployment whose users need them allows them explicitly
 * (the guard's `allowedTypes.sms`). Pagers, UAN and personal numbers forward or cannot reply.
 */
export function isSmsCapableType(type: PhoneNumberType | undefined): boolean {
  return type !== undefined && smsCapableTypes.includes(type);
}
