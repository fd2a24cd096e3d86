import { describe, expect, it } from 'vitest';
import { mittoErrorTable } from './mitto-errors.js';
import { mittoAnswerSchema, mittoSmsRequest, mittoSuccessSchema } from './mitto-wire.js';

describe('mittoSmsRequest', () => {
  it('sends digits without +, and type only for text GSM-7 cannot carry', () => {
    expect(mittoSmsRequest({ to: '+491775682913', text: 'Code {1}€', channel: 'sms' }, 'Acme')).toEqual({
      from: 'Acme',
      to: '491775682913',
      text: 'Code {1}€',
    });
    expect(
      mittoSmsRequest({ to: '+491775682913', text: 'Código `1`', channel: 'sms', reference: 'r' }, 'Acme'),
    ).toEqual({
      from: 'Acme',
      to: '491775682913',
      text: 'Código `1`',
      type: 'Unicode',
      reference: 'r',
    });
  });
});

describe('answer schemas', () => {
  it('coerce numbers sent as strings', () => {
    expect(mittoSuccessSchema().parse({ id: 'a', responseCode: '0', textLength: '13' })).toEqual({
      id: 'a',
      responseCode: 0,
      textLength: 13,
    });
    expect(mittoAnswerSchema().parse({ responseCode: '8', responseText: 'Invalid receiver' })).toEqual({
      responseCode: 8,
      responseText: 'Invalid receiver',
    });
  });

  it('refuse a success with another responseCode, a missing id or a non-numeric code', () => {
    expect(mittoSuccessSchema().safeParse({ id: 'a', responseCode: 1 }).success).toBe(false);
    expect(mittoSuccessSchema().safeParse({ responseCode: 0 }).success).toBe(false);
    expect(mittoAnswerSchema().safeParse({ responseCode: 'eight' }).success).toBe(false);
  });
});

describe('mittoErrorTable', () => {
  it('covers Mitto’s documented non-zero response codes', () => {
    expect(Object.keys(mittoErrorTable).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
