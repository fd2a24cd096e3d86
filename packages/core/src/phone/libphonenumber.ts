// libphonenumber-js through its `core` entry, with the `max` metadata passed in. The built
// package bundles the core code (one file instead of the 73 `libphonenumber-js/max` loads; see
// tsup.config.ts) and requires the one metadata file from the installed libphonenumber-js, so
// updating that dependency still updates the numbering plans. `max`, chosen by measurement
// (docs/phone-numbers.md): only it tells every number type of every country, and the guard
// needs premium-rate and fixed-line told apart from mobile.
import {
  type CountryCode,
  getCountryCallingCode as callingCodeOf,
  getCountries as countriesOf,
  isSupportedCountry as isSupportedIn,
  type PhoneNumber,
  parsePhoneNumberWithError as parseWith,
  validatePhoneNumberLength as validateLengthWith,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';

export type { CountryCode, PhoneNumber, PhoneNumberType } from 'libphonenumber-js/core';
export { ParseError } from 'libphonenumber-js/core';

type ParseOptions = Exclude<Parameters<typeof parseWith>[1], string>;

// The metadata goes last, after the options only when there are some: the library tells its
// arguments apart by count and type, as the `max` entry's wrappers call it.
export function parsePhoneNumberWithError(text: string, options?: ParseOptions): PhoneNumber {
  return options === undefined ? parseWith(text, metadata) : parseWith(text, options, metadata);
}

export function validatePhoneNumberLength(text: string, options?: ParseOptions) {
  return options === undefined
    ? validateLengthWith(text, metadata)
    : validateLengthWith(text, options, metadata);
}

export function isSupportedCountry(country: string): country is CountryCode {
  return isSupportedIn(country as CountryCode, metadata);
}

export function getCountryCallingCode(country: CountryCode) {
  return callingCodeOf(country, metadata);
}

export function getCountries(): CountryCode[] {
  return countriesOf(metadata);
}
