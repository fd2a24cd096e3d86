import { parseXml } from '@mfa-sms/core/provider';
import { describe, expect, it } from 'vitest';
import {
  esendexDispatchFromXml,
  esendexErrorDescription,
  esendexJsonAnswerSchema,
  esendexMessageFields,
  esendexRequestXml,
  esendexVoiceLanguageFor,
} from './esendex-wire.js';

describe('esendexVoiceLanguageFor', () => {
  const cases: [string | undefined, Parameters<typeof esendexVoiceLanguageFor>[1], string][] = [
    ['en-GB', undefined, 'en-GB'],
    ['en-AU', undefined, 'en-AU'],
    ['en_NZ', undefined, 'en-AU'],
    ['en-US', undefined, 'en-GB'],
    ['en', 'en-AU', 'en-AU'],
    ['en', 'fr-FR', 'en-GB'],
    ['fr', undefined, 'fr-FR'],
    ['FR-be', undefined, 'fr-FR'],
    ['es-MX', undefined, 'es-ES'],
    ['de-AT', undefined, 'de-DE'],
    ['it-IT', 'es-ES', 'es-ES'],
    ['pt-BR', undefined, 'en-GB'],
    [undefined, 'de-DE', 'de-DE'],
    [undefined, undefined, 'en-GB'],
  ];
  for (const [language, fallback, expected] of cases) {
    it(`${String(language)} (fallback ${String(fallback)}) → ${expected}`, () => {
      expect(esendexVoiceLanguageFor(language, fallback)).toBe(expected);
    });
  }
});

describe('esendexRequestXml', () => {
  it('writes the XSD order and escapes every value', () => {
    const xml = esendexRequestXml(
      { to: '+447700900123', text: 'a<b>&"c\'', channel: 'sms' },
      { accountReference: 'EX0000000', from: 'A&B' },
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><messages><accountreference>EX0000000</accountreference><message><from>A&amp;B</from><to>447700900123</to><type>SMS</type><body>a&lt;b&gt;&amp;&quot;c&apos;</body><characterset>Auto</characterset></message></messages>',
    );
  });

  it('drops characters XML cannot carry instead of breaking the document', () => {
    const xml = esendexRequestXml(
      { to: '+447700900123', text: 'code\u0000 1\u000b2', channel: 'sms' },
      { accountReference: 'EX0000000' },
    );
    expect(parseXml(xml).children[1]?.children.find((child) => child.name === 'body')?.text).toBe('code 12');
  });

  it('adds the voice fields only to voice messages', () => {
    const context = { accountReference: 'EX0000000', voiceLanguage: 'de-DE' as const, voiceRetries: 3 };
    expect(
      esendexMessageFields(
        { to: '+4915112345678', text: 'Code 4711', channel: 'sms', code: '4711' },
        context,
      ),
    ).toEqual({
      to: '4915112345678',
      type: 'SMS',
      body: 'Code 4711',
      characterset: 'Auto',
    });
    expect(
      esendexMessageFields(
        { to: '+4915112345678', text: 'Code 4711', channel: 'voice', code: '4711', language: 'de' },
        context,
      ),
    ).toEqual({
      to: '4915112345678',
      type: 'Voice',
      body: 'Code 4, 7, 1, 1',
      lang: 'de-DE',
      retries: 3,
      characterset: 'Auto',
    });
  });
});

describe('reading answers', () => {
  it('reads the documented XML answer', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="utf-8"?><messageheaders batchid="F8BF" xmlns="http://api.esendex.com/ns/"><messageheader uri="https://api.esendex.com/v1.0/messageheaders/1183" id="1183" /></messageheaders>',
    );
    expect(esendexDispatchFromXml(root)).toEqual({ batchId: 'F8BF', messageId: '1183' });
  });

  it('refuses an XML answer of another shape', () => {
    expect(esendexDispatchFromXml(parseXml('<errors><error/></errors>'))).toBeUndefined();
    expect(
      esendexDispatchFromXml(parseXml('<messageheaders><messageheader id=""/></messageheaders>')),
    ).toBeUndefined();
  });

  it('reads both JSON forms', () => {
    expect(
      esendexJsonAnswerSchema().parse({ batch: { batchid: 'B', messageheaders: [{ id: 'M', uri: 'u' }] } }),
    ).toEqual({
      batchId: 'B',
      messageId: 'M',
    });
    expect(esendexJsonAnswerSchema().parse({ messageheaders: [{ id: 'M' }] })).toEqual({ messageId: 'M' });
    expect(esendexJsonAnswerSchema().safeParse({ batch: { messageheaders: [] } }).success).toBe(false);
  });

  it('extracts error descriptions from XML and JSON bodies, and nothing from text', () => {
    expect(
      esendexErrorDescription(
        '<errors xmlns="http://api.esendex.com/ns/"><error><description>First</description></error><error><description>Second &amp; last</description><values><value>x</value></values></error></errors>',
      ),
    ).toBe('First; Second & last');
    expect(esendexErrorDescription('{"errors":[{"code":"x","description":"Bad to"}]}')).toBe('Bad to');
    expect(esendexErrorDescription('Unauthorised')).toBeUndefined();
    expect(esendexErrorDescription('<errors><error>')).toBeUndefined();
    expect(esendexErrorDescription('<html><body>oops</body></html>')).toBeUndefined();
    expect(esendexErrorDescription('{"errors":')).toBeUndefined();
  });
});
