/** An element of a TwiML document. */
export interface TwimlElement {
  name: string;
  attributes: Record<string, string>;
  children: TwimlElement[];
  text: string;
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(value: string): string | undefined {
  let failed = false;
  const decoded = value.replace(/&([^;&\s]{0,10});?/g, (whole, entity: string) => {
    if (!whole.endsWith(';')) failed = true;
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16) || 0xfffd);
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10) || 0xfffd);
    const known = entities[entity];
    if (known === undefined) failed = true;
    return known ?? whole;
  });
  return failed ? undefined : decoded;
}

/**
 * Reads a TwiML document as strictly as an XML parser would (a stray `&` or `<`, an unclosed or
 * mismatched tag, a DOCTYPE are errors), so that a request Twilio would refuse is refused here.
 */
export function readTwiml(source: string): TwimlElement | string {
  const root: TwimlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<!|<\/([A-Za-z][\w.-]*)\s*>|<([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|[^<]+/gy;
  for (const match of source.matchAll(token)) {
    const current = stack[stack.length - 1] as TwimlElement;
    const [whole, cdata, closing, opening, attributes, selfClosing] = match;
    if (whole.startsWith('<?') || whole.startsWith('<!--')) continue;
    if (cdata !== undefined) {
      current.text += cdata;
    } else if (whole === '<!') {
      return 'a DOCTYPE or declaration is not allowed';
    } else if (closing !== undefined) {
      if (current.name !== closing || stack.length < 2) return `unexpected closing tag </${closing}>`;
      stack.pop();
    } else if (opening !== undefined) {
      const element: TwimlElement = { name: opening, attributes: {}, children: [], text: '' };
      for (const attribute of (attributes ?? '').matchAll(
        /([A-Za-z][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
      )) {
        const value = decodeText(attribute[2] ?? attribute[3] ?? '');
        if (value === undefined) return `attribute ${attribute[1]} has an invalid entity`;
        element.attributes[attribute[1] as string] = value;
      }
      current.children.push(element);
      if (selfClosing !== '/') stack.push(element);
    } else if (whole === '<') {
      return 'a "<" does not start a tag';
    } else {
      const text = decodeText(whole);
      if (text === undefined) return 'a "&" does not start an entity';
      current.text += text;
    }
  }
  if (stack.length !== 1) return `<${stack[stack.length - 1]?.name}> is not closed`;
  if (root.children.length !== 1 || root.text.trim() !== '') return 'expected exactly one root element';
  const document = root.children[0] as TwimlElement;
  if (document.name !== 'Response') return `the root element is <${document.name}>, not <Response>`;
  return document;
}

export function spokenText(element: TwimlElement): string {
  return element.children
    .filter((child) => child.name === 'Say')
    .map((say) => say.text.trim())
    .join(' ');
}
