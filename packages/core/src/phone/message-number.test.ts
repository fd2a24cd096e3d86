import { describe, expect, it } from 'vitest';
import { carryNumber, numberOf } from './message-number.js';
import { normalizePhoneNumber } from './phone-number.js';

describe('numberOf', () => {
  it('answers what was carried with the message, while it describes the message’s number', () => {
    const number = normalizePhoneNumber('07400 123456', { defaultCountry: 'GB' });
    const message = { to: number.e164 };
    carryNumber(message, number);
    expect(numberOf(message)).toBe(number);
    message.to = '+33612345678';
    expect(numberOf(message)).toMatchObject({ country: 'FR', type: 'mobile' });
  });

  it('carries nothing for another number', () => {
    const message = { to: '+33612345678' };
    carryNumber(message, normalizePhoneNumber('+44 7400 123456'));
    expect(numberOf(message)).toMatchObject({ country: 'FR' });
  });

  it('parses once a message nothing was carried with, and keeps that answer for it', () => {
    const message = { to: '+447400123456' };
    const first = numberOf(message);
    expect(first).toEqual({ e164: '+447400123456', country: 'GB', type: 'mobile' });
    expect(numberOf(message)).toBe(first);
    expect(numberOf({ ...message })).not.toBe(first);
  });

  it('leaves a frozen message as it is, and answers it all the same', () => {
    const message = Object.freeze({ to: '+447400123456' });
    carryNumber(message, normalizePhoneNumber('+44 7400 123456'));
    expect(numberOf(message)).toMatchObject({ country: 'GB', type: 'mobile' });
    expect(Object.getOwnPropertySymbols(message)).toEqual([]);
  });

  it('tells nothing about what is not a valid +E.164 number, and never throws', () => {
    for (const to of ['07400123456', '', '+9991234567', undefined, 42]) {
      expect(numberOf({ to } as { to: string })).toEqual({});
    }
    expect(numberOf({ to: '+4990012345678' })).toEqual({ e164: '+4990012345678', country: 'DE' });
  });
});
