import { MfaSmsError } from '../errors/errors.js';
import { maskPhoneNumber } from '../errors/redact.js';
import { isE164 } from './e164.js';
import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  type PhoneNumberType as LibraryNumberType,
  ParseError,
  type PhoneNumber,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from './libphonenumber.js';
import {
  fromLibraryType,
  knownTypes,
  type NormalizedPhoneNumber,
  type NormalizeOptions,
  type PhoneNumberType,
  phoneNumberTypes,
} from './phone-number-types.js';

// Longer than any E.164 number written with generous punctuation. Refusing longer input before
// libphonenumber sees it keeps every call within microseconds, whatever a caller sends.
const maxInputLength = 64;
// Digits, white space (Unicode spaces included: copied numbers carry no-break spaces), brackets,
// dots, slashes, ASCII and typographic dashes, and +.
const acceptedCharacters = /^[0-9\s().\-/+\u2010-\u2015\u2212]+$/;
const letter = /\p{L}/u;
// "+" and 7 digits.
const minimumE164Length = 8;

const lengthReasons: Readonly<Record<string, string>> = {
  TOO_SHORT: 'is too short to be a phone number',
  TOO_LONG: 'is too long to be a phone number',
  INVALID_LENGTH: 'has a length that its country’s numbering plan does not allow',
  NOT_A_NUMBER: 'is not a phone number',
};
const noCountryHint =
  'has no country code and no default country is set: write it as +E.164 (+44 7911 123456) or set the defaultCountry option';

function refuse(input: string, reason: string): MfaSmsError {
  return new MfaSmsError({
    code: 'invalid_recipient',
    message: `The recipient ${maskPhoneNumber(input)} ${reason}`,
  });
}

// A hint from the request's IP address: one libphonenumber does not know (or none) is no hint.
function hintCountry(value: unknown): CountryCode | undefined {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return isSupportedCountry(upper) ? upper : undefined;
}

function checkDefaultCountry(value: unknown): CountryCode | undefined {
  if (value === undefined) return undefined;
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (isSupportedCountry(upper)) return upper;
  throw new MfaSmsError({
    code: 'invalid_config',
    message:
      'Option "defaultCountry" must be an ISO 3166 alpha-2 country code known to libphonenumber, such as "GB" (not "UK") or "US"',
  });
}

function checkAllowedTypes(value: unknown): readonly PhoneNumberType[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    throw new MfaSmsError({ code: 'invalid_config', message: 'Option "allowedTypes" must be an array' });
  }
  value.forEach((type, index) => {
    if (typeof type !== 'string' || !knownTypes.has(type)) {
      throw new MfaSmsError({
        code: 'invalid_config',
        message: `Option "allowedTypes[${index}]" must be one of ${phoneNumberTypes.join(', ')}`,
      });
    }
  });
  return value as readonly PhoneNumberType[];
}

/** One way of reading the digits: `+…` alone, or national digits in a default country. */
interface Reading {
  text: string;
  country?: CountryCode;
  /** The reason when no country calling code is recognised; libphonenumber's own would mislead. */
  noCountryReason?: string;
  /** Added to any other reason: how the digits were read, when that was a guess. */
  hint?: string;
}

function readings(
  plus: boolean,
  digits: string,
  defaultCountry: CountryCode | undefined,
  requestCountry: CountryCode | undefined,
): Reading[] {
  if (plus) {
    return [{ text: `+${digits}`, noCountryReason: 'starts with an unknown country calling code' }];
  }
  const national: Reading[] = defaultCountry ? [{ text: digits, country: defaultCountry }] : [];
  // Auth0 documents that phone numbers carry +<country code>, except US numbers, which may not:
  // a US user signing in abroad arrives as national digits from a foreign IP address. So without
  // a configured country, after the request's own country, North America is tried. The number
  // plan is shared, so the US metadata reads Canadian and Caribbean numbers too (with their
  // country). A number valid in both stays in the request's country: it is read first.
  if (!defaultCountry && requestCountry) {
    national.push({ text: digits, country: requestCountry });
    if (getCountryCallingCode(requestCountry) !== '1') national.push({ text: digits, country: 'US' });
  }
  const hinted = defaultCountry ?? requestCountry;
  const prefix = /^(?:00|011)/.exec(digits)?.[0];
  if (prefix !== undefined) {
    const international: Reading = {
      text: `+${digits.slice(prefix.length)}`,
      noCountryReason: `starts with the international prefix ${prefix} and then an unknown country calling code`,
    };
    // National numbers never start with 00, so it is always the international prefix. 011 is
    // North America's, but elsewhere it begins national numbers too (Delhi, Sapporo, Buenos
    // Aires, 0113–0118 in England): there the national reading comes first.
    const nationalFirst = prefix === '011' && hinted !== undefined && getCountryCallingCode(hinted) !== '1';
    return nationalFirst ? [...national, international] : [international, ...national];
  }
  // Country-code-first digits without + are what Auth0 passes ("1-808-555-5555").
  const countryCodeFirst: Reading = { text: `+${digits}`, noCountryReason: noCountryHint };
  if (!hinted) {
    countryCodeFirst.hint =
      ' (without a + or a default country, the first digits are read as the country code: write it as +E.164 or set the defaultCountry option)';
  }
  return [...national, countryCodeFirst];
}

/** The number, or why this reading of it is not a valid number. */
function tryReading(reading: Reading): NormalizedPhoneNumber | string {
  const outcome = parseReading(reading);
  return typeof outcome === 'string' && reading.hint && outcome !== reading.noCountryReason
    ? `${outcome}${reading.hint}`
    : outcome;
}

function parseReading(reading: Reading): NormalizedPhoneNumber | string {
  const options = reading.country ? { defaultCountry: reading.country } : {};
  let parsed: PhoneNumber;
  try {
    parsed = parsePhoneNumberWithError(reading.text, options);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    if (error.message === 'INVALID_COUNTRY') return reading.noCountryReason ?? noCountryHint;
    return lengthReasons[error.message] ?? 'is not a phone number';
  }
  // A few plans (AT, DE, IR) have numbers of 4 to 6 digits in all, pagers and the like, that
  // no provider takes: the rest of mfa-sms holds E.164 to 7–15 digits, so they are too short.
  if (parsed.number.length < minimumE164Length) return 'is too short to be a phone number';
  // With the full metadata, isValid() is getType() !== undefined: one call validates the number
  // and tells its type. isValid() is asked only where no type matched, for a plan that would
  // have no type patterns (it then judges by the national pattern alone).
  const libraryType = parsed.getType();
  if (libraryType !== undefined || parsed.isValid()) return describeNumber(parsed, libraryType);
  const length = validatePhoneNumberLength(reading.text, options);
  if (length !== undefined && length !== 'INVALID_COUNTRY' && length !== 'NOT_A_NUMBER') {
    return lengthReasons[length] ?? 'is not a phone number';
  }
  return parsed.country
    ? `is not a valid number in ${parsed.country}`
    : `is not a valid number for country code +${parsed.countryCallingCode}`;
}

/**
 * Turns what people type and what Auth0 passes into +E.164, with its country and type: spaces,
 * dots, dashes and brackets; a leading `+`; a `00` or `011` international prefix whatever the
 * default country; national numbers in `defaultCountry`, else in `requestCountry` and then in
 * North America; country-code-first digits without `+` (`1-808-555-5555`). Refuses with `invalid_recipient` and the reason, the number masked; a bad
 * option is `invalid_config`.
 */
export function normalizePhoneNumber(input: string, options: NormalizeOptions = {}): NormalizedPhoneNumber {
  // Optional chaining: JavaScript callers may pass null.
  const defaultCountry = checkDefaultCountry(options?.defaultCountry);
  const requestCountry = hintCountry(options?.requestCountry);
  const allowedTypes = checkAllowedTypes(options?.allowedTypes);
  if (typeof input !== 'string') {
    throw new MfaSmsError({
      code: 'invalid_recipient',
      message: `The recipient must be a string, not ${input === null ? 'null' : typeof input}`,
    });
  }
  if (input.trim() === '') {
    throw new MfaSmsError({ code: 'invalid_recipient', message: 'The recipient is empty' });
  }
  if (input.length > maxInputLength) {
    // Not masked: a string this long is not a number, and its digits would say nothing useful.
    throw new MfaSmsError({
      code: 'invalid_recipient',
      message: `The recipient is too long to be a phone number (over ${maxInputLength} characters)`,
    });
  }
  if (!acceptedCharacters.test(input)) {
    throw refuse(
      input,
      letter.test(input)
        ? 'contains letters: give the number alone, without an extension or a name'
        : 'contains characters that are not part of a phone number',
    );
  }
  // One +, before the digits: "(+44) 20 7946 0000" is a common way to write it.
  const plus = input.indexOf('+');
  if (plus !== input.lastIndexOf('+') || (plus > 0 && /\d/.test(input.slice(0, plus)))) {
    throw refuse(input, 'has a + that is not at its start');
  }
  const digits = input.replace(/\D/g, '');
  if (digits === '') throw refuse(input, 'has no digits');

  // The first valid reading wins; if none is, the first one's reason is the most relevant.
  let firstReason: string | undefined;
  for (const reading of readings(plus >= 0, digits, defaultCountry, requestCountry)) {
    const outcome = tryReading(reading);
    if (typeof outcome === 'string') {
      firstReason ??= outcome;
      continue;
    }
    if (allowedTypes && !(outcome.type && allowedTypes.includes(outcome.type))) {
      throw refuse(
        input,
        `is a ${outcome.type ?? 'unknown'} number, a type not allowed here (allowed: ${allowedTypes.join(', ')})`,
      );
    }
    return outcome;
  }
  throw refuse(input, firstReason ?? 'is not a phone number');
}

/** The result for a number: plain data, frozen, since one result is shared by every step of a send. */
function describeNumber(
  parsed: PhoneNumber,
  libraryType: LibraryNumberType | undefined,
): NormalizedPhoneNumber {
  const type = libraryType === undefined ? undefined : fromLibraryType[libraryType];
  const result: { e164: string; country?: string; type?: PhoneNumberType } = { e164: parsed.number };
  if (parsed.country !== undefined) result.country = parsed.country;
  if (type !== undefined) result.type = type;
  return Object.freeze(result);
}

/**
 * `phoneNumberInfo`'s answer with the +E.164 it describes, or `undefined`; for carrying a
 * message's number (`message-number.ts`). Never throws.
 */
export function lookUpE164(e164: string): NormalizedPhoneNumber | undefined {
  if (!isE164(e164)) return undefined;
  try {
    const parsed = parsePhoneNumberWithError(e164);
    return describeNumber(parsed, parsed.getType());
  } catch (error) {
    if (error instanceof ParseError) return undefined;
    throw error;
  }
}

/**
 * Country and type of a number already in +E.164 form. `type` is absent when libphonenumber does
 * not consider the number valid, and both are for anything that is not +E.164. Never throws.
 * Parses at each call: the guard, the router, the limits and the sender map read a message's
 * number through the message, parsed once per send.
 */
export function phoneNumberInfo(e164: string): {
  readonly country?: string;
  readonly type?: PhoneNumberType;
} {
  return lookUpE164(e164) ?? {};
}
