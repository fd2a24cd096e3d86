import { describe, expect, it } from 'vitest';
import {
  vonageProblemCode,
  vonageProblemCodeName,
  vonageStatusRule,
  vonageStatusTable,
} from './vonage-errors.js';

// The table, written out independently of vonage-errors.ts so that a changed row fails here.
const expected: readonly [status: number, errorText: string, code: string, retryable: boolean][] = [
  [1, 'Throughput Rate Exceeded - please wait [ 1000 ] and retry', 'rate_limited', true],
  [10, 'Too many existing binds', 'rate_limited', true],
  [5, 'Internal Error', 'provider_unavailable', true],
  [13, 'Communication Failed', 'provider_unavailable', true],
  [4, 'Bad Credentials', 'auth_failed', false],
  [14, 'Invalid Signature', 'auth_failed', false],
  [9, 'Partner quota violation, include=0.0', 'insufficient_funds', false],
  [6, 'Invalid Message', 'invalid_recipient', false],
  [33, 'Number de-activated.', 'invalid_recipient', false],
  [2, 'Missing to param', 'invalid_recipient', false],
  [3, 'Invalid to param', 'invalid_recipient', false],
  [7, 'Number barred.', 'blocked_destination', false],
  [29, 'Non White-listed Destination - rejected', 'blocked_destination', false],
  [15, 'Illegal Sender Address - rejected', 'invalid_config', false],
  [2, 'Missing from param', 'rejected', false],
  [3, 'Invalid text param', 'rejected', false],
  [8, 'Partner account barred.', 'rejected', false],
  [11, 'Account not enabled for HTTP', 'rejected', false],
  [12, 'Message too long', 'rejected', false],
  [22, 'Invalid network code', 'rejected', false],
  [32, 'Signature and API secret disallowed', 'rejected', false],
  [99, 'Something new', 'rejected', false],
];

describe('vonageStatusRule', () => {
  it.each(expected)('status %i "%s" → %s (retryable %s)', (status, errorText, code, retryable) => {
    expect(vonageStatusRule(status, errorText)).toMatchObject({ code, retryable });
  });

  it('reads statuses 2 and 3 without an error-text as a refusal, not a recipient problem', () => {
    expect(vonageStatusRule(3, undefined).code).toBe('rejected');
  });

  it('has a row for every status the issue names, and for no other', () => {
    const covered = vonageStatusTable.flatMap((rule) => rule.statuses).sort((a, b) => a - b);
    expect(covered).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 10, 13, 14, 15, 29, 33]);
  });

  it('explains every row for a person', () => {
    for (const rule of vonageStatusTable) expect(rule.meaning.length).toBeGreaterThan(5);
  });
});

describe('vonageProblemCode', () => {
  it.each([
    [401, {}, undefined],
    [402, {}, undefined],
    [429, {}, undefined],
    [503, {}, undefined],
    [422, { invalid_parameters: [{ name: 'to' }] }, 'invalid_recipient'],
    [422, { invalid_parameters: [{ name: 'from' }] }, 'invalid_config'],
    [
      422,
      { title: 'Invalid number', detail: 'The value of the to parameter is not valid' },
      'invalid_recipient',
    ],
    [400, { title: 'Bad Request', detail: 'Invalid to.0.number: does not match' }, 'invalid_recipient'],
    [422, { title: 'Invalid sender', detail: 'The from number is not linked' }, 'invalid_config'],
    [400, { title: 'Bad Request', detail: 'Unable to process the request' }, 'rejected'],
    [422, undefined, 'rejected'],
  ] as const)('HTTP %i %j → %s', (status, problem, code) => {
    expect(vonageProblemCode(status, problem)).toBe(code);
  });
});

describe('vonageProblemCodeName', () => {
  it.each([
    [{ type: 'https://developer.nexmo.com/api-errors/messages-olympus#1160' }, 'messages-olympus#1160'],
    [{ type: 'https://developer.nexmo.com/api-errors#unauthorized' }, 'api-errors#unauthorized'],
    [{ title: 'Low balance' }, 'Low balance'],
    [undefined, undefined],
  ])('%j → %s', (problem, name) => {
    expect(vonageProblemCodeName(problem)).toBe(name);
  });
});
