// Phone numbers: E.164, parsing, and a number's country and type (libphonenumber-js's core,
// bundled, with one metadata file).
export { isE164 } from './e164.js';
export { getCountries, getCountryCallingCode, isSupportedCountry } from './libphonenumber.js';
export { carryNumber, type MessageNumber, numberOf } from './message-number.js';
export { normalizePhoneNumber, phoneNumberInfo } from './phone-number.js';
export type { NormalizedPhoneNumber, NormalizeOptions, PhoneNumberType } from './phone-number-types.js';
export { isSmsCapableType, phoneNumberTypes, smsCapableTypes } from './phone-number-types.js';
