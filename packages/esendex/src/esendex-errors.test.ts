import { describe, expect, it } from 'vitest';
import { esendexErrorTable, esendexRuleFor } from './esendex-errors.js';

describe('esendexErrorTable', () => {
  it('covers exactly the statuses Esendex documents, plus 429', () => {
    expect(Object.keys(esendexErrorTable).map(Number)).toEqual([
      400, 401, 402, 403, 404, 405, 408, 429, 500, 503,
    ]);
  });
});

describe('esendexRuleFor', () => {
  const recipientDescriptions = [
    "Invalid recipient: '44abc' is not a valid phone number",
    'The recipients field contains an invalid number',
    "The 'to' field is not valid",
    'Invalid MSISDN',
  ];
  for (const description of recipientDescriptions) {
    it(`reads "${description}" as invalid_recipient`, () => {
      expect(esendexRuleFor(400, description)).toMatchObject({ code: 'invalid_recipient', retryable: false });
    });
  }

  const otherDescriptions = [
    'Invalid originator (from)',
    'The message body is required',
    'Number of messages exceeded',
  ];
  for (const description of otherDescriptions) {
    it(`keeps "${description}" as rejected`, () => {
      expect(esendexRuleFor(400, description).code).toBe('rejected');
    });
  }

  it('only reads a recipient problem into a 400', () => {
    expect(esendexRuleFor(403, 'Invalid recipient').code).toBe('auth_failed');
  });

  it('treats any 5xx as retryable and other statuses by their generic meaning', () => {
    expect(esendexRuleFor(599, undefined)).toMatchObject({ code: 'provider_unavailable', retryable: true });
    expect(esendexRuleFor(418, undefined)).toMatchObject({ code: 'rejected', retryable: false });
  });
});
