import { describe, expect, it } from 'vitest';
import { senderIdOption, senderOption } from './sender-option.js';

describe('senderIdOption', () => {
  it("is core's sender id rule, with the rule as its message", () => {
    expect(senderIdOption().safeParse('Mitto SMS').success).toBe(true);
    const refused = senderIdOption().safeParse('Acme Limited');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('1 to 11 letters');
  });
});

describe('senderOption', () => {
  it('accepts one sender or a map of countries and "*"', () => {
    expect(senderOption().safeParse('Acme').success).toBe(true);
    expect(senderOption().safeParse({ '*': 'Acme', US: '+14155550100', CA: '+14155550100' }).success).toBe(
      true,
    );
    expect(senderOption().safeParse({ GB: 'Acme' }).success).toBe(true);
  });

  it.each([[{}], [{ us: '+14155550100' }], [{ USA: 'Acme' }], [{ '*': 'way too long name' }], ['']])(
    'refuses %j',
    (value) => {
      expect(senderOption().safeParse(value).success).toBe(false);
    },
  );
});
