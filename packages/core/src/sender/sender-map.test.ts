import { describe, expect, it } from 'vitest';
import { isMfaSmsError } from '../errors/errors.js';
import { alphanumericRefusedCountries, createSenderResolver } from './sender-map.js';

const us = '+14155552671';
const gb = '+447400123456';
const ca = '+16135550123';
const sms = (to: string, from?: string) => ({ to, channel: 'sms' as const, ...(from ? { from } : {}) });
const voice = (to: string, from?: string) => ({ to, channel: 'voice' as const, ...(from ? { from } : {}) });
const required = { sms: true, voice: true };

describe('alphanumericRefusedCountries', () => {
  it('knows at least the US and Canada refuse alphanumeric senders', () => {
    expect([...alphanumericRefusedCountries]).toEqual(expect.arrayContaining(['US', 'CA']));
  });
});

describe('createSenderResolver', () => {
  const options = { provider: 'p', label: 'P', required };

  it('takes the country entry, then "*"', () => {
    const pick = createSenderResolver({ '*': 'Acme', US: '+14155550100', CA: '+14155550101' }, options);
    expect(pick(sms(gb))).toEqual({ sender: 'Acme' });
    expect(pick(sms(us))).toEqual({ sender: '+14155550100' });
    expect(pick(sms(ca))).toEqual({ sender: '+14155550101' });
  });

  it('never sends a name to a country that refuses them, and says which option and country to fix', () => {
    const pick = createSenderResolver('Acme', options);
    expect(pick(sms(gb))).toEqual({ sender: 'Acme' });
    const { sender, problem } = pick(sms(us));
    expect(sender).toBeUndefined();
    expect(isMfaSmsError(problem)).toBe(true);
    expect(problem).toMatchObject({ code: 'invalid_config', provider: 'p', retryable: false });
    expect(problem?.message).toMatch(/option "from".*US/);
    expect(problem?.message).not.toContain('4155552671');
  });

  it('leaves the choice to the provider where a sender is not required', () => {
    const pick = createSenderResolver('Acme', { ...options, required: { sms: false, voice: false } });
    expect(pick(sms(us))).toEqual({});
    expect(
      createSenderResolver(undefined, { ...options, required: { sms: false, voice: false } })(sms(gb)),
    ).toEqual({});
  });

  it('names a country a map without "*" does not cover', () => {
    const { problem } = createSenderResolver({ GB: 'Acme' }, options)(sms(us));
    expect(problem?.message).toMatch(/option "from" has no sender for US/);
  });

  it('calls from numbers only', () => {
    const pick = createSenderResolver({ '*': 'Acme', GB: '+447700900000' }, options);
    expect(pick(voice(gb))).toEqual({ sender: '+447700900000' });
    expect(pick(voice(us)).problem?.message).toMatch(/no number for US/);
  });

  it("prefers the message's own sender where the destination accepts it", () => {
    const pick = createSenderResolver({ '*': 'Acme', US: '+14155550100' }, options);
    expect(pick(sms(gb, 'Template'))).toEqual({ sender: 'Template' });
    // A Phone Template's name to the US is not sent; the US number is.
    expect(pick(sms(us, 'Template'))).toEqual({ sender: '+14155550100' });
    expect(pick(sms(us, '+14155550199'))).toEqual({ sender: '+14155550199' });
    // A call from a name cannot be placed: the map has no number for GB.
    const call = pick(voice(gb, 'Template'));
    expect(call.sender).toBeUndefined();
    expect(call.problem?.message).toMatch(/no number for GB/);
  });
});
