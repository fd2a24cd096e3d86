import { parseXml } from '@mfa-sms/core/provider';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basicAuthorization,
  callRequestForm,
  messageRequestForm,
  sayTwiml,
  statusCallbackUrl,
  twilioCallSchema,
  twilioMessageSchema,
} from './twilio-wire.js';

describe('messageRequestForm', () => {
  it('prefers the Messaging Service over From', () => {
    const form = messageRequestForm({
      to: '+447700900123',
      text: 'hi',
      from: '+15005550006',
      messagingServiceSid: 'MG1',
    });
    expect(Object.fromEntries(form)).toEqual({ To: '+447700900123', MessagingServiceSid: 'MG1', Body: 'hi' });
  });

  it('encodes + and & so that Twilio reads them back', () => {
    const form = messageRequestForm({ to: '+447700900123', text: 'a+b & c=d', from: '+15005550006' });
    expect(form.toString()).toBe('To=%2B447700900123&From=%2B15005550006&Body=a%2Bb+%26+c%3Dd');
  });
});

describe('callRequestForm', () => {
  it('sends To, From, Twiml and the status callback', () => {
    const form = callRequestForm({
      to: '+447700900123',
      from: '+15005550006',
      twiml: '<Response/>',
      statusCallback: 'https://x.test/',
    });
    expect(Object.fromEntries(form)).toEqual({
      To: '+447700900123',
      From: '+15005550006',
      Twiml: '<Response/>',
      StatusCallback: 'https://x.test/',
    });
  });
});

describe('statusCallbackUrl', () => {
  it('adds the reference as a query parameter, keeping the others', () => {
    expect(statusCallbackUrl('https://example.com/cb?a=1', 'ref/1')).toBe(
      'https://example.com/cb?a=1&reference=ref%2F1',
    );
    expect(statusCallbackUrl('https://example.com/cb', undefined)).toBe('https://example.com/cb');
    expect(statusCallbackUrl(undefined, 'ref')).toBeUndefined();
  });
});

describe('basicAuthorization', () => {
  it('encodes username:password', () => {
    expect(basicAuthorization('AC1', 'secret')).toBe(`Basic ${Buffer.from('AC1:secret').toString('base64')}`);
  });
});

function isXmlCharacter(character: string): boolean {
  const point = character.codePointAt(0) ?? 0;
  if (point === 0x9 || point === 0xa || point === 0xd) return true;
  return point >= 0x20 && point !== 0xfffe && point !== 0xffff;
}

describe('sayTwiml', () => {
  it('builds one Say with escaped attributes', () => {
    expect(sayTwiml('Hi', { language: 'en-GB', voice: 'Polly."Amy"', loop: 2 })).toBe(
      '<Response><Say language="en-GB" voice="Polly.&quot;Amy&quot;" loop="2">Hi</Say></Response>',
    );
  });

  it.each([
    '</Say><Dial>+19005550100</Dial><Say>',
    'Tom & Jerry',
    ']]><Hangup/>',
    '<!-- <Reject/> -->',
    '<![CDATA[</Say>]]>',
    '<?xml version="1.0"?>',
    '"\' <Play>https://evil.example/a.mp3</Play>',
  ])('cannot be changed by %s', (text) => {
    const document = parseXml(sayTwiml(text, { language: 'en-US', loop: 1 }));
    expect(document.name).toBe('Response');
    expect(document.children.map((child) => child.name)).toEqual(['Say']);
    expect(document.children[0]?.children).toEqual([]);
    expect(document.children[0]?.text).toBe(text);
  });

  it('keeps any printable text inside the one Say (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const document = parseXml(sayTwiml(text, { language: 'en-US', loop: 2 }));
        expect(document.children).toHaveLength(1);
        expect(document.children[0]?.children).toEqual([]);
        // XML cannot carry C0 control characters: escapeXml drops them, nothing else changes.
        expect(document.children[0]?.text).toBe([...text].filter(isXmlCharacter).join(''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('response schemas', () => {
  it('coerce num_segments and treat 0 as unknown', () => {
    const sid = `SM${'0'.repeat(32)}`;
    expect(
      twilioMessageSchema().parse({ sid, status: 'queued', num_segments: '3', extra: 1 }).num_segments,
    ).toBe(3);
    expect(
      twilioMessageSchema().parse({ sid, status: 'accepted', num_segments: '0' }).num_segments,
    ).toBeUndefined();
    expect(
      twilioMessageSchema().parse({ sid, status: 'queued', num_segments: null }).num_segments,
    ).toBeUndefined();
    expect(twilioMessageSchema().safeParse({ sid: 'nope', status: 'queued' }).success).toBe(false);
    expect(twilioCallSchema().safeParse({ sid: `CA${'f'.repeat(32)}`, status: 'queued' }).success).toBe(true);
  });
});
