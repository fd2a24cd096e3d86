import { isMfaSmsError, type MfaSmsError, type MfaSmsErrorCode } from '@mfa-sms/core';
import { useSimulator } from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { classifyTwilioError, twilioErrorTable } from './twilio-errors.js';
import { createTwilio } from './twilio-provider.js';

const to = '+447700900123';

// One row per Twilio code of the table, with what the error must be. Kept apart from the table
// itself so that a change to the table has to be made twice, on purpose.
const expected: [number, MfaSmsErrorCode, boolean][] = [
  [20003, 'auth_failed', false],
  [20005, 'insufficient_funds', false],
  [10001, 'insufficient_funds', false],
  [20429, 'rate_limited', true],
  [20404, 'rejected', false],
  [21211, 'invalid_recipient', false],
  [21614, 'invalid_recipient', false],
  [21635, 'invalid_recipient', false],
  [13224, 'invalid_recipient', false],
  [21408, 'blocked_destination', false],
  [21612, 'blocked_destination', false],
  [21215, 'blocked_destination', false],
  [13227, 'blocked_destination', false],
  [21606, 'invalid_config', false],
  [21659, 'invalid_config', false],
  [21660, 'invalid_config', false],
  [21210, 'invalid_config', false],
  [21212, 'invalid_config', false],
  [21610, 'rejected', false],
  [21608, 'rejected', false],
];

describe('twilioErrorTable', () => {
  it('has exactly the rows this test expects', () => {
    const tableCodes = twilioErrorTable.flatMap((rule) => rule.twilioCodes).sort();
    expect(tableCodes).toEqual(expected.map(([code]) => code).sort());
  });

  it.each(expected)('maps %i to %s', (twilioCode, code, retryable) => {
    // On a plain 400 the table decides: the code and its retryability from core.
    expect(classifyTwilioError(400, twilioCode)).toMatchObject({ code, retryable });
  });

  it('lets HTTP 429 and 5xx win over any code', () => {
    expect(classifyTwilioError(429, 21211)).toMatchObject({ code: 'rate_limited', retryable: true });
    expect(classifyTwilioError(503, 21211)).toMatchObject({ code: 'provider_unavailable', retryable: true });
    expect(classifyTwilioError(500, undefined)).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
    });
  });

  it('falls back to the HTTP status for codes it does not know', () => {
    expect(classifyTwilioError(400, 29999)).toEqual({ code: 'rejected', retryable: false });
    expect(classifyTwilioError(401, undefined)).toEqual({ code: 'auth_failed', retryable: false });
    expect(classifyTwilioError(403, 29999)).toEqual({ code: 'auth_failed', retryable: false });
    expect(classifyTwilioError(402, undefined)).toEqual({ code: 'insufficient_funds', retryable: false });
    expect(classifyTwilioError(409, undefined)).toEqual({ code: 'rejected', retryable: false });
  });
});

describe('Twilio errors through the simulator', () => {
  const { simulator } = useSimulator();

  function twilio() {
    const { accountSid, authToken } = simulator.credentials.twilio;
    return createTwilio({ accountSid, authToken, from: '+15005550006', baseUrl: simulator.url });
  }

  async function failure(promise: Promise<unknown>): Promise<MfaSmsError> {
    const caught = await promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!isMfaSmsError(caught)) throw new Error(`expected an MfaSmsError, got ${String(caught)}`);
    return caught;
  }

  it.each(expected)('Twilio %i becomes %s', async (twilioCode, code, retryable) => {
    simulator.fail('twilio', { type: 'code', code: twilioCode });
    const error = await failure(
      twilio().send({ to, text: 'Your code is 123456', channel: 'sms', code: '123456' }),
    );
    expect(error).toMatchObject({ code, retryable, provider: 'twilio', providerCode: String(twilioCode) });
    expect(error.message).toContain(`https://www.twilio.com/docs/errors/${twilioCode}`);
    expect(error.message).toContain(`(${twilioCode})`);
    expect(error.message).not.toContain('447700900123');
  });

  it('maps HTTP 429 whatever the code', async () => {
    simulator.fail('twilio', { type: 'code', code: 21211, status: 429 });
    const error = await failure(twilio().send({ to, text: 'hi', channel: 'sms' }));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, providerCode: '21211' });
  });

  it('maps an unknown 4xx code to rejected, keeping the code', async () => {
    simulator.fail('twilio', { type: 'code', code: 21617 });
    const error = await failure(twilio().send({ to, text: 'hi', channel: 'sms' }));
    expect(error).toMatchObject({ code: 'rejected', retryable: false, providerCode: '21617', status: 400 });
  });

  it('names the error in a way a person can act on', async () => {
    simulator.fail('twilio', { type: 'code', code: 21614 });
    const error = await failure(twilio().send({ to, text: 'hi', channel: 'sms' }));
    expect(error.message).toBe(
      'Twilio answered HTTP 400 (21614): the recipient is not a valid number for this channel; recipient +44******123; see https://www.twilio.com/docs/errors/21614 …',
    );
  });
});
