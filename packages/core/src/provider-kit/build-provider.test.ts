import { describe, expect, it, vi } from 'vitest';
import type { PhoneMessage } from '../contract/types.js';
import { isMfaSmsError, MfaSmsError } from '../errors/errors.js';
import { buildProvider, type Delivered } from './build-provider.js';

const sms: PhoneMessage = {
  to: '+447400123456',
  text: 'Your code is 493817',
  channel: 'sms',
  code: '493817',
};

function acme(send: (message: PhoneMessage) => Promise<Delivered>) {
  const spy = vi.fn(send);
  return { spy, provider: buildProvider({ name: 'acme', label: 'Acme', channels: ['sms'], send: spy }) };
}

describe('buildProvider', () => {
  it("completes the provider's answer into a SendResult", async () => {
    const { provider } = acme(async () => ({ id: 'm1', segments: 2 }));
    await expect(provider.send(sms)).resolves.toStrictEqual({
      provider: 'acme',
      channel: 'sms',
      id: 'm1',
      to: '+447400123456',
      segments: 2,
    });
    const unknown = acme(async () => ({ id: 'm2' })).provider;
    await expect(unknown.send(sms)).resolves.not.toHaveProperty('segments');
  });

  it('rejects bad input before send is called, as a rejection, never a throw', async () => {
    const { provider, spy } = acme(async () => ({ id: 'm1' }));
    const cases: [PhoneMessage, string][] = [
      [{ ...sms, to: '07400123456' }, 'invalid_recipient'],
      [{ ...sms, channel: 'voice' }, 'unsupported_channel'],
      [{ ...sms, text: ' ' }, 'rejected'],
    ];
    for (const [message, code] of cases) {
      const sent = provider.send(message);
      await expect(sent).rejects.toSatisfy((error) => isMfaSmsError(error) && error.code === code);
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it("turns the definition's own synchronous throw into a rejection", async () => {
    const refusal = new MfaSmsError({ code: 'rejected', provider: 'acme', message: 'Acme: too long' });
    const provider = buildProvider({
      name: 'acme',
      label: 'Acme',
      channels: ['sms'],
      send: () => {
        throw refusal;
      },
    });
    let sent: Promise<unknown> | undefined;
    expect(() => {
      sent = provider.send(sms);
    }).not.toThrow();
    await expect(sent).rejects.toBe(refusal);
  });

  it('passes cannotSend on, and has none when the definition has none', () => {
    const problem = new MfaSmsError({ code: 'invalid_config', provider: 'acme', message: 'Acme: no sender' });
    const withCheck = buildProvider({
      name: 'acme',
      label: 'Acme',
      channels: ['sms'],
      cannotSend: () => problem,
      send: async () => ({ id: 'm1' }),
    });
    expect(withCheck.cannotSend?.(sms)).toBe(problem);
    expect('cannotSend' in acme(async () => ({ id: 'm1' })).provider).toBe(false);
  });
});
