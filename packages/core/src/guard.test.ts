import { describe, expect, it } from 'vitest';
import { createGuard } from './guard.js';

function blocked(
  guard: ReturnType<typeof createGuard>,
  to: string,
  channel: 'sms' | 'voice' = 'sms',
): Error | undefined {
  try {
    guard({ to, channel });
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

describe('createGuard', () => {
  it('lets mobile numbers through by default and refuses premium-rate and landlines for SMS', () => {
    const guard = createGuard({});
    expect(blocked(guard, '+447911123456')).toBeUndefined();
    expect(blocked(guard, '+14155552671')).toBeUndefined();
    expect(blocked(guard, '+449090123456')).toMatchObject({ code: 'blocked_destination', retryable: false });
    expect(blocked(guard, '+449090123456')?.message).toContain('premium-rate number is not allowed for sms');
    expect(blocked(guard, '+442079460000')?.message).toContain('fixed-line');
    expect(blocked(guard, '+442079460000', 'voice')).toBeUndefined();
  });

  it('applies allowed and blocked countries, blocked winning', () => {
    const guard = createGuard({ allowedCountries: ['gb', 'IE'], blockedCountries: ['IE'] });
    expect(blocked(guard, '+447400123456')).toBeUndefined();
    expect(blocked(guard, '+447911123456')?.message).toContain('country GG');
    expect(blocked(guard, '+353851234567')?.message).toContain('country IE is blocked');
    expect(blocked(guard, '+491701234567')?.message).toContain(
      'country DE is not among the allowed countries',
    );
    expect(blocked(guard, '+491701234567')?.message).toContain('+49******567');
  });

  it('refuses numbers whose country is unknown when a country policy is set', () => {
    expect(blocked(createGuard({ allowedCountries: ['GB'] }), '+999123456789')?.message).toContain(
      'cannot be determined',
    );
  });

  it('accepts custom types per channel', () => {
    const guard = createGuard({ allowedTypes: { sms: ['mobile', 'fixed-line-or-mobile', 'fixed-line'] } });
    expect(blocked(guard, '+442079460000')).toBeUndefined();
  });

  it.each([
    [{ allowedCountries: ['GBR'] }, 'option "allowedCountries[0]" is invalid'],
    [{ allowedTypes: { sms: ['cellular'] } }, 'option "allowedTypes.sms[0]" is invalid'],
    [{ countries: ['GB'] }, 'unknown option "countries"'],
  ])('rejects bad options %j', (options, message) => {
    expect(() => createGuard(options as never)).toThrow(message);
  });
});
