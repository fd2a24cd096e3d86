import { describe, expect, it } from 'vitest';
import { parseDeployArgs } from './deploy-options.js';

describe('parseDeployArgs', () => {
  it('takes the two triggers it knows', () => {
    expect(parseDeployArgs(['--trigger', 'send-phone-message'])).toMatchObject({
      trigger: 'send-phone-message',
    });
    expect(parseDeployArgs([])).toMatchObject({ trigger: 'custom-phone-provider', name: 'mfa-sms' });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses --trigger %s, a name every object answers to',
    (trigger) => {
      expect(() => parseDeployArgs(['--trigger', trigger])).toThrow(
        /--trigger must be custom-phone-provider or send-phone-message/,
      );
    },
  );
});
