import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { isSenderId } from '@mfa-sms/core';
import { z } from 'zod';
import {
  readBasicAuth,
  readJson,
  type SimulatedProvider,
  type SimulatorRequest,
  type SimulatorResponse,
} from './simulated-provider.js';

const namespace = 'http://api.esendex.com/ns/';
const languages = ['en-GB', 'en-AU', 'fr-FR', 'es-ES', 'de-DE'] as const;

/** A parsed element of a request document; the simulator reads only elements and their text. */
interface Node {
  name: string;
  children: Node[];
  text: string;
}

const requestErrorName = 'EsendexRequestError';

/** A problem with the request document, answered as a 400. */
function requestError(message: string): Error {
  const error = new Error(message);
  error.name = requestErrorName;
  return error;
}

function codePoint(value: number, whole: string): string {
  if (value > 0x10ffff) throw requestError(`invalid character reference ${whole}`);
  return String.fromCodePoint(value);
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
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
function parseDocument(source: string): Node {
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
const batchOrder = [
  'accountreference',
  'from',
  'type',
  'lang',
  'retries',
  'validity',
  'sendat',
  'characterset',
];
const messageOrder = ['from', 'to', 'type', 'body', 'lang', 'retries', 'validity', 'characterset'];

function readFields(
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

const text = z.string();
const integer = z.union([z.number().int(), z.string().regex(/^\s*-?\d+\s*$/)]).transform(Number);
const commonFields = {
  from: text.optional(),
  type: z.enum(['SMS', 'Voice']).optional(),
  lang: z.enum(languages).optional(),
  retries: integer.optional(),
  validity: integer.optional(),
  characterset: z.enum(['GSM', 'Unicode', 'Auto']).optional(),
};
const messageSchema = z.object({ ...commonFields, to: text, body: text });
const batchSchema = z.object({
  ...commonFields,
  accountreference: text,
  sendat: text.optional(),
  messages: z.array(messageSchema).min(1),
});
type Batch = z.infer<typeof batchSchema>;

function batchFromXml(body: string): unknown {
  const root = parseDocument(body);
  if (root.name !== 'messages') throw requestError(`the root element must be <messages>, not <${root.name}>`);
  const { fields, items } = readFields(root, batchOrder, 'message');
  return { ...fields, messages: items.map((item) => readFields(item, messageOrder).fields) };
}

// The JSON form carries the same lower-case names, the messages in a `messages` array.
function batchFromJson(body: string): unknown {
  const parsed = readJson(body);
  if (typeof parsed !== 'object' || parsed === null) throw requestError('the body is not a JSON object');
  return parsed;
}

function errorsXml(descriptions: readonly string[], values: readonly string[] = []): string {
  const escapeText = (value: string) =>
    value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
  const valueList =
    values.length === 0
      ? ''
      : `<values>${values.map((value) => `<value>${escapeText(value)}</value>`).join('')}</values>`;
  const errors = descriptions.map(
    (description) => `<error><description>${escapeText(description)}</description>${valueList}</error>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><errors xmlns="${namespace}">${errors.join('')}</errors>`;
}

function xmlAnswer(status: number, body: string, headers: Record<string, string> = {}): SimulatorResponse {
  return { status, headers: { 'content-type': 'application/xml; charset=utf-8', ...headers }, body };
}

function textAnswer(status: number, body: string, headers: Record<string, string> = {}): SimulatorResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** The recipient of a request, best effort, for an error that names it. */
function recipientOf(request: SimulatorRequest): string {
  const xml = /<to>([^<]*)<\/to>/.exec(request.body)?.[1];
  if (xml !== undefined) return xml;
  const json = /"to"\s*:\s*"([^"]*)"/.exec(request.body)?.[1];
  return json ?? '';
}

/** Esendex's answer for a status: an `<errors>` document where its API explains, short text where its front end answers. */
function answerForStatus(status: number, retryAfter?: number): SimulatorResponse {
  switch (status) {
    case 400:
      return xmlAnswer(400, errorsXml(['Bad Request: the request could not be understood']));
    case 401:
      return textAnswer(401, 'Unauthorised', { 'www-authenticate': 'Basic realm="api.esendex.com"' });
    case 402:
      return xmlAnswer(
        402,
        errorsXml(['Payment required: the account has insufficient credits to send this message']),
      );
    case 403:
      return xmlAnswer(403, errorsXml(['Forbidden: the user does not have access to the account reference']));
    case 404:
      return textAnswer(404, 'Not Found');
    case 405:
      return textAnswer(405, 'Method Not Allowed', { allow: 'POST' });
    case 429:
      return textAnswer(
        429,
        'Too Many Requests',
        retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
      );
    default:
      return textAnswer(status, STATUS_CODES[status] ?? 'Error');
  }
}

function invalidRecipient(request: SimulatorRequest, status = 400): SimulatorResponse {
  const recipient = recipientOf(request);
  return xmlAnswer(
    status,
    errorsXml([`Invalid recipient: '${recipient}' is not a valid phone number`], [recipient]),
  );
}

const recipientPattern = /^\+?[1-9]\d{6,14}$/;

/** Checks what the XSD and the API require beyond the document's shape; the first problem as a 400. */
function problemsOf(batch: Batch): { descriptions: string[]; recipient?: string } | undefined {
  if (batch.accountreference.trim() === '') return { descriptions: ['accountreference is required'] };
  for (const message of batch.messages) {
    const from = message.from ?? batch.from;
    // The rule every provider package applies, from the providers' docs (this XSD among them).
    if (from !== undefined && !isSenderId(from)) return { descriptions: ['Invalid originator (from)'] };
    const recipients = message.to.split(',').map((value) => value.trim());
    const invalid = recipients.find((value) => !recipientPattern.test(value));
    if (invalid !== undefined) {
      return {
        descriptions: [`Invalid recipient: '${invalid}' is not a valid phone number`],
        recipient: invalid,
      };
    }
    if (message.body === '') return { descriptions: ['The message body is required'] };
    const type = message.type ?? batch.type ?? 'SMS';
    if (type === 'Voice' && (message.lang ?? batch.lang) === undefined) {
      return { descriptions: ['lang is required for a Voice message'] };
    }
  }
  return undefined;
}

function answerFor(request: SimulatorRequest, batchId: string, ids: readonly string[]): SimulatorResponse {
  const host = typeof request.headers.host === 'string' ? request.headers.host : 'api.esendex.com';
  const uri = (id: string) => `http://${host}/v1.0/messageheaders/${id}`;
  const accept = request.headers.accept ?? '';
  if (/application\/json/i.test(accept) && !/xml/i.test(accept)) {
    return {
      status: 200,
      body: { batch: { batchid: batchId, messageheaders: ids.map((id) => ({ uri: uri(id), id })) } },
    };
  }
  const headers = ids.map((id) => `<messageheader uri="${uri(id)}" id="${id}" />`).join('');
  return xmlAnswer(
    200,
    `<?xml version="1.0" encoding="utf-8"?><messageheaders batchid="${batchId}" xmlns="${namespace}">${headers}</messageheaders>`,
  );
}

/** Esendex's message dispatcher: Basic auth, an XML (or JSON) batch, an XML (or JSON) batch of message headers. */
export const esendexSimulator: SimulatedProvider = {
  name: 'esendex',
  routes: [
    {
      method: 'POST',
      path: /^\/v1\.0\/messagedispatcher\/?$/i,
      // One endpoint serves both types: the body's type decides which channel a fault applies to.
      channel: (request) =>
        /<type>\s*voice\s*<\/type>|"type"\s*:\s*"voice"/i.test(request.body) ? 'voice' : 'sms',
      handle(request, context) {
        const expected = context.credentials.esendex;
        const auth = readBasicAuth(request.headers);
        if (auth?.username !== expected.username || auth.password !== expected.password) {
          return answerForStatus(401);
        }
        const contentType = String(request.headers['content-type'] ?? '');
        const json =
          /json/i.test(contentType) ||
          (!/xml/i.test(contentType) && request.body.trimStart().startsWith('{'));
        let batch: Batch;
        try {
          const parsed = batchSchema.safeParse(
            json ? batchFromJson(request.body) : batchFromXml(request.body),
          );
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const where = issue?.path.join('.') || 'body';
            return xmlAnswer(400, errorsXml([`Bad Request: ${where}: ${issue?.message ?? 'invalid'}`]));
          }
          batch = parsed.data;
        } catch (caught) {
          if (!(caught instanceof Error) || caught.name !== requestErrorName) throw caught;
          return xmlAnswer(400, errorsXml([`Bad Request: ${caught.message}`]));
        }
        const problems = problemsOf(batch);
        if (problems)
          return xmlAnswer(
            400,
            errorsXml(problems.descriptions, problems.recipient ? [problems.recipient] : []),
          );
        if (batch.accountreference.toUpperCase() !== expected.accountReference.toUpperCase()) {
          return answerForStatus(403);
        }
        const { messages, ...defaults } = batch;
        const ids = messages.map((message) => {
          const type = message.type ?? defaults.type ?? 'SMS';
          const from = message.from ?? defaults.from;
          return context.record({
            channel: type === 'Voice' ? 'voice' : 'sms',
            id: randomUUID().toUpperCase(),
            to: message.to,
            ...(from === undefined ? {} : { from }),
            text: message.body,
            request: { ...defaults, message },
          }).id;
        });
        return answerFor(request, randomUUID().toUpperCase(), ids);
      },
    },
  ],
  errorResponse(fault, request) {
    switch (fault.kind) {
      case 'invalid-number':
        return invalidRecipient(request, fault.status);
      case 'auth':
        return answerForStatus(fault.status ?? 401);
      case 'no-credit':
        return answerForStatus(fault.status ?? 402);
      case 'rate-limit':
        return answerForStatus(fault.status ?? 429, fault.retryAfter);
      case 'unavailable':
      case 'transient':
        return answerForStatus(fault.status ?? 503);
      case 'not-found':
        return answerForStatus(fault.status ?? 404);
      case 'method-not-allowed':
        return answerForStatus(fault.status ?? 405);
      case 'bad-request':
        return answerForStatus(fault.status ?? 400);
    }
  },
  // Esendex has no error codes of its own: the code is the HTTP status.
  codeResponse(fault) {
    const status = fault.status ?? Number(fault.code);
    return answerForStatus(Number.isInteger(status) && status >= 400 && status <= 599 ? status : 400);
  },
};
