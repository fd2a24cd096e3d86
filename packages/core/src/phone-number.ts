import {
  type CountryCode,
  isSupportedCountry,
  type NumberType,
  ParseError,
  type PhoneNumber,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { MfaSmsError } from './errors.js';
import { maskPhoneNumber } from './redact.js';

/** What kind of line a number is, as libphonenumber's full metadata tells it. */
export type PhoneNumberType =
  | 'mobile'
  | 'fixed-line'
  | 'fixed-line-or-mobile'
  | 'toll-free'
  | 'premium-rate'
  | 'shared-cost'
  | 'voip'
  | 'personal-number'
  | 'pager'
  | 'uan'
  | 'voicemail';

export interface NormalizedPhoneNumber {
  /** `+447911123456`. */
  e164: string;
  /** ISO 3166 alpha-2, when the number belongs to one country. */
  country?: string;
  type?: PhoneNumberType;
}

export interface NormalizeOptions {
  /** Country of numbers written without a country code (ISO 3166 alpha-2). */
  defaultCountry?: string;
  /** Refuse numbers of other types (`invalid_recipient`). */
  allowedTypes?: readonly PhoneNumberType[];
}

const typeNames: Readonly<Record<NumberType & string, PhoneNumberType>> = {
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

const smsCapable: ReadonlySet<PhoneNumberType> = new Set(['mobile', 'fixed-line-or-mobile']);

/**
 * Whether SMS can be expected to reach a number of this type. VoIP numbers are left out: many
 * cannot receive SMS, and they are the usual vehicle of SMS pumping; allow them explicitly
 * through the guard's `allowedTypes` if your users need them.
 */
export function isSmsCapableType(type: PhoneNumberType | undefined): boolean {
  return type !== undefined && smsCapable.has(type);
}

// Longer than any formatted E.164 number with generous punctuation: refused before parsing, so
// that no input costs more than a few microseconds.
const maxInputLength = 64;
const allowedCharacters = /^[0-9+\s().\-/\u00a0]+$/;
const parseReasons: Readonly<Record<string, string>> = {
  NOT_A_NUMBER: 'is not a phone number',
  INVALID_COUNTRY:
    'has no country code, and no default country is set (write it as +E.164 or set defaultCountry)',
  TOO_SHORT: 'is too short to be a phone number',
  TOO_LONG: 'is too long to be a phone number',
  INVALID_LENGTH: 'has a length no numbering plan allows',
};

function invalid(shown: string, reason: string): MfaSmsError {
  return new MfaSmsError({ code: 'invalid_recipient', message: `The recipient ${shown} ${reason}` });
}

function checkDefaultCountry(value: string | undefined): CountryCode | undefined {
  if (value === undefined) return undefined;
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isSupportedCountry(upper)) {
    throw new MfaSmsError({
      code: 'invalid_config',
      message: 'Option "defaultCountry" is not an ISO 3166 alpha-2 country code',
    });
  }
  return upper as CountryCode;
}

function parse(text: string, country: CountryCode | undefined): PhoneNumber | string {
  try {
    return parsePhoneNumberWithError(text, country ? { defaultCountry: country } : {});
  } catch (error) {
    if (error instanceof ParseError) return parseReasons[error.message] ?? 'is not a phone number';
    throw error;
  }
}

/**
 * Turns what people type and what Auth0 passes into +E.164: spaces, dots, dashes and brackets,
 * a `00` or `011` international prefix whatever the default country, national numbers with a
 * default country, and country-code-first digits without `+` (`1-808-555-5555`). Rejects with
 * `invalid_recipient` and a reason; the number itself never appears in the message unmasked.
 */
export function normalizePhoneNumber(input: string, options: NormalizeOptions = {}): NormalizedPhoneNumber {
  const defaultCountry = checkDefaultCountry(options.defaultCountry);
  if (typeof input !== 'string' || input.trim() === '') {
    throw new MfaSmsError({ code: 'invalid_recipient', message: 'The recipient is empty' });
  }
  if (input.length > maxInputLength)
    throw invalid('(over 64 characters)', 'is too long to be a phone number');
  if (!allowedCharacters.test(input)) {
    throw invalid(maskPhoneNumber(input), 'contains characters that are not part of a phone number');
  }
  const digits = input.replace(/\D/g, '');
  if (digits.length === 0) throw invalid(maskPhoneNumber(input), 'has no digits');
  const plus = input.trimStart().startsWith('+');

  // Candidates in order of likelihood; the first valid one wins, else the first one's reason.
  const candidates: [string, CountryCode | undefined][] = [];
  const international = plus ? null : /^(00|011)/.exec(digits);
  if (plus) {
    candidates.push([`+${digits}`, undefined]);
  } else if (international) {
    // A 00 or 011 prefix is read as international whatever the default country, as people mean it.
    candidates.push([`+${digits.slice(international[0].length)}`, undefined]);
    if (defaultCountry) candidates.push([digits, defaultCountry]);
  } else {
    if (defaultCountry) candidates.push([digits, defaultCountry]);
    // Auth0 passes country-code-first digits without "+" ("1-808-555-5555").
    candidates.push([`+${digits}`, undefined]);
  }
  let firstReason: string | undefined;
  for (const [text, country] of candidates) {
    const parsed = parse(text, country);
    if (typeof parsed === 'string') {
      firstReason ??= parsed;
      continue;
    }
    if (parsed.isValid()) {
      const result = remember(parsed);
      if (options.allowedTypes) checkType(result.type, input, options.allowedTypes);
      return result;
    }
    const length = validatePhoneNumberLength(text, country ? { defaultCountry: country } : {});
    firstReason ??= length
      ? (parseReasons[length] ?? 'is not a phone number')
      : parsed.country
        ? `is not a valid number in ${parsed.country}`
        : `is not a valid number for country code +${parsed.countryCallingCode}`;
  }
  throw invalid(maskPhoneNumber(input), firstReason ?? 'is not a phone number');
}

function checkType(
  type: PhoneNumberType | undefined,
  input: string,
  allowedTypes: readonly PhoneNumberType[],
): void {
  if (type && allowedTypes.includes(type)) return;
  throw invalid(
    maskPhoneNumber(input),
    `is a ${type ?? 'unknown type of'} number, which is not allowed here (allowed: ${allowedTypes.join(', ')})`,
  );
}

/**
 * The result for a valid number. Its type costs as much as the validation itself, and only the
 * guard needs it: it is worked out on first read, once, and shared with `phoneNumberInfo`
 * through the cache, so that normalising and then guarding a number parses it once.
 */
function describe(parsed: PhoneNumber): NormalizedPhoneNumber {
  let type: PhoneNumberType | undefined;
  let known = false;
  const result = { e164: parsed.number } as NormalizedPhoneNumber;
  if (parsed.country) result.country = parsed.country;
  Object.defineProperty(result, 'type', {
    enumerable: true,
    get() {
      if (!known) {
        const raw = parsed.getType();
        type = raw ? typeNames[raw] : undefined;
        known = true;
      }
      return type;
    },
  });
  return result;
}

const infoCache = new Map<string, NormalizedPhoneNumber>();
const infoCacheLimit = 512;

function remember(parsed: PhoneNumber): NormalizedPhoneNumber {
  const cached = infoCache.get(parsed.number);
  if (cached) return cached;
  const result = describe(parsed);
  if (infoCache.size >= infoCacheLimit) {
    const oldest = infoCache.keys().next().value;
    if (oldest !== undefined) infoCache.delete(oldest);
  }
  infoCache.set(parsed.number, result);
  return result;
}

/**
 * Country and type of an already normalised +E.164 number, for routing and the guard.
 * Cached (bounded): a burst of logins asks for the same few numbers again and again, and a
 * number just normalised is found here without a second parse.
 */
export function phoneNumberInfo(e164: string): { country?: string; type?: PhoneNumberType } {
  const cached = infoCache.get(e164);
  if (cached) return cached;
  if (typeof e164 !== 'string' || e164.length > 20) return {};
  const parsed = parse(e164, undefined);
  if (typeof parsed === 'string') return {};
  // Keyed by what was asked, so that a second look-up of the same string is a hit.
  return parsed.number === e164 ? remember(parsed) : describe(parsed);
}
