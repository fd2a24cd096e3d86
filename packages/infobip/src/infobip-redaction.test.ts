import type { PhoneMessage } from '@mfa-sms/core';
import { everythingVisible, rejection, useSimulator } from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import type { InfobipOptions } from './infobip-options.js';
import { createInfobip } from './infobip-provider.js';

// Every error path, with answers that echo the key, the code and the number back.
const { simulator } = useSimulator();

function infobip(overrides: Partial<InfobipOptions> = {}) {
  return createInfobip({
    apiKey: simulator.credentials.infobip.apiKey,
    baseUrl: simulator.url,
    from: 'Acme',
    ...overrides,
  });
}

const sms: PhoneMessage = {
  to: '+447400123456',
  text: 'Your code is 493817',
  channel: 'sms',
  code: '493817',
};
const call: PhoneMessage = { ...sms, channel: 'voice', text: 'Your code is 4.9.3.8.1.7' };

describe('createInfobip: redaction (the classic guide passed axios errors, key included, to Auth0)', () => {
  const key = () => simulator.credentials.infobip.apiKey;
  const scenarios: [string, () => void, () => Partial<InfobipOptions>, PhoneMessage][] = [
    ['a wrong key', () => undefined, () => ({ apiKey: 'wrong-api-key-99999' }), sms],
    [
      'a 400 echoing everything',
      () =>
        simulator.fail('infobip', {
          type: 'status',
          status: 400,
          body: JSON.stringify({
            errorCode: 'E400',
            description: `key ${key()} code 493817 to +447400123456`,
            violations: [
              { property: 'messages[0].destinations[0].to', violation: 'bad 447400123456 / 493817' },
            ],
          }),
        }),
      () => ({}),
      sms,
    ],
    [
      'a call refused in a 200 echoing everything',
      () =>
        simulator.fail('infobip', {
          type: 'status',
          status: 200,
          body: JSON.stringify({
            messages: [
              {
                messageId: 'm',
                status: {
                  groupId: 5,
                  groupName: 'REJECTED',
                  name: 'X',
                  description: `447400123456 4, 9, 3, 8, 1, 7 ${key()}`,
                },
              },
            ],
          }),
        }),
      () => ({}),
      call,
    ],
    [
      'a 500 echoing everything',
      () => simulator.fail('infobip', { type: 'status', status: 500, body: `${key()} 493817 447400123456` }),
      () => ({}),
      sms,
    ],
  ];
  for (const [what, arrange, overrides, message] of scenarios) {
    it(`keeps the key, code and number out of ${what}`, async () => {
      arrange();
      const options = { ...overrides() };
      const error = await rejection(infobip(options).send(message));
      const visible = everythingVisible(error);
      for (const value of [key(), options.apiKey ?? key(), '493817', '4, 9, 3, 8, 1, 7', '447400123456']) {
        expect(visible).not.toContain(value);
      }
    });
  }
});
