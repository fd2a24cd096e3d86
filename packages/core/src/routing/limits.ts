import * as z from 'zod/mini';
import { lazySchema, parseOptions } from '../contract/options.js';
import { MfaSmsError } from '../errors/errors.js';
import { maskPhoneNumber } from '../errors/redact.js';
import { getCountries, getCountryCallingCode } from '../phone/libphonenumber.js';
import { numberOf } from '../phone/message-number.js';
import type { Store, StoreHit } from '../store/store.js';
import { type StoreKeyer, storeKeyerFor } from '../store/store-keys.js';

/** At most `count` sends in `windowMs`. */
export interface VelocityLimit {
  count: number;
  windowMs: number;
}

/**
 * How many codes may go out, counted per recipient, per number range and per country. A limit
 * left out keeps its default; `false` turns it off.
 */
export interface VelocityLimits {
  /** Per recipient number. Default 5 per hour. */
  recipient?: VelocityLimit | false;
  /** Per number range (country calling code and the first `rangeDigits` national digits). Default 30 per 10 minutes. */
  range?: VelocityLimit | false;
  /** Per country (calling code for numbers of no country). Off by default. */
  country?: VelocityLimit | false;
  /** National digits that, after the country calling code, name a range. Default 5 (100 000 numbers in a 10-digit plan). */
  rangeDigits?: number;
}

export type VelocityLimitName = 'recipient' | 'range' | 'country';

export const defaultVelocityLimits: Readonly<{
  recipient: VelocityLimit;
  range: VelocityLimit;
  country: false;
  rangeDigits: number;
}> = Object.freeze({
  recipient: Object.freeze({ count: 5, windowMs: 3_600_000 }),
  range: Object.freeze({ count: 30, windowMs: 600_000 }),
  country: false,
  rangeDigits: 5,
});

const limitNames: readonly VelocityLimitName[] = ['recipient', 'range', 'country'];

const limitsSchema = lazySchema(() => {
  const limit = z.union([
    z.literal(false),
    z.strictObject({
      count: z.int().check(z.gte(1), z.lte(1_000_000)),
      // api.cache keeps nothing longer than a day, and no one-time code needs a longer memory.
      windowMs: z.int().check(z.gte(1000), z.lte(86_400_000)),
    }),
  ]);
  return z.strictObject({
    recipient: z.optional(limit),
    range: z.optional(limit),
    country: z.optional(limit),
    rangeDigits: z.optional(z.int().check(z.gte(1), z.lte(12))),
  });
});

/** Validates limits (`invalid_config` naming the bad one) and fills in the defaults. */
export function resolveVelocityLimits(limits: VelocityLimits = {}): Required<VelocityLimits> {
  const parsed = parseOptions(limitsSchema, limits, { label: 'Limits' });
  return {
    recipient: parsed.recipient ?? defaultVelocityLimits.recipient,
    range: parsed.range ?? defaultVelocityLimits.range,
    country: parsed.country ?? defaultVelocityLimits.country,
    rangeDigits: parsed.rangeDigits ?? defaultVelocityLimits.rangeDigits,
  };
}

/** The units of a window in the one-line forms of secrets: `30s`, `10m`, `1h`, `1d`. */
export const windowUnits: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Reads the one-line form of the limits, as the Action's `MFA_SMS_LIMITS` secret holds them:
 * `recipient:5/1h,range:30/10m,country:500/1h`; `recipient:off` turns one off, `off` all of them.
 * Limits not named keep their defaults. Throws `invalid_config` naming `label`, never the value.
 */
export function parseVelocityLimits(text: string, label = 'MFA_SMS_LIMITS'): VelocityLimits {
  const invalid = (why: string) =>
    new MfaSmsError({
      code: 'invalid_config',
      message: `${label} is invalid: ${why}; write it like "recipient:5/1h,range:30/10m,country:500/1h" or "off"`,
    });
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off' || trimmed === 'none') return { recipient: false, range: false, country: false };
  const limits: VelocityLimits = {};
  for (const part of trimmed
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const match = /^(recipient|range|country):(?:(off)|(\d{1,7})\/(\d{1,5})([smhd]))$/.exec(part);
    if (!match)
      throw invalid(`"${part.split(':')[0]?.slice(0, 12)}" is not a limit of the form name:count/window`);
    const name = match[1] as VelocityLimitName;
    if (limits[name] !== undefined) throw invalid(`${name} is given twice`);
    limits[name] =
      match[2] === 'off'
        ? false
        : {
            count: Number(match[3]),
            windowMs: Number(match[4]) * (windowUnits[match[5] as string] as number),
          };
  }
  try {
    resolveVelocityLimits(limits);
  } catch (error) {
    throw invalid(
      error instanceof MfaSmsError ? error.message.replace(/^Limits option /, '') : 'a value is out of range',
    );
  }
  return limits;
}

function describeWindow(windowMs: number): string {
  for (const [unit, ms] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
  ] as const) {
    if (windowMs % ms === 0) return `${windowMs / ms} ${unit}`;
  }
  return `${Math.round(windowMs / 1000)} s`;
}

// Calling codes that belong to no country (+800 freephone, +882/+883 international networks, …):
// libphonenumber gives such numbers no region, and pumping favours some of them.
const nonGeographicCodes = ['800', '808', '870', '878', '881', '882', '883', '888', '979'];
let callingCodes: ReadonlySet<string> | undefined;

/** The country calling code of a +E.164 number (calling codes are prefix-free). */
export function callingCodeOf(e164: string): string {
  callingCodes ??= new Set([
    ...getCountries().map((country) => getCountryCallingCode(country) as string),
    ...nonGeographicCodes,
  ]);
  for (let length = 1; length <= 3; length += 1) {
    const candidate = e164.slice(1, 1 + length);
    if (callingCodes.has(candidate)) return candidate;
  }
  return e164.slice(1, 4);
}

/**
 * The number range of a +E.164 number: `+<calling code> <first rangeDigits national digits>`.
 * Numbers sold for pumping come as blocks of hundreds to tens of thousands sharing their leading
 * digits, so a block falls into one range while a tenant's real users spread over many.
 */
export function numberRangeOf(e164: string, rangeDigits: number = defaultVelocityLimits.rangeDigits): string {
  const code = callingCodeOf(e164);
  return `+${code} ${e164.slice(1 + code.length, 1 + code.length + rangeDigits)}`;
}

export interface VelocityLimiterOptions {
  limits?: VelocityLimits;
  /** Where the counts live. */
  store: Store;
  /** The HMAC secret for keys; required with a shared store (Redis). */
  storeKey?: string;
  /** Names the secret in configuration errors. Default `storeKey`. */
  storeKeyOption?: string;
}

export interface VelocityLimiter {
  readonly limits: Required<VelocityLimits>;
  /**
   * Counts one send to `to` and throws `blocked_destination` (reason `velocity`, not retryable)
   * when that goes over a limit. `store` replaces the limiter's store for this send (the Action
   * passes the execution's `api.cache`). A store that cannot answer lets the send through.
   */
  admit(message: { to: string }, store?: Store): Promise<void>;
}

/**
 * The velocity limits as a check, or `undefined` when every limit is off. Counting is a fixed
 * window anchored at a key's first send: one counter a key, one atomic round trip to Redis for
 * every limit together, one api.cache entry a limit. A sliding window would stop the one burst a
 * fixed window allows (up to twice the limit across a window's end), but costs a second counter
 * a key or a log of every send; the defaults leave room for that factor of two.
 */
export function createVelocityLimiter(options: VelocityLimiterOptions): VelocityLimiter | undefined {
  const limits = resolveVelocityLimits(options.limits);
  const active = limitNames.filter((name) => limits[name] !== false);
  if (active.length === 0) return undefined;
  const option = options.storeKeyOption ?? 'storeKey';
  const keyer: StoreKeyer = storeKeyerFor(options.store, options.storeKey, option);
  const defaultStore = options.store;
  const rangeDigits = limits.rangeDigits;

  function over(name: VelocityLimitName, limit: VelocityLimit, to: string): MfaSmsError {
    const what = { recipient: 'this recipient', range: 'its number range', country: 'its country' }[name];
    return new MfaSmsError({
      code: 'blocked_destination',
      reason: 'velocity',
      retryable: false,
      message: `Not sent to ${maskPhoneNumber(to)}: velocity limit reached, ${what} had ${limit.count} sends in ${describeWindow(limit.windowMs)}`,
    });
  }

  return {
    limits,
    async admit(message, store = defaultStore) {
      if (store.shared && options.storeKey === undefined) storeKeyerFor(store, undefined, option);
      const to = message.to;
      const hits: StoreHit[] = [];
      const names: VelocityLimitName[] = [];
      for (const name of active) {
        const limit = limits[name] as VelocityLimit;
        let material: string;
        if (name === 'recipient') material = to;
        else if (name === 'range') material = numberRangeOf(to, rangeDigits);
        else material = numberOf(message).country ?? `+${callingCodeOf(to)}`;
        hits.push({ key: keyer(name[0] as string, material), windowMs: limit.windowMs });
        names.push(name);
      }
      let counts: readonly number[];
      try {
        counts = await store.increment(hits);
      } catch {
        // Stores are meant not to throw; one that does is treated as down: the login goes on.
        return;
      }
      if (counts.length !== hits.length) return;
      for (let index = 0; index < names.length; index += 1) {
        const name = names[index] as VelocityLimitName;
        const limit = limits[name] as VelocityLimit;
        if ((counts[index] as number) > limit.count) throw over(name, limit, to);
      }
    },
  };
}
