import { MfaSmsError } from '../errors/errors.js';

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Characters XML 1.0 forbids outright; they would make the whole document invalid.
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for an XML element or a quoted attribute, dropping characters XML cannot carry. */
export function escapeXml(value: string): string {
  return value.replace(forbidden, '').replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

/** An element of a parsed document: its attributes, its text and its children, names without prefix. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]{2,4});/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return safeCodePoint(Number.parseInt(entity.slice(2), 16)) ?? whole;
    if (entity.startsWith('#')) return safeCodePoint(Number.parseInt(entity.slice(1), 10)) ?? whole;
    return entities[entity] ?? whole;
  });
}

function safeCodePoint(value: number): string | undefined {
  return value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

// Sticky: each attribute is read where the previous one ended, so a run that is not an attribute
// (a long name without "=") is refused once instead of being rescanned from every position.
const attributePattern = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const trailingSpace = /\s*$/y;

function readAttributes(text: string, into: Record<string, string>): void {
  let index = 0;
  while (index < text.length) {
    attributePattern.lastIndex = index;
    const match = attributePattern.exec(text);
    if (!match) {
      trailingSpace.lastIndex = index;
      trailingSpace.exec(text);
      if (trailingSpace.lastIndex !== text.length) fail('an attribute is not name="value"');
      return;
    }
    index = attributePattern.lastIndex;
    if (match[1]?.startsWith('xmlns')) continue;
    into[localName(match[1] as string)] = decodeEntities(match[2] ?? match[3] ?? '');
  }
}

function fail(reason: string): never {
  throw new MfaSmsError({ code: 'bad_response', message: `The answer is not well-formed XML: ${reason}` });
}

/**
 * Parses the small, trusted-shape XML documents providers answer with. It reads elements,
 * attributes and text; it ignores the prolog, comments and processing instructions and refuses a
 * DOCTYPE, so no entity can expand. It is not a general XML parser and does not try to be.
 */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('<', index);
    const current = stack[stack.length - 1] as XmlElement;
    const textEnd = open === -1 ? source.length : open;
    if (textEnd > index) current.text += decodeEntities(source.slice(index, textEnd));
    if (open === -1) break;
    if (source.startsWith('<?', open)) {
      const end = source.indexOf('?>', open);
      if (end === -1) fail('unterminated processing instruction');
      index = end + 2;
    } else if (source.startsWith('<!--', open)) {
      const end = source.indexOf('-->', open);
      if (end === -1) fail('unterminated comment');
      index = end + 3;
    } else if (source.startsWith('<![CDATA[', open)) {
      const end = source.indexOf(']]>', open);
      if (end === -1) fail('unterminated CDATA section');
      current.text += source.slice(open + 9, end);
      index = end + 3;
    } else if (source.startsWith('<!', open)) {
      fail('a DOCTYPE or declaration is not accepted');
    } else if (source.startsWith('</', open)) {
      const end = source.indexOf('>', open);
      if (end === -1) fail('unterminated closing tag');
      const name = localName(source.slice(open + 2, end).trim());
      if (stack.length < 2 || current.name !== name) fail(`unexpected closing tag </${name}>`);
      stack.pop();
      index = end + 1;
    } else {
      const end = source.indexOf('>', open);
      if (end === -1) fail('unterminated tag');
      const selfClosing = source[end - 1] === '/';
      const inside = source.slice(open + 1, selfClosing ? end - 1 : end);
      const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(inside);
      if (!nameMatch) fail('a tag has no name');
      const element: XmlElement = { name: localName(nameMatch[0]), attributes: {}, children: [], text: '' };
      readAttributes(inside.slice(nameMatch[0].length), element.attributes);
      current.children.push(element);
      if (!selfClosing) stack.push(element);
      index = end + 1;
    }
  }
  if (stack.length !== 1) fail(`<${stack[stack.length - 1]?.name}> is not closed`);
  const elements = root.children;
  if (elements.length !== 1 || root.text.trim() !== '') fail('expected exactly one root element');
  return elements[0] as XmlElement;
}
