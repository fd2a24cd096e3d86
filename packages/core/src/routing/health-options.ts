import * as z from 'zod/mini';
import { lazySchema, parseOptions } from '../contract/options.js';
import { MfaSmsError } from '../errors/errors.js';
import { windowUnits } from './limits.js';

/**
 * When a provider rests: `failures` retryable failures within `windowMs` put it to rest for
 * `cooldownMs`, during which the router tries it last. Defaults: 3 in 30 s, 30 s of rest.
 */
export interface HealthOptions {
  failures?: number;
  windowMs?: number;
  cooldownMs?: number;
}

export const defaultHealth: Readonly<Required<HealthOptions>> = Object.freeze({
  failures: 3,
  windowMs: 30_000,
  cooldownMs: 30_000,
});

const healthSchema = lazySchema(() =>
  z.strictObject({
    failures: z.optional(z.int().check(z.gte(1), z.lte(1000))),
    windowMs: z.optional(z.int().check(z.gte(1000), z.lte(3_600_000))),
    cooldownMs: z.optional(z.int().check(z.gte(1000), z.lte(3_600_000))),
  }),
);

/** Validates health options (`invalid_config` naming the bad one) and fills in the defaults. */
export function resolveHealth(options: HealthOptions = {}): Readonly<Required<HealthOptions>> {
  const parsed = parseOptions(healthSchema, options, { label: 'Health' });
  return {
    failures: parsed.failures ?? defaultHealth.failures,
    windowMs: parsed.windowMs ?? defaultHealth.windowMs,
    cooldownMs: parsed.cooldownMs ?? defaultHealth.cooldownMs,
  };
}

/**
 * Reads the one-line form of the health settings, as the Action's `MFA_SMS_HEALTH` secret holds
 * them: `3/30s,cooldown:30s` (failures/window, rest), either part alone, `on` for the defaults or
 * `off`. Throws `invalid_config` naming `label`, never the value.
 */
export function parseHealth(text: string, label = 'MFA_SMS_HEALTH'): HealthOptions | false {
  const invalid = (why: string) =>
    new MfaSmsError({
      code: 'invalid_config',
      message: `${label} is invalid: ${why}; write it like "3/30s,cooldown:30s", "on" or "off"`,
    });
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off' || trimmed === 'false') return false;
  if (trimmed === 'on' || trimmed === 'true' || trimmed === '') return {};
  const options: HealthOptions = {};
  for (const part of trimmed
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const threshold = /^(\d{1,4})\/(\d{1,5})([smh])$/.exec(part);
    const cooldown = /^cooldown:(\d{1,5})([smh])$/.exec(part);
    if (threshold) {
      if (options.failures !== undefined) throw invalid('the failures/window part is given twice');
      options.failures = Number(threshold[1]);
      options.windowMs = Number(threshold[2]) * (windowUnits[threshold[3] as string] as number);
    } else if (cooldown) {
      if (options.cooldownMs !== undefined) throw invalid('cooldown is given twice');
      options.cooldownMs = Number(cooldown[1]) * (windowUnits[cooldown[2] as string] as number);
    } else {
      throw invalid(`"${part.slice(0, 12)}" is neither failures/window nor cooldown:time`);
    }
  }
  try {
    resolveHealth(options);
  } catch (error) {
    throw invalid(
      error instanceof MfaSmsError
        ? error.message.replace(/^Health options? /, '')
        : 'a value is out of range',
    );
  }
  return options;
}
