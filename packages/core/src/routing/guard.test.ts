import { describe, expect, it } from 'vitest';
import { isMfaSmsError, type MfaSmsError } from '../errors/errors.js';
import { createGuard, type GuardOptions } from './guard.js';

type Guard = ReturnType<typeof createGuard>;

/** The guard's refusal, or undefined when it lets the message through. */
function refusal(guard: Guard, to: string, channel: 'sms' | 'voice' = 'sms'): MfaSmsError | undefined {
  try {
    guard({ to, channel });
    return undefined;
  } catch (error) {
    if (isMfaSmsError(error)) return error;
    throw error;
  }
}

function configError(options: unknown): MfaSmsError {
  try {
    createGuard(options as GuardOptions);
  } catch (error) {
    if (isMfaSmsError(error)) return error;
    throw error;
  }
  throw new Error('expected the options to be refused');
}

const numbers = {
  ukMobile: '+447400123456',
  guernseyMobile: '+447911123456',
  usAny: '+14155552671',
  ukLandline: '+442079460000',
  ukPremium: '+449090123456',
  usPremium: '+19005551234',
  usTollFree: '+18005551234',
  frSharedCost: '+33810123456',
  ukVoip: '+445612345678',
  ukPersonal: '+447012345678',
  ieMobile: '+353851234567',
  deMobile: '+491701234567',
  international: '+80012345678',
  invalid: '+447700900123',
};

describe('createGuard: number types', () => {
  const guard = createGuard({});

  it('sends SMS to mobile and fixed-line-or-mobile numbers by default', () => {
    expect(refusal(guard, numbers.ukMobile)).toBeUndefined();
    expect(refusal(guard, numbers.usAny)).toBeUndefined();
    expect(refusal(guard, numbers.deMobile)).toBeUndefined();
  });

  it.each([
    ['ukLandline', 'fixed-line'],
    ['ukPremium', 'premium-rate'],
    ['usPremium', 'premium-rate'],
    ['usTollFree', 'toll-free'],
    ['frSharedCost', 'shared-cost'],
    ['ukVoip', 'voip'],
    ['ukPersonal', 'personal-number'],
  ] as const)('refuses SMS to %s, naming the type %s', (name, type) => {
    const error = refusal(guard, numbers[name]);
    expect(error).toMatchObject({ code: 'blocked_destination', retryable: false });
    expect(error?.message).toContain(`number type ${type} is not allowed for sms`);
    expect(error?.message).toContain('allowed: mobile, fixed-line-or-mobile');
  });

  it('calls landlines but not premium-rate numbers by default', () => {
    expect(refusal(guard, numbers.ukLandline, 'voice')).toBeUndefined();
    expect(refusal(guard, numbers.ukMobile, 'voice')).toBeUndefined();
    expect(refusal(guard, numbers.usAny, 'voice')).toBeUndefined();
    expect(refusal(guard, numbers.ukPremium, 'voice')?.message).toContain(
      'number type premium-rate is not allowed for voice',
    );
    expect(refusal(guard, numbers.usTollFree, 'voice')?.message).toContain('toll-free');
  });

  it('refuses numbers that are not valid, whose type cannot be told', () => {
    for (const to of [
      numbers.invalid,
      '+4990012345678',
      '+999123456789',
      'not a number',
      '+44 7400 123456',
      '',
    ]) {
      const error = refusal(guard, to);
      expect(error).toMatchObject({ code: 'blocked_destination', retryable: false });
      expect(error?.message).toContain('not a valid phone number');
    }
  });

  it('takes custom types per channel, each replacing that channel’s default only', () => {
    const custom = createGuard({
      allowedTypes: { sms: ['mobile', 'fixed-line-or-mobile', 'voip'], voice: [] },
    });
    expect(refusal(custom, numbers.ukVoip)).toBeUndefined();
    expect(refusal(custom, numbers.ukLandline)?.message).toContain('fixed-line');
    expect(refusal(custom, numbers.ukMobile, 'voice')?.message).toContain('(allowed: none)');
    const voiceOnly = createGuard({ allowedTypes: { voice: ['mobile'] } });
    expect(refusal(voiceOnly, numbers.ukLandline, 'voice')?.message).toContain('fixed-line');
    expect(refusal(voiceOnly, numbers.usAny)).toBeUndefined();
  });

  it('refuses a channel it does not know', () => {
    expect(() => guard({ to: numbers.ukMobile, channel: 'email' as never })).toThrow(
      expect.objectContaining({ code: 'unsupported_channel' }),
    );
  });
});

describe('createGuard: countries', () => {
  it('sends only to allowed countries, written in any case', () => {
    const guard = createGuard({ allowedCountries: ['gb', 'Us'] });
    expect(refusal(guard, numbers.ukMobile)).toBeUndefined();
    expect(refusal(guard, numbers.usAny)).toBeUndefined();
    const error = refusal(guard, numbers.deMobile);
    expect(error).toMatchObject({ code: 'blocked_destination', retryable: false });
    expect(error?.message).toContain('country DE is not in the allowed list');
    // +44 7911 is Guernsey's range: a country of its own for libphonenumber.
    expect(refusal(guard, numbers.guernseyMobile)?.message).toContain(
      'country GG is not in the allowed list',
    );
  });

  it('never sends to blocked countries', () => {
    const guard = createGuard({ blockedCountries: ['ie'] });
    expect(refusal(guard, numbers.ieMobile)?.message).toContain('country IE is in the blocked list');
    expect(refusal(guard, numbers.deMobile)).toBeUndefined();
  });

  it('lets the blocked list win where both lists name a country', () => {
    const guard = createGuard({ allowedCountries: ['GB', 'IE'], blockedCountries: ['IE'] });
    expect(refusal(guard, numbers.ukMobile)).toBeUndefined();
    expect(refusal(guard, numbers.ieMobile)?.message).toContain('country IE is in the blocked list');
  });

  it('refuses non-geographic numbers when a country policy is set, and only then', () => {
    const types = { sms: ['toll-free' as const] };
    expect(refusal(createGuard({ allowedTypes: types }), numbers.international)).toBeUndefined();
    expect(
      refusal(createGuard({ allowedTypes: types, blockedCountries: ['RU'] }), numbers.international)?.message,
    ).toContain('belongs to no single country');
  });

  it('checks the country before the type', () => {
    const guard = createGuard({ allowedCountries: ['US'] });
    expect(refusal(guard, numbers.ukPremium)?.message).toContain('country GB');
  });
});

describe('createGuard: messages', () => {
  it('never puts the whole number in a refusal', () => {
    const guard = createGuard({ allowedCountries: ['US'] });
    for (const to of [numbers.ukMobile, numbers.ukPremium, numbers.invalid, numbers.international]) {
      const message = refusal(guard, to)?.message ?? '';
      expect(message).toContain(`${to.slice(0, 3)}******${to.slice(-3)}`);
      expect(message).not.toContain(to.slice(1));
    }
  });
});

describe('createGuard: options', () => {
  it('accepts no options at all', () => {
    expect(refusal(createGuard(undefined as never), numbers.ukMobile)).toBeUndefined();
  });

  it.each([
    [{ allowedCountries: ['GB', 'UK'] }, 'option "allowedCountries[1]" is invalid', '"GB" (not "UK")'],
    [{ allowedCountries: ['GBR'] }, 'option "allowedCountries[0]" is invalid', 'ISO 3166 alpha-2'],
    [{ blockedCountries: ['ZZ'] }, 'option "blockedCountries[0]" is invalid', 'ISO 3166 alpha-2'],
    [{ blockedCountries: [44] }, 'option "blockedCountries[0]" is invalid', ''],
    [{ blockedCountries: 'RU' }, 'option "blockedCountries" is invalid', ''],
    [{ allowedTypes: { sms: ['cellular'] } }, 'option "allowedTypes.sms[0]" is invalid', ''],
    [{ allowedTypes: { voice: ['mobile', 'landline'] } }, 'option "allowedTypes.voice[1]" is invalid', ''],
    [{ allowedTypes: { email: ['mobile'] } }, 'unknown option "email"', ''],
    [{ countries: ['GB'] }, 'unknown option "countries"', ''],
  ])('refuses %j as invalid_config', (options, where, why) => {
    const error = configError(options);
    expect(error).toMatchObject({ code: 'invalid_config', retryable: false });
    expect(error.message).toContain(where);
    expect(error.message).toContain(why);
  });

  it('does not echo the bad value', () => {
    expect(configError({ blockedCountries: ['QQ'] }).message).not.toContain('QQ');
  });
});
