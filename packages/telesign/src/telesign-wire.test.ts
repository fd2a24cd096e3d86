import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plugin } from './telesign-plugin.js';
import { basicAuthorization, telesignForm } from './telesign-wire.js';

// Telesign's Python SDK tests its Basic header (specs/telesign/test_rest.py, vendored whole).
const pythonTests = readFileSync(new URL('../../../specs/telesign/test_rest.py', import.meta.url), 'utf8');

describe('the Basic header', () => {
  it('is the one Telesign’s Python SDK builds for the same credentials', () => {
    const customerId = /self\.customer_id = "([^"]+)"/.exec(pythonTests)?.[1] as string;
    const apiKey = /self\.api_key = "([^"]+)"/.exec(pythonTests)?.[1] as string;
    const block = /expected_authorization_header =\s+\(('Basic [\s\S]*?)\)/.exec(pythonTests)?.[1] as string;
    const expected = [...block.matchAll(/'([^']*)'/g)].map(([, part]) => part).join('');
    expect(basicAuthorization(customerId, apiKey)).toBe(expected);
  });
});

describe('telesignForm', () => {
  it('sends the digits of the number, OTP traffic, and a voice only when given', () => {
    expect(telesignForm({ to: '+15551234567', text: 'Code 1234', reference: 'r-1' }).toString()).toBe(
      'phone_number=15551234567&message=Code+1234&message_type=OTP&external_id=r-1',
    );
    expect(telesignForm({ to: '+15551234567', text: 'Code', voice: 'f-en-US' }).get('voice')).toBe('f-en-US');
  });
});

describe('plugin', () => {
  it('reads the guide’s secrets, its TELESIGN_REST_API_KEY as an alias of TELESIGN_API_KEY', () => {
    expect(plugin.name).toBe('telesign');
    expect(plugin.secrets).toEqual({
      customerId: ['TELESIGN_CUSTOMER_ID'],
      apiKey: ['TELESIGN_API_KEY', 'TELESIGN_REST_API_KEY'],
      baseUrl: ['TELESIGN_BASE_URL'],
      voice: ['TELESIGN_VOICE'],
    });
    expect(plugin.required).toEqual(['TELESIGN_CUSTOMER_ID']);
  });

  it('builds a provider, with TELESIGN_VOICE as the voice of every call', () => {
    expect(plugin.create({ customerId: 'C-1', apiKey: 'a2V5', voice: 'f-en-GB' })).toMatchObject({
      name: 'telesign',
      channels: ['sms', 'voice'],
    });
    expect(() => plugin.create({ customerId: 'C-1', apiKey: 'a2V5', voice: 'en-GB' })).toThrow(
      /"voice.voice"/,
    );
  });
});
