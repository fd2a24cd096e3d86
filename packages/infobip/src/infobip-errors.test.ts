import { isRetryableCode, type PhoneMessage } from '@mfa-sms/core';
import { rejection, testMessage, useSimulator, withDefaults } from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { infobipHttpErrorTable, infobipStatusTable } from './infobip-errors.js';
import { createInfobip } from './infobip-provider.js';

const { simulator } = useSimulator();

const infobip = withDefaults(createInfobip, () => ({
  ...simulator.credentials.infobip,
  baseUrl: simulator.url,
  from: 'Acme',
}));
const sms: PhoneMessage = testMessage();
const call: PhoneMessage = { ...sms, channel: 'voice' };

describe('a message refused inside an HTTP 200: every row of the status table', () => {
  for (const [name, rule] of Object.entries(infobipStatusTable)) {
    for (const message of [sms, call]) {
      it(`${message.channel}: ${name} → ${rule.code}`, async () => {
        simulator.fail('infobip', { type: 'code', code: name });
        const error = await rejection(infobip().send(message));
        expect(error).toMatchObject({
          code: rule.code,
          retryable: isRetryableCode(rule.code),
          status: 200,
          providerCode: name,
          provider: 'infobip',
        });
        expect(error.message).toContain(rule.meaning);
        expect(error.message).toContain('+44******456');
        expect(simulator.messages).toHaveLength(0);
      });
    }
  }

  it('a REJECTED status the table does not know → rejected, with Infobip’s description', async () => {
    simulator.fail('infobip', { type: 'code', code: 'REJECTED_SOMETHING_NEW' });
    const error = await rejection(infobip().send(sms));
    expect(error).toMatchObject({
      code: 'rejected',
      retryable: false,
      providerCode: 'REJECTED_SOMETHING_NEW',
    });
  });

  it('the statuses named in the issue: not enough credits and a rejected destination', () => {
    expect(infobipStatusTable.REJECTED_NOT_ENOUGH_CREDITS?.code).toBe('insufficient_funds');
    expect(infobipStatusTable.REJECTED_DESTINATION?.code).toBe('blocked_destination');
  });

  it('every row names its source', () => {
    for (const rule of [...Object.values(infobipStatusTable), ...Object.values(infobipHttpErrorTable)]) {
      expect(rule.source).toMatch(/^https:\/\/www\.infobip\.com\/docs\//);
    }
  });
});

describe('HTTP errors: the v3 ApiError codes (SMS) and the older serviceException names (voice)', () => {
  const rows: [string, string, number][] = [
    ['E400', 'BAD_REQUEST', 400],
    ['E401', 'UNAUTHORIZED', 401],
    ['E403', 'FORBIDDEN', 403],
    ['E404', 'NOT_FOUND', 404],
    ['E429', 'TOO_MANY_REQUESTS', 429],
    ['E500', 'GENERAL_ERROR', 500],
  ];
  for (const [errorCode, legacy, status] of rows) {
    const rule = infobipHttpErrorTable[errorCode];
    it(`${errorCode} (SMS) and ${legacy} (voice), HTTP ${status} → ${rule?.code}`, async () => {
      simulator.fail('infobip', { type: 'code', code: errorCode }, { channel: 'sms' });
      simulator.fail('infobip', { type: 'code', code: legacy }, { channel: 'voice' });
      const [smsError, callError] = [
        await rejection(infobip().send(sms)),
        await rejection(infobip().send(call)),
      ];
      for (const [error, code] of [
        [smsError, errorCode],
        [callError, legacy],
      ] as const) {
        expect(error).toMatchObject({ code: rule?.code, status, providerCode: code, provider: 'infobip' });
        expect(error.message).toMatch(new RegExp(`^Infobip answered HTTP ${status} \\(${code}\\): `));
      }
    });
  }

  it('a bad request about the destination → invalid_recipient, in both shapes', async () => {
    simulator.fail('infobip', { type: 'error', kind: 'invalid-number', status: 400 }, { channel: 'sms' });
    simulator.fail('infobip', { type: 'error', kind: 'invalid-number', status: 400 }, { channel: 'voice' });
    await expect(infobip().send(sms)).rejects.toMatchObject({
      code: 'invalid_recipient',
      providerCode: 'E400',
    });
    await expect(infobip().send(call)).rejects.toMatchObject({
      code: 'invalid_recipient',
      providerCode: 'BAD_REQUEST',
    });
  });

  it('a wrong key → auth_failed, the real 401 of the simulator', async () => {
    const error = await rejection(createInfobip({ apiKey: 'not-the-key', baseUrl: simulator.url }).send(sms));
    expect(error).toMatchObject({ code: 'auth_failed', status: 401, providerCode: 'E401', retryable: false });
  });

  it('a body that is neither shape falls back to the HTTP status', async () => {
    simulator.fail('infobip', { type: 'status', status: 402, body: '<html>Payment Required</html>' });
    await expect(infobip().send(sms)).rejects.toMatchObject({ code: 'insufficient_funds', status: 402 });
  });

  it('a 429 keeps Retry-After', async () => {
    simulator.fail('infobip', { type: 'error', kind: 'rate-limit', retryAfter: 3 });
    await expect(infobip().send(sms)).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 3000 });
  });
});
