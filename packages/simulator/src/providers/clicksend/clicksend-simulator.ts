import { randomUUID } from 'node:crypto';
import type { SimulatorContext, SimulatorRequest, SimulatorResponse } from '../../simulated-provider.js';
import { defineSimulatedProvider, readBasicAuth, readJson } from '../../simulated-provider.js';
import { smsPartCount } from '../../sms-parts.js';
import {
  type ClickSendCredentials,
  clickSendActionSecrets,
  clickSendCredentials,
} from './clicksend-credentials.js';
import allowedLanguages from './clicksend-voice-languages.json' with { type: 'json' };

// ClickSend's v3 REST API as documented, stated here rather than taken from any package:
// https://developers.clicksend.com/docs/messaging/sms and .../voice-messaging (a JSON
// `{ messages: [...] }` of up to 1000, answered 200 with a status per message),
// https://developers.clicksend.com/docs/#status-codes (the statuses and HTTP codes).

/** HTTP statuses and their `response_code` (ClickSend's "HTTP Status Codes"). */
const httpCodes: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_FOUND',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
};

// The voice languages and the voices each offers, the default first: data with its source.
const voiceLanguages: Readonly<Record<string, readonly string[] | undefined>> = allowedLanguages.languages;

const maxMessages = 1000;
/** E.164 with or without its +: 8 to 15 digits. */
const recipient = /^\+?[1-9]\d{7,14}$/;
/** A sender: a number, or an alpha tag of up to 11 letters and digits without spaces (INVALID_SENDER_ID's rule). */
const sender = /^(?:\+?\d{3,15}|(?=.*[A-Za-z])[A-Za-z0-9]{1,11})$/;

type Channel = 'sms' | 'voice';

function answer(
  status: number,
  responseCode: string,
  message: string,
  data: unknown = null,
): SimulatorResponse {
  return { status, body: { http_code: status, response_code: responseCode, response_msg: message, data } };
}

function httpError(status: number, message: string, headers: Record<string, string> = {}): SimulatorResponse {
  return { ...answer(status, httpCodes[status] ?? 'ERROR', message), headers };
}

/** One entry of `data.messages`, shaped as ClickSend answers it. */
function messageEntry(
  fields: Record<string, unknown>,
  status: string,
  id: string | null,
): Record<string, unknown> {
  return {
    direction: 'out',
    date: String(Math.floor(Date.now() / 1000)),
    to: fields.to ?? null,
    body: fields.body ?? null,
    from: fields.from ?? null,
    message_id: id,
    message_parts: id === null ? 0 : typeof fields.body === 'string' ? smsPartCount(fields.body) : 1,
    custom_string: fields.custom_string ?? '',
    ...(fields.voice === undefined ? {} : { voice: fields.voice, lang: fields.lang }),
    status,
  };
}

function sendAnswer(status: number, entries: Record<string, unknown>[]): SimulatorResponse {
  const queued = entries.filter((entry) => entry.status === 'SUCCESS').length;
  // The top-level code stays SUCCESS when a message failed: only each message's status tells.
  return answer(status, 'SUCCESS', 'Messages queued for delivery.', {
    total_count: entries.length,
    queued_count: queued,
    messages: entries,
  });
}

/** The first problem ClickSend reports for one message, or `undefined`. */
function validate(fields: Record<string, unknown>, channel: Channel): string | undefined {
  const { to, body, from } = fields;
  if (typeof body !== 'string' || body.trim() === '') return 'EMPTY_MESSAGE';
  if (typeof to !== 'string' || !recipient.test(to)) return 'INVALID_RECIPIENT';
  if (channel === 'sms' && from !== undefined && (typeof from !== 'string' || !sender.test(from))) {
    return 'INVALID_SENDER_ID';
  }
  if (channel === 'voice') {
    const lang = fields.lang ?? 'en-us';
    const voices = typeof lang === 'string' ? voiceLanguages[lang] : undefined;
    if (voices === undefined) return 'INVALID_LANG';
    const voice = fields.voice ?? voices[0];
    if (typeof voice !== 'string' || !voices.includes(voice)) return 'INVALID_VOICE';
  }
  return undefined;
}

type Context = SimulatorContext<ClickSendCredentials>;

function authenticated(request: SimulatorRequest, context: Context): boolean {
  const basic = readBasicAuth(request.headers);
  const expected = context.credentials;
  return basic !== undefined && basic.username === expected.username && basic.password === expected.apiKey;
}

function send(channel: Channel) {
  return (request: SimulatorRequest, context: Context): SimulatorResponse => {
    if (!authenticated(request, context)) {
      return httpError(401, 'Unauthorized – please check your API credentials.');
    }
    const parsed = readJson(request.body) as { messages?: unknown } | undefined;
    const list = parsed?.messages;
    if (!Array.isArray(list) || list.length === 0) return httpError(400, 'Invalid input.');
    if (list.length > maxMessages) return answer(400, 'TOO_MANY_RECIPIENTS', 'Too many recipients.');
    const entries = list.map((item: unknown) => {
      const fields = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      const problem = validate(fields, channel);
      if (problem !== undefined) return messageEntry(fields, problem, null);
      const reference = typeof fields.custom_string === 'string' ? fields.custom_string : undefined;
      const recorded = context.record({
        channel,
        id: randomUUID().toUpperCase(),
        to: fields.to as string,
        ...(typeof fields.from === 'string' ? { from: fields.from } : {}),
        text: fields.body as string,
        ...(reference ? { reference } : {}),
        request: fields,
      });
      return messageEntry(fields, 'SUCCESS', recorded.id);
    });
    return sendAnswer(200, entries);
  };
}

/** The body of the request a fault answers, for the message entry it echoes. */
function firstMessage(request: SimulatorRequest): Record<string, unknown> {
  const parsed = readJson(request.body) as { messages?: unknown[] } | undefined;
  const first = parsed?.messages?.[0];
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
}

function refused(request: SimulatorRequest, status: string, httpStatus = 200): SimulatorResponse {
  return sendAnswer(httpStatus, [messageEntry(firstMessage(request), status, null)]);
}

/** ClickSend's SMS and voice endpoints. */
export const clickSendSimulator = defineSimulatedProvider({
  name: 'clicksend',
  credentials: clickSendCredentials,
  actionSecrets: clickSendActionSecrets,
  spokenLanguage: (request) => (typeof request.lang === 'string' ? request.lang : undefined),
  routes: [
    { method: 'POST', path: /^\/v3\/sms\/send$/, channel: 'sms', handle: send('sms') },
    { method: 'POST', path: /^\/v3\/voice\/send$/, channel: 'voice', handle: send('voice') },
  ],
  errorResponse(fault, request) {
    const retryAfter: Record<string, string> =
      fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
    switch (fault.kind) {
      case 'invalid-number':
        return refused(request, 'INVALID_RECIPIENT', fault.status);
      case 'auth':
        return httpError(fault.status ?? 401, 'Unauthorized – please check your API credentials.');
      case 'no-credit':
        return refused(request, 'INSUFFICIENT_CREDIT', fault.status);
      case 'rate-limit':
        return httpError(fault.status ?? 429, 'Too many requests.', retryAfter);
      case 'unavailable':
        return httpError(fault.status ?? 500, 'Internal server error.');
      // ClickSend's in-band transient failure: a 200 whose message says INTERNAL_ERROR.
      case 'transient':
        return refused(request, 'INTERNAL_ERROR', fault.status);
      case 'not-found':
        return httpError(fault.status ?? 404, 'Not found.');
      case 'method-not-allowed':
        return { ...httpError(fault.status ?? 405, 'Method not allowed.'), headers: { allow: 'POST' } };
      case 'bad-request':
        return httpError(fault.status ?? 400, 'Invalid input.');
    }
  },
  // A ClickSend status in the message of an HTTP 200 (or of `status`).
  codeResponse(fault, request) {
    return refused(request, String(fault.code), fault.status);
  },
});
