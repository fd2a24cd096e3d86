import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { isSenderId } from '@mfa-sms/core';
import { z } from 'zod';
import type { ErrorKind } from './faults.js';
import {
  randomHex,
  readBasicAuth,
  readBearer,
  readForm,
  readJson,
  type SimulatedProvider,
  type SimulatorContext,
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
} from './simulated-provider.js';

// The languages of the NCCO schema's `talk` action (a test compares them with the schema).
export const nccoTalkLanguages = [
  'ar',
  'bn-IN',
  'ca-ES',
  'cmn-CN',
  'cmn-TW',
  'cs-CZ',
  'cy-GB',
  'da-DK',
  'de-DE',
  'el-GR',
  'en-AU',
  'en-GB',
  'en-GB-WLS',
  'en-IN',
  'en-US',
  'en-ZA',
  'es-ES',
  'es-MX',
  'es-US',
  'eu-ES',
  'fi-FI',
  'fil-PH',
  'fr-CA',
  'fr-FR',
  'he-IL',
  'hi-IN',
  'hu-HU',
  'id-ID',
  'is-IS',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'ml-IN',
  'nb-NO',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ro-RO',
  'ru-RU',
  'sk-SK',
  'sv-SE',
  'ta-IN',
  'te-IN',
  'th-TH',
  'tr-TR',
  'uk-UA',
  'vi-VN',
  'yue-CN',
] as const;

const talkAction = z.strictObject({
  action: z.literal('talk'),
  text: z.string().min(1).max(1500),
  bargeIn: z.boolean().optional(),
  loop: z.number().int().min(0).optional(),
  level: z.number().min(-1).max(1).optional(),
  language: z.enum(nccoTalkLanguages).optional(),
  style: z.number().int().min(0).optional(),
  premium: z.boolean().optional(),
  voiceName: z.string().optional(),
});

const phoneEndpoint = z.object({ type: z.literal('phone'), number: z.string().regex(/^[1-9]\d{6,14}$/) });

// A caller is either `from` or `random_from_number: true` (one of the application's numbers), never both.
const callRequest = z
  .object({
    to: z.array(phoneEndpoint).min(1),
    from: phoneEndpoint.optional(),
    random_from_number: z.boolean().optional(),
    ncco: z.array(talkAction).min(1),
  })
  .refine((call) => (call.from !== undefined) !== (call.random_from_number === true), {
    message: 'give either from or random_from_number: true',
    path: ['from'],
  });

const messagesRequest = z.object({
  message_type: z.literal('text'),
  channel: z.literal('sms'),
  to: z.string().regex(/^[1-9]\d{6,14}$/),
  from: z.string().min(1).max(15),
  text: z.string().min(1).max(1000),
  client_ref: z.string().max(100).optional(),
  sms: z.object({ encoding_type: z.enum(['text', 'unicode', 'auto']).optional() }).optional(),
});

const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// The extension table: each of these costs two septets (an escape and the character).
const gsmExtension = new Set('\f^{}\\[~]|€');

function isGsm(text: string): boolean {
  return [...text].every((character) => gsmBasic.has(character) || gsmExtension.has(character));
}

/**
 * How many parts Vonage splits a text into, and so how many items it answers: one up to 160
 * septets (70 UTF-16 units in UCS-2), else parts of 153 septets (67 units). Computed here rather
 * than imported, so that the simulator checks the packages' own counting independently.
 */
export function vonagePartCount(text: string, unicode: boolean): number {
  const gsm = !unicode && isGsm(text);
  const units = gsm
    ? [...text].reduce((sum, character) => sum + (gsmExtension.has(character) ? 2 : 1), 0)
    : text.length;
  const [single, part] = gsm ? [160, 153] : [70, 67];
  return units <= single ? 1 : Math.ceil(units / part);
}

function smsStatus(status: number, errorText: string): SimulatorResponse {
  return {
    status: 200,
    body: { 'message-count': '1', messages: [{ status: String(status), 'error-text': errorText }] },
  };
}

const statusTexts: Readonly<Record<number, string>> = {
  1: 'Throughput Rate Exceeded - please wait [ 1000 ] and retry',
  2: 'Missing to param',
  3: 'Invalid to param',
  4: 'Bad Credentials',
  5: 'Internal Error',
  6: 'Invalid Message',
  7: 'Number barred.',
  8: 'Partner account barred.',
  9: 'Partner quota violation, include=0.0',
  10: 'Too many existing binds',
  11: 'Account not enabled for HTTP',
  12: 'Message too long',
  13: 'Communication Failed',
  14: 'Invalid Signature',
  15: 'Illegal Sender Address - rejected',
  29: 'Non White-listed Destination - rejected',
  33: 'Number de-activated.',
};

// Problem types as Vonage writes them (common_errors.yml): a documentation URL whose fragment names the error.
const errorsPage = 'https://developer.nexmo.com/api-errors';

function problem(status: number, title: string, detail: string, type: string): SimulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type, title, detail, instance: randomHex(32) }),
  };
}

/**
 * The SMS API's parameters, from a form (the spec) or JSON (the current SDK) body, or from the
 * query string, where the old `nexmo` package of the classic Auth0 guide puts all of them on its
 * POST (the real API takes them there). A field in the body wins over the same one in the query.
 */
function smsFields(request: SimulatorRequest): Record<string, string> {
  const json = /json/i.test(String(request.headers['content-type'] ?? ''));
  const raw = json ? readJson(request.body) : readForm(request.body);
  const fields: Record<string, string> = {};
  for (const [name, value] of request.url.searchParams) fields[name] = value;
  if (raw && typeof raw === 'object') {
    for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

function smsApi(request: SimulatorRequest, context: SimulatorContext): SimulatorResponse {
  const fields = smsFields(request);
  const { vonage } = context.credentials;
  // Credentials travel in the body (the spec), the query string (the old `nexmo` package), or a
  // Basic header (the current `@vonage/sms` SDK); Vonage accepts all three.
  const basic = readBasicAuth(request.headers);
  if (basic && !fields.api_key && !fields.api_secret) {
    fields.api_key = basic.username;
    fields.api_secret = basic.password;
  }
  if (!fields.api_key || !fields.api_secret || !fields.from || !fields.to || !fields.text) {
    return smsStatus(
      2,
      `Missing ${['api_key', 'api_secret', 'from', 'to', 'text'].find((name) => !fields[name])} param`,
    );
  }
  if (fields.api_key !== vonage.apiKey || fields.api_secret !== vonage.apiSecret)
    return smsStatus(4, statusTexts[4] as string);
  if (!/^\d{7,15}$/.test(fields.to)) return smsStatus(3, 'Invalid to param');
  if (!isSenderId(fields.from)) return smsStatus(15, statusTexts[15] as string);
  if (fields.type !== undefined && !['text', 'unicode', 'binary'].includes(fields.type))
    return smsStatus(3, 'Invalid type param');
  if ((fields['client-ref'] ?? '').length > 40) return smsStatus(3, 'Invalid client-ref param');
  const unicode = fields.type === 'unicode';
  if (!unicode && !isGsm(fields.text)) {
    // Vonage would send such text garbled; the simulator refuses it so that a missing type=unicode shows.
    return smsStatus(3, 'Invalid text param: not GSM-7, set type=unicode');
  }
  const parts = vonagePartCount(fields.text, unicode);
  const messages = Array.from({ length: parts }, () => {
    const id = randomHex(16).toUpperCase();
    return {
      to: fields.to,
      'message-id': id,
      status: '0',
      'remaining-balance': '3.14',
      'message-price': '0.0333',
      network: '23410',
    };
  });
  context.record({
    channel: 'sms',
    id: messages[0]?.['message-id'] as string,
    to: fields.to as string,
    from: fields.from,
    text: fields.text as string,
    ...(fields['client-ref'] ? { reference: fields['client-ref'] } : {}),
    request: { ...fields, api_secret: '[checked]' },
  });
  return { status: 200, body: { 'message-count': String(parts), messages } };
}

function messagesApi(request: SimulatorRequest, context: SimulatorContext): SimulatorResponse {
  const { vonage } = context.credentials;
  const auth = readBasicAuth(request.headers);
  if (auth?.username !== vonage.apiKey || auth.password !== vonage.apiSecret) {
    return problem(
      401,
      'Invalid credentials supplied',
      'You did not provide correct credentials.',
      `${errorsPage}#unauthorized`,
    );
  }
  const parsed = messagesRequest.safeParse(readJson(request.body));
  if (!parsed.success) {
    // The Messages API names each refused field in `invalid_parameters`.
    const answer = problem(
      422,
      'Invalid params',
      'The value of one or more parameters is invalid.',
      `${errorsPage}/messages-olympus#1150`,
    );
    const body = JSON.parse(answer.body as string) as Record<string, unknown>;
    body.invalid_parameters = parsed.error.issues.map((issue) => ({
      name: issue.path.join('.') || 'body',
      reason: issue.message,
    }));
    return { ...answer, body: JSON.stringify(body) };
  }
  const id = randomUUID();
  context.record({
    channel: 'sms',
    id,
    to: parsed.data.to,
    from: parsed.data.from,
    text: parsed.data.text,
    ...(parsed.data.client_ref ? { reference: parsed.data.client_ref } : {}),
    request: parsed.data,
  });
  return { status: 202, body: { message_uuid: id } };
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  const value = readJson(Buffer.from(segment, 'base64url').toString('utf8'));
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/**
 * Checks the Voice API's JWT as Vonage does: an RS256 signature by the application's private
 * key, the application id, `iat` not in the future, a `jti`, and an `exp` (optional, as Vonage
 * defaults it) that has not passed and is at most 24 hours after `iat`.
 */
function jwtProblem(token: string | undefined, context: SimulatorContext): string | undefined {
  if (!token) return 'no Bearer token';
  const [header, claims, signature, extra] = token.split('.');
  if (!header || !claims || !signature || extra !== undefined) return 'not a JWT';
  if (decodeSegment(header)?.alg !== 'RS256') return 'alg is not RS256';
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    createPublicKey(context.credentials.vonage.publicKey),
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return 'the signature does not verify';
  const decoded = decodeSegment(claims);
  const now = Math.floor(Date.now() / 1000);
  if (decoded?.application_id !== context.credentials.vonage.applicationId) return 'unknown application_id';
  if (typeof decoded.iat !== 'number' || decoded.iat > now + 60) return 'iat is missing or in the future';
  if (typeof decoded.jti !== 'string' || decoded.jti.length === 0) return 'jti is missing';
  if (
    decoded.exp !== undefined &&
    (typeof decoded.exp !== 'number' || decoded.exp < now || decoded.exp > decoded.iat + 86_400)
  ) {
    return 'exp is expired or more than 24 hours after iat';
  }
  return undefined;
}

function callsApi(request: SimulatorRequest, context: SimulatorContext): SimulatorResponse {
  const refused = jwtProblem(readBearer(request.headers), context);
  if (refused)
    return problem(
      401,
      'Invalid credentials supplied',
      `Invalid token: ${refused}`,
      `${errorsPage}#unauthorized`,
    );
  const parsed = callRequest.safeParse(readJson(request.body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return problem(
      400,
      'Bad Request',
      `Invalid ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
      `${errorsPage}#bad-request`,
    );
  }
  const uuid = randomUUID();
  context.record({
    channel: 'voice',
    id: uuid,
    to: parsed.data.to[0]?.number as string,
    ...(parsed.data.from ? { from: parsed.data.from.number } : {}),
    text: parsed.data.ncco.map((action) => action.text).join(' '),
    request: parsed.data,
  });
  return {
    status: 201,
    body: { uuid, status: 'started', direction: 'outbound', conversation_uuid: `CON-${randomUUID()}` },
  };
}

const isSmsApi = (route: SimulatorRoute) => route.path.source.includes('sms');

const smsApiErrors: Readonly<Record<ErrorKind, number>> = {
  'invalid-number': 3,
  auth: 4,
  'no-credit': 9,
  'rate-limit': 1,
  unavailable: 0,
  'not-found': 0,
  'method-not-allowed': 0,
  'bad-request': 2,
  transient: 5,
};

const problemErrors: Readonly<Record<ErrorKind, [number, string, string, string]>> = {
  'invalid-number': [
    422,
    'Invalid number',
    'The value of the to parameter is not a valid phone number',
    `${errorsPage}/messages-olympus#1160`,
  ],
  auth: [
    401,
    'Invalid credentials supplied',
    'You did not provide correct credentials.',
    `${errorsPage}#unauthorized`,
  ],
  'no-credit': [
    402,
    'Low balance',
    'This request could not be performed due to your account balance being low.',
    `${errorsPage}#low-balance`,
  ],
  'rate-limit': [429, 'Rate Limit Hit', 'Please wait, then retry your request', `${errorsPage}#throttled`],
  unavailable: [
    503,
    'Service Unavailable',
    'The service is temporarily unavailable',
    `${errorsPage}#unavailable`,
  ],
  'not-found': [404, 'Not Found', 'The requested resource does not exist', `${errorsPage}#not-found`],
  'method-not-allowed': [
    405,
    'Request method not allowed',
    "Request method 'POST' not supported",
    `${errorsPage}#wrong-verb`,
  ],
  'bad-request': [400, 'Bad Request', 'The request could not be understood', `${errorsPage}#bad-request`],
  transient: [503, 'Service Unavailable', 'Please try again', `${errorsPage}#unavailable`],
};

/** Vonage: the SMS API (`/sms/json`), the Messages API (`/v1/messages`) and the Voice API (`/v1/calls`). */
export const vonageSimulator: SimulatedProvider = {
  name: 'vonage',
  routes: [
    { method: 'POST', path: /^\/sms\/json$/, channel: 'sms', handle: smsApi },
    { method: 'POST', path: /^\/v1\/messages$/, channel: 'sms', handle: messagesApi },
    { method: 'POST', path: /^\/v1\/calls\/?$/, channel: 'voice', handle: callsApi },
  ],
  errorResponse(fault, _request, route) {
    const headers: Record<string, string> =
      fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
    if (isSmsApi(route) && fault.status === undefined) {
      // The SMS API answers its own errors in band, with HTTP 200. Throttling is in band too
      // (status 1) unless the gateway in front of it pushes back with 429 and a Retry-After.
      const inBand =
        fault.kind === 'rate-limit' && fault.retryAfter !== undefined ? 0 : smsApiErrors[fault.kind];
      if (inBand > 0) return smsStatus(inBand, statusTexts[inBand] as string);
    }
    const [status, title, detail, slug] = problemErrors[fault.kind];
    const answer = problem(fault.status ?? status, title, detail, slug);
    return { ...answer, headers: { ...answer.headers, ...headers } };
  },
  codeResponse(fault, request, route) {
    if (!isSmsApi(route)) {
      const status = Number(fault.status ?? fault.code);
      return problem(
        status,
        `Error ${fault.code}`,
        `Simulated error ${fault.code}`,
        `${errorsPage}#${fault.code}`,
      );
    }
    // "0,7": a multi-part text whose first part was sent and second refused.
    const to = smsFields(request).to ?? '447700900000';
    const statuses = String(fault.code).split(',').map(Number);
    return {
      status: fault.status ?? 200,
      body: {
        'message-count': String(statuses.length),
        messages: statuses.map((status) =>
          status === 0
            ? { to, 'message-id': randomHex(16).toUpperCase(), status: '0', network: '23410' }
            : { status: String(status), 'error-text': statusTexts[status] ?? 'Error' },
        ),
      },
    };
  },
};
