import { randomUUID } from 'node:crypto';
import type { ErrorKind } from '../../faults.js';
import {
  defineSimulatedProvider,
  randomHex,
  readBasicAuth,
  readBearer,
  readJson,
  type SimulatorContext,
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
} from '../../simulated-provider.js';
import { isGsm, smsPartCount } from '../../sms-parts.js';
import { type VonageCredentials, vonageActionSecrets, vonageCredentials } from './vonage-credentials.js';
import { jwtProblem } from './vonage-jwt.js';
import { isVonageSender } from './vonage-sender.js';
import { errorsPage, problem, smsFields, smsStatus, statusTexts } from './vonage-simulator-answers.js';
import { callRequest, messagesRequest } from './vonage-simulator-requests.js';

function smsApi(request: SimulatorRequest, context: SimulatorContext<VonageCredentials>): SimulatorResponse {
  const fields = smsFields(request);
  const vonage = context.credentials;
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
  if (!isVonageSender(fields.from)) return smsStatus(15, statusTexts[15] as string);
  if (fields.type !== undefined && !['text', 'unicode', 'binary'].includes(fields.type))
    return smsStatus(3, 'Invalid type param');
  if ((fields['client-ref'] ?? '').length > 40) return smsStatus(3, 'Invalid client-ref param');
  const unicode = fields.type === 'unicode';
  if (!unicode && !isGsm(fields.text)) {
    // Vonage would send such text garbled; the simulator refuses it so that a missing type=unicode shows.
    return smsStatus(3, 'Invalid text param: not GSM-7, set type=unicode');
  }
  const parts = smsPartCount(fields.text, unicode);
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

function messagesApi(
  request: SimulatorRequest,
  context: SimulatorContext<VonageCredentials>,
): SimulatorResponse {
  const vonage = context.credentials;
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

function callsApi(
  request: SimulatorRequest,
  context: SimulatorContext<VonageCredentials>,
): SimulatorResponse {
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

/** The `language` of a call's first NCCO action that names one. */
function nccoLanguage(request: Readonly<Record<string, unknown>>): string | undefined {
  const ncco = Array.isArray(request.ncco) ? (request.ncco as unknown[]) : [];
  for (const action of ncco) {
    const language = (action as { language?: unknown } | null)?.language;
    if (typeof language === 'string' && language !== '') return language;
  }
  return undefined;
}

/** Vonage: the SMS API (`/sms/json`), the Messages API (`/v1/messages`) and the Voice API (`/v1/calls`). */
export const vonageSimulator = defineSimulatedProvider({
  name: 'vonage',
  credentials: vonageCredentials,
  actionSecrets: vonageActionSecrets,
  spokenLanguage: nccoLanguage,
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
});
