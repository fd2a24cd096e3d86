/** A parsed element of a request document; the simulator reads only elements and their text. */
export interface Node {
  name: string;
  children: Node[];
  text: string;
}

export const requestErrorName = 'EsendexRequestError';

/** A problem with the request document, answered as a 400. */
export function requestError(message: string): Error {
  const error = new Error(message);
  error.name = requestErrorName;
  return error;
}

export function codePoint(value: number, whole: string): string {
  if (value > 0x10ffff) throw requestError(`invalid character reference ${whole}`);
  return String.fromCodePoint(value);
}

export const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

export function decode(text: string): string {
  return text.replace(/&([^;&\s]{1,10});/g, (whole, entity: string) => {
    if (/^#x[0-9a-f]+$/i.test(entity)) return codePoint(Number.parseInt(entity.slice(2), 16), whole);
    if (/^#\d+$/.test(entity)) return codePoint(Number.parseInt(entity.slice(1), 10), whole);
    const known = entities[entity];
    if (known === undefined) throw requestError(`unknown entity ${whole}`);
    return known;
  });
}

/**
 * A strict reader for the request documents: elements, text, CDATA, comments and the prolog; a
 * DOCTYPE, a stray `<` or `&`, or a mismatched tag is a 400, as a real XML parser would make it.
 */
export function parseDocument(source: string): Node {
  const root: Node = { name: '#document', children: [], text: '' };
  const stack: Node[] = [root];
  let index = 0;
  while (index < source.length) {
    const current = stack[stack.length - 1] as Node;
    const open = source.indexOf('<', index);
    const textEnd = open === -1 ? source.length : open;
    const text = source.slice(index, textEnd);
    if (/&(?![^;&\s]{1,10};)/.test(text)) throw requestError('a bare & in text');
    current.text += decode(text);
    if (open === -1) break;
    const closeAt = (marker: string, what: string): number => {
      const end = source.indexOf(marker, open);
      if (end === -1) throw requestError(`unterminated ${what}`);
      return end + marker.length;
    };
    if (source.startsWith('<?', open)) index = closeAt('?>', 'processing instruction');
    else if (source.startsWith('<!--', open)) index = closeAt('-->', 'comment');
    else if (source.startsWith('<![CDATA[', open)) {
      index = closeAt(']]>', 'CDATA section');
      current.text += source.slice(open + 9, index - 3);
    } else if (source.startsWith('<!', open)) throw requestError('DOCTYPE is not allowed');
    else {
      const end = closeAt('>', 'tag');
      const inside = source.slice(open + 1, end - 1);
      if (inside.startsWith('/')) {
        const name = inside
          .slice(1)
          .trim()
          .replace(/^[\w.-]+:/, '');
        if (stack.length < 2 || current.name !== name) throw requestError(`unexpected </${name}>`);
        stack.pop();
      } else {
        const match = /^([A-Za-z_][\w.:-]*)(\s[^<>]*?)?(\/)?$/.exec(inside);
        if (!match) throw requestError('malformed tag');
        const node: Node = { name: (match[1] as string).replace(/^[\w.-]+:/, ''), children: [], text: '' };
        current.children.push(node);
        if (match[3] === undefined) stack.push(node);
      }
      index = end;
    }
  }
  if (stack.length !== 1) throw requestError('an element is not closed');
  if (root.children.length !== 1 || root.text.trim() !== '') throw requestError('expected one root element');
  return root.children[0] as Node;
}

// The element order of the request XSD's sequences; each element at most once.
export const batchOrder = [
  'accountreference',
  'from',
  'type',
  'lang',
  'retries',
  'validity',
  'sendat',
  'characterset',
];
export const messageOrder = ['from', 'to', 'type', 'body', 'lang', 'retries', 'validity', 'characterset'];

export function readFields(
  node: Node,
  order: readonly string[],
  repeated?: string,
): { fields: Record<string, string>; items: Node[] } {
  const fields: Record<string, string> = {};
  const items: Node[] = [];
  let position = 0;
  for (const child of node.children) {
    if (child.name === repeated) {
      position = order.length;
      items.push(child);
      continue;
    }
    const at = order.indexOf(child.name);
    if (at === -1) throw requestError(`unexpected element <${child.name}> in <${node.name}>`);
    if (at < position || items.length > 0 || child.name in fields) {
      throw requestError(`element <${child.name}> is out of order or repeated in <${node.name}>`);
    }
    if (child.children.length > 0) throw requestError(`element <${child.name}> must hold text only`);
    position = at + 1;
    fields[child.name] = child.text;
  }
  if (node.text.trim() !== '') throw requestError(`unexpected text in <${node.name}>`);
  return { fields, items };
}
