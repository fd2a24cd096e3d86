import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import {
  defineSimulatedProvider,
  plain,
  readBasicAuth,
  readJson,
  type SimulatorRequest,
  type SimulatorResponse,
} from '../../simulated-provider.js';
import { esendexActionSecrets, esendexCredentials } from './esendex-credentials.js';
import { isEsendexSender } from './esendex-sender.js';
import {
  batchOrder,
  messageOrder,
  parseDocument,
  readFields,
  requestError,
  requestErrorName,
} from './esendex-simulator-xml.js';

const namespace = 'http://api.esendex.com/ns/';
const languages = ['en-GB', 'en-AU', 'fr-FR', 'es-ES', 'de-DE'] as const;

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
      return plain(401, 'Unauthorised', { 'www-authenticate': 'Basic realm="api.esendex.com"' });
    case 402:
      return xmlAnswer(
        402,
        errorsXml(['Payment required: the account has insufficient credits to send this message']),
      );
    case 403:
      return xmlAnswer(403, errorsXml(['Forbidden: the user does not have access to the account reference']));
    case 404:
      return plain(404, 'Not Found');
    case 405:
      return plain(405, 'Method Not Allowed', { allow: 'POST' });
    case 429:
      return plain(
        429,
        'Too Many Requests',
        retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
      );
    default:
      return plain(status, STATUS_CODES[status] ?? 'Error');
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
    // Esendex's own rule (esendex-sender.ts), not the package's: the simulator checks the package.
    if (from !== undefined && !isEsendexSender(from)) return { descriptions: ['Invalid originator (from)'] };
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
export const esendexSimulator = defineSimulatedProvider({
  name: 'esendex',
  credentials: esendexCredentials,
  actionSecrets: esendexActionSecrets,
  spokenLanguage: (request) => {
    // A message's own `lang` wins over the batch's.
    const own = (request.message as { lang?: unknown } | undefined)?.lang;
    const language = typeof own === 'string' && own !== '' ? own : request.lang;
    return typeof language === 'string' && language !== '' ? language : undefined;
  },
  routes: [
    {
      method: 'POST',
      path: /^\/v1\.0\/messagedispatcher\/?$/i,
      // One endpoint serves both types: the body's type decides which channel a fault applies to.
      channel: (request) =>
        /<type>\s*voice\s*<\/type>|"type"\s*:\s*"voice"/i.test(request.body) ? 'voice' : 'sms',
      handle(request, context) {
        const expected = context.credentials;
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
});
