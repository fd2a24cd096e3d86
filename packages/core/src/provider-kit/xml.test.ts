import { describe, expect, it } from 'vitest';
import { isMfaSmsError } from '../errors/errors.js';
import { expectNoSuperLinearWork } from '../text/timing.test-helper.js';
import { escapeXml, parseXml } from './xml.js';

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`</Say><Dial>+1</Dial> & "q" 'a' ]]> \u0001ok`)).toBe(
      '&lt;/Say&gt;&lt;Dial&gt;+1&lt;/Dial&gt; &amp; &quot;q&quot; &apos;a&apos; ]]&gt; ok',
    );
  });

  it('round-trips through the parser for any text', () => {
    const text = `a < b && c > d "quoted" 'single' ]]> <!-- x --> é 😀`;
    expect(parseXml(`<body>${escapeXml(text)}</body>`).text).toBe(text);
  });
});

describe('parseXml', () => {
  it('reads an Esendex-style answer with namespaces, attributes and a prolog', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="utf-8"?>\n<messageheaders batchid="B1" xmlns="http://api.esendex.com/ns/"><messageheader uri="https://x/v1.0/messageheaders/M1" id="M1" /></messageheaders>',
    );
    expect(root.name).toBe('messageheaders');
    expect(root.attributes).toEqual({ batchid: 'B1' });
    expect(root.children).toMatchObject([{ name: 'messageheader', attributes: { id: 'M1' } }]);
  });

  it('decodes entities and CDATA, and ignores comments', () => {
    const root = parseXml('<a x="&lt;&#65;&#x42;">t&amp;<!-- c --><![CDATA[<raw>]]></a>');
    expect(root.attributes.x).toBe('<AB');
    expect(root.text).toBe('t&<raw>');
  });

  it.each([
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['<a><b></a>'],
    ['<a>'],
    ['<a></a><b></b>'],
    ['plain text'],
    [''],
    ['<a'],
  ])('rejects %j as bad_response', (source) => {
    let error: unknown;
    try {
      parseXml(source);
    } catch (thrown) {
      error = thrown;
    }
    expect(isMfaSmsError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'bad_response' });
  });
});

describe('parseXml: slowest inputs', () => {
  it('reads or refuses long names and attribute runs in linear time', () => {
    const inputs = [
      `<a ${'b'.repeat(64 * 1024)}></a>`,
      `<a ${'b'.repeat(64 * 1024)}=></a>`,
      `<a ${'b '.repeat(32 * 1024)}/>`,
      `<a ${'b="1" '.repeat(8 * 1024)}/>`,
      `<a x=${'"'.repeat(64 * 1024)}/>`,
      `<${'a'.repeat(64 * 1024)}/>`,
      `<a>${'<b>'.repeat(8 * 1024)}`,
    ];
    let slowest = 0;
    for (const input of inputs) {
      const started = performance.now();
      try {
        parseXml(input);
      } catch (error) {
        expect(isMfaSmsError(error)).toBe(true);
      }
      slowest = Math.max(slowest, performance.now() - started);
    }
    expectNoSuperLinearWork(slowest);
  });
});
