import { describe, expect, it } from 'vitest';
import type { PhoneMessage } from '../contract/types.js';
import { assertSendable } from './assert-sendable.js';

const provider = { name: 'acme', label: 'Acme', channels: ['sms'] as const };

function failure(message: unknown): Error {
  try {
    assertSendable(message as PhoneMessage, provider);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('assertSendable', () => {
  it('accepts an E.164 SMS with text', () => {
    expect(() => assertSendable({ to: '+447911123456', text: 'hi', channel: 'sms' }, provider)).not.toThrow();
  });

  it.each([
    [{ to: '+447911123456', text: 'hi', channel: 'voice' }, 'unsupported_channel', 'does not offer voice'],
    [{ to: '+447911123456', text: 'hi', channel: 'fax' }, 'unsupported_channel', 'unknown channel'],
    [{ to: '07911 123456', text: 'hi', channel: 'sms' }, 'invalid_recipient', 'not in E.164 form'],
    [{ to: 447911123456, text: 'hi', channel: 'sms' }, 'invalid_recipient', 'number is not in E.164'],
    [{ to: '+447911123456', text: '  ', channel: 'sms' }, 'rejected', 'text is empty'],
    [null, 'rejected', 'must be an object'],
  ])('rejects %j', (message, code, text) => {
    const error = failure(message);
    expect(error).toMatchObject({ code, provider: 'acme', retryable: false });
    expect(error.message).toContain(text);
    expect(error.message).not.toContain('7911 123456');
  });
});
