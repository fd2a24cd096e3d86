import { describe, expect, it } from 'vitest';
import { assertSendable } from '../provider-kit/assert-sendable.js';
import { isSenderId, senderIdKind } from './sender-id.js';

describe('senderIdKind', () => {
  it.each([
    ['Mitto SMS', 'alphanumeric'],
    ['Acme', 'alphanumeric'],
    ['A', 'alphanumeric'],
    ['Acme & Co.', 'alphanumeric'],
    ["O'Neil-Bank", 'alphanumeric'],
    ['Shop_24+7', 'alphanumeric'],
    ['Bank@Home!', 'alphanumeric'],
    ['+447700900000', 'number'],
    ['447700900000', 'number'],
    ['12345', 'number'],
    ['+14155550100', 'number'],
  ])('accepts %j as %s', (value, kind) => {
    expect(senderIdKind(value)).toBe(kind);
    expect(isSenderId(value)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['twelve characters', 'Acme Limited'],
    ['a leading space', ' Acme'],
    ['a trailing space', 'Acme '],
    ['a character no provider documents', 'Acme:Bank'],
    ['a non-ASCII letter', 'Café'],
    ['two digits', '12'],
    ['sixteen digits', '1234567890123456'],
    ['a number with a leading zero', '0123'],
    ['punctuation only', '+-_'],
    ['not a string', 42],
  ])('refuses %s', (_, value) => {
    expect(senderIdKind(value)).toBeUndefined();
    expect(isSenderId(value)).toBe(false);
  });

  it("refuses a message's own sender that no provider would take, before any request", () => {
    const provider = { name: 'p', label: 'P', channels: ['sms'] as const };
    const message = { to: '+447400123456', text: 'Code 493817', channel: 'sms' as const };
    expect(() => assertSendable({ ...message, from: '+447700900111' }, provider)).not.toThrow();
    expect(() => assertSendable({ ...message, from: 'Far too long a name' }, provider)).toThrow(
      expect.objectContaining({ code: 'rejected', provider: 'p' }),
    );
  });
});
