import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type {
  SimulatorContext,
  SimulatorRequest,
  SimulatorResponse,
  SimulatorRoute,
} from '../../simulated-provider.js';
import { readJson } from '../../simulated-provider.js';
import type { InfobipCredentials } from './infobip-credentials.js';
import { type ErrorShape, errorAnswer, type Violation } from './infobip-simulator-rules.js';

// Infobip's API key scheme: `Authorization: App <key>` (https://www.infobip.com/docs/essentials/api-authentication).
export function authorized(headers: IncomingHttpHeaders, apiKey: string): boolean {
  const header = headers.authorization;
  if (typeof header !== 'string') return false;
  const match = /^app\s+(\S+)\s*$/i.exec(header);
  return match?.[1] === apiKey;
}

export type Fields = Record<string, unknown>;

export const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one message and destination of a request, or the violation that refuses it. */
export function firstMessage(body: unknown): { message: Fields; to: unknown } | Violation {
  if (!isObject(body) || !Array.isArray(body.messages) || body.messages.length === 0) {
    return { property: 'messages', violation: 'must not be empty' };
  }
  const message = body.messages[0];
  if (!isObject(message)) return { property: 'messages[0]', violation: 'must be an object' };
  const destinations = message.destinations;
  if (!Array.isArray(destinations) || destinations.length === 0 || !isObject(destinations[0])) {
    return { property: 'messages[0].destinations', violation: 'must not be empty' };
  }
  return { message, to: destinations[0].to };
}

export interface Accepted {
  channel: 'sms' | 'voice';
  to: string;
  text: string;
  from?: string;
  reference?: string;
}

export function record(context: SimulatorContext<InfobipCredentials>, accepted: Accepted, request: Fields) {
  return context.record({
    channel: accepted.channel,
    id: randomUUID(),
    to: accepted.to,
    ...(accepted.from === undefined ? {} : { from: accepted.from }),
    text: accepted.text,
    ...(accepted.reference === undefined ? {} : { reference: accepted.reference }),
    request,
  });
}

export const json = (body: unknown): SimulatorResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body,
});

/** One route: authentication, then the version's own reading of the body. */
export function route(
  path: RegExp,
  channel: 'sms' | 'voice',
  shape: ErrorShape,
  accept: (body: unknown, context: SimulatorContext<InfobipCredentials>) => SimulatorResponse,
): SimulatorRoute<InfobipCredentials> & { shape: ErrorShape } {
  return {
    method: 'POST',
    path,
    channel,
    shape,
    handle(request: SimulatorRequest, context: SimulatorContext<InfobipCredentials>) {
      if (!authorized(request.headers, context.credentials.apiKey)) return errorAnswer(shape, 401);
      const body = readJson(request.body);
      if (body === undefined)
        return errorAnswer(shape, 400, { violations: [{ property: '', violation: 'invalid JSON' }] });
      return accept(body, context);
    },
  };
}
