import { randomUUID } from 'node:crypto';
import {
  defineSimulatedProvider,
  type SimulatorContext,
  type SimulatorResponse,
  type SimulatorRoute,
} from '../../simulated-provider.js';
import { smsPartCount } from '../../sms-parts.js';
import { type InfobipCredentials, infobipActionSecrets, infobipCredentials } from './infobip-credentials.js';
import { type Fields, firstMessage, isObject, json, record, route } from './infobip-simulator-http.js';
import {
  callAccepted,
  destinationPattern,
  type ErrorShape,
  errorAnswer,
  isInfobipSender,
  refusal,
  smsAccepted,
  ttsLanguages,
  ttsTextProblem,
} from './infobip-simulator-rules.js';

/** SMS API v3: `{ messages: [{ sender?, destinations: [{ to }], content: { text } }] }`. */
const smsV3 = route(/^\/sms\/3\/messages$/, 'sms', 'api-error', (body, context) => {
  const found = firstMessage(body);
  if ('violation' in found) return errorAnswer('api-error', 400, { violations: [found] });
  const { message, to } = found;
  const content = isObject(message.content) ? message.content : {};
  if (typeof content.text !== 'string' || content.text === '') {
    return errorAnswer('api-error', 400, {
      violations: [{ property: 'messages[0].content.text', violation: 'must not be blank' }],
    });
  }
  if (typeof to !== 'string' || to === '') {
    return errorAnswer('api-error', 400, {
      violations: [{ property: 'messages[0].destinations[0].to', violation: 'must not be blank' }],
    });
  }
  const sender = message.sender;
  // Infobip takes the request and refuses the message in the answer.
  const refused = !destinationPattern.test(to)
    ? refusal('REJECTED_PREFIX_MISSING')
    : sender !== undefined && !isInfobipSender(sender)
      ? refusal('REJECTED_SOURCE')
      : undefined;
  const webhooks = isObject(message.webhooks) ? message.webhooks : {};
  const wantsCount =
    isObject((body as Fields).options) &&
    ((body as Fields).options as Fields).includeSmsCountInResponse === true;
  const text = content.text;
  const messageId =
    refused === undefined
      ? record(
          context,
          {
            channel: 'sms',
            to,
            text,
            ...(typeof sender === 'string' ? { from: sender } : {}),
            ...(typeof webhooks.callbackData === 'string' ? { reference: webhooks.callbackData } : {}),
          },
          body as Fields,
        ).id
      : randomUUID();
  return json({
    bulkId: randomUUID(),
    messages: [
      {
        messageId,
        status: refused ?? smsAccepted,
        destination: to,
        ...(wantsCount ? { details: { messageCount: smsPartCount(text) } } : {}),
      },
    ],
  });
});

/** SMS API v2 (`/sms/2/text/advanced`), what the official SDK and the classic guide send. */
const smsV2 = route(/^\/sms\/2\/text\/advanced$/, 'sms', 'api-exception', (body, context) => {
  const found = firstMessage(body);
  if ('violation' in found) return errorAnswer('api-exception', 400, { violations: [found] });
  const { message, to } = found;
  if (typeof message.text !== 'string' || message.text === '') {
    return errorAnswer('api-exception', 400, {
      violations: [{ property: 'messages[0].text', violation: 'must not be blank' }],
    });
  }
  if (typeof to !== 'string' || !destinationPattern.test(to)) {
    return json({ messages: [{ to, status: refusal('REJECTED_PREFIX_MISSING'), messageId: randomUUID() }] });
  }
  const from = message.from;
  const sent = record(
    context,
    { channel: 'sms', to, text: message.text, ...(typeof from === 'string' ? { from } : {}) },
    body as Fields,
  );
  return json({
    bulkId: randomUUID(),
    messages: [{ to, status: smsAccepted, messageId: sent.id, smsCount: smsPartCount(message.text) }],
  });
});

function acceptCall(
  message: Fields,
  to: unknown,
  context: SimulatorContext<InfobipCredentials>,
  request: Fields,
): SimulatorResponse {
  const problem = ttsTextProblem(message.text);
  if (problem !== undefined) {
    return errorAnswer('api-exception', 400, { violations: [{ property: 'text', violation: problem }] });
  }
  const language = message.language ?? 'en';
  if (typeof language !== 'string' || !ttsLanguages.has(language)) {
    return errorAnswer('api-exception', 400, {
      violations: [{ property: 'language', violation: 'is not a supported language' }],
    });
  }
  if (
    message.from !== undefined &&
    (typeof message.from !== 'string' || !destinationPattern.test(message.from))
  ) {
    return errorAnswer('api-exception', 400, {
      violations: [{ property: 'from', violation: 'must be a number in E.164 format' }],
    });
  }
  if (typeof to !== 'string' || !destinationPattern.test(to)) {
    return json({ messages: [{ to, status: refusal('REJECTED_PREFIX_MISSING'), messageId: randomUUID() }] });
  }
  const sent = record(
    context,
    {
      channel: 'voice',
      to,
      text: message.text as string,
      ...(typeof message.from === 'string' ? { from: message.from } : {}),
      ...(typeof message.callbackData === 'string' ? { reference: message.callbackData } : {}),
    },
    request,
  );
  return json({ bulkId: randomUUID(), messages: [{ to, status: callAccepted, messageId: sent.id }] });
}

/** Text to speech, "advanced": `{ messages: [{ destinations: [{ to }], text, language?, from? }] }`. */
const ttsAdvanced = route(/^\/tts\/3\/advanced$/, 'voice', 'api-exception', (body, context) => {
  const found = firstMessage(body);
  if ('violation' in found) return errorAnswer('api-exception', 400, { violations: [found] });
  return acceptCall(found.message, found.to, context, body as Fields);
});

/** Text to speech, "single" (the classic guide's voice call): `{ to, text, language?, from? }`. */
const ttsSingle = route(/^\/tts\/3\/single$/, 'voice', 'api-exception', (body, context) => {
  if (!isObject(body))
    return errorAnswer('api-exception', 400, {
      violations: [{ property: '', violation: 'must be an object' }],
    });
  return acceptCall(body, body.to, context, body);
});

const routes = [smsV3, smsV2, ttsAdvanced, ttsSingle];

function shapeOf(matched: SimulatorRoute<never>): ErrorShape {
  return (matched as SimulatorRoute & { shape?: ErrorShape }).shape ?? 'api-exception';
}

/** An answer that refuses the message with status `name` (inside a 200 unless `status` says otherwise). */
function refusedAnswer(name: string, status = 200): SimulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: { messages: [{ messageId: randomUUID(), status: refusal(name) }] },
  };
}

/** Infobip: SMS v3 and v2, text to speech advanced and single, on one account host. */
export const infobipSimulator = defineSimulatedProvider({
  name: 'infobip',
  credentials: infobipCredentials,
  actionSecrets: infobipActionSecrets,
  // The language a call is read in: the advanced request's message, or the single request's own.
  spokenLanguage: (request) => {
    const [message] = Array.isArray(request.messages) ? (request.messages as unknown[]) : [request];
    const language = isObject(message) ? message.language : undefined;
    return typeof language === 'string' ? language : undefined;
  },
  routes,
  errorResponse(fault, _request, matched) {
    const shape = shapeOf(matched);
    switch (fault.kind) {
      // Infobip refuses a bad number inside a 200; with another status, as a bad request about it.
      case 'invalid-number':
        return fault.status === undefined
          ? refusedAnswer('REJECTED_PREFIX_MISSING')
          : errorAnswer(shape, fault.status, {
              violations: [
                { property: 'messages[0].destinations[0].to', violation: 'invalid destination address' },
              ],
            });
      case 'auth':
        return errorAnswer(shape, fault.status ?? 401);
      case 'no-credit':
        return refusedAnswer('REJECTED_NOT_ENOUGH_CREDITS', fault.status);
      case 'rate-limit':
        return errorAnswer(shape, fault.status ?? 429, {
          headers: fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) },
        });
      case 'unavailable':
        return errorAnswer(shape, fault.status ?? 503);
      // Infobip has no in-band "try again" code but its system-error refusal.
      case 'transient':
        return refusedAnswer('REJECTED_SYSTEM_ERROR', fault.status);
      case 'not-found':
        return errorAnswer(shape, fault.status ?? 404);
      case 'method-not-allowed':
        return errorAnswer(shape, fault.status ?? 405);
      case 'bad-request':
        return errorAnswer(shape, fault.status ?? 400);
    }
  },
  // A status name (REJECTED_…, UNDELIVERABLE_…) is refused inside a 200; an error code (E401,
  // UNAUTHORIZED) comes as an HTTP error of its usual status, or `status`.
  codeResponse(fault, _request, matched) {
    const code = String(fault.code);
    const errorStatus: Record<string, number> = {
      E400: 400,
      BAD_REQUEST: 400,
      E401: 401,
      UNAUTHORIZED: 401,
      E403: 403,
      FORBIDDEN: 403,
      E404: 404,
      NOT_FOUND: 404,
      E429: 429,
      TOO_MANY_REQUESTS: 429,
      E500: 500,
      GENERAL_ERROR: 500,
    };
    const status = errorStatus[code];
    if (status !== undefined) return errorAnswer(shapeOf(matched), fault.status ?? status, { code });
    return refusedAnswer(code, fault.status);
  },
});
