import type { PhoneMessage } from '@mfa-sms/core';
import { testMessage, testRedaction, useSimulator } from '@mfa-sms/simulator/testing';
import { describe } from 'vitest';
import type { InfobipOptions } from './infobip-options.js';
import { createInfobip } from './infobip-provider.js';

// Every error path, with answers that echo the key, the code and the number back.
const { simulator } = useSimulator();

const sms: PhoneMessage = testMessage();
const call: PhoneMessage = { ...sms, channel: 'voice', text: 'Your code is 4.9.3.8.1.7' };

describe('createInfobip: redaction (the classic guide passed axios errors, key included, to Auth0)', () => {
  const key = () => simulator.credentials.infobip.apiKey;
  testRedaction(createInfobip, {
    options: (): InfobipOptions => ({ apiKey: key(), baseUrl: simulator.url, from: 'Acme' }),
    messages: [sms],
    scenarios: [
      { what: 'a wrong key', options: { apiKey: 'wrong-api-key-99999' } },
      {
        what: 'a 400 echoing everything',
        arrange: () =>
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
      },
      {
        what: 'a call refused in a 200 echoing everything',
        arrange: () =>
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
        messages: [call],
      },
      {
        what: 'a 500 echoing everything',
        arrange: () =>
          simulator.fail('infobip', { type: 'status', status: 500, body: `${key()} 493817 447400123456` }),
      },
    ],
    hidden: (options) => [key(), options.apiKey, '493817', '4, 9, 3, 8, 1, 7', '447400123456'],
    kept: 'the key, code and number',
  });
});
