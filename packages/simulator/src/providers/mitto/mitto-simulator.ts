import { randomUUID } from 'node:crypto';
import type { SimulatorResponse } from '../../simulated-provider.js';
import { defineSimulatedProvider, plain, readJson } from '../../simulated-provider.js';
import { mittoActionSecrets, mittoCredentials } from './mitto-credentials.js';
import { isMittoSender } from './mitto-sender.js';

/** Mitto's `responseCode` values and the `responseText` it sends with each. */
const responseTexts: Readonly<Record<number, string>> = {
  0: 'SMS sent',
  1: 'Internal error',
  2: 'Invalid type',
  3: 'Empty message',
  4: 'Invalid text for the encoding',
  5: 'Empty sender',
  6: 'Invalid sender',
  7: 'Empty receiver',
  8: 'Invalid receiver',
};

// GSM 03.38: the basic set, and the extension table (two septets each).
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '\f^{}\\[~]|€';
const gsmCharacters = new Set([...gsmBasic, ...gsmExtension]);

function fitsGsm(text: string): boolean {
  for (const character of text) if (!gsmCharacters.has(character)) return false;
  return true;
}

// Mitto asks for E.164 digits; its Swagger's example carries a `+`, so a leading `+` is tolerated.
const receiver = /^\+?[1-9]\d{6,14}$/;

function answer(
  status: number,
  responseCode: number,
  extra: Record<string, unknown> = {},
): SimulatorResponse {
  return {
    status,
    body: { ...extra, responseCode, responseText: responseTexts[responseCode] ?? 'Error' },
  };
}

const unauthorized = (): SimulatorResponse => plain(401, 'Invalid or no API Key specified');

/** The first problem Mitto reports for a request body, in the order of its checks, or `undefined`. */
function validate(body: Record<string, unknown>): number | undefined {
  const { from, to, text, type } = body;
  if (from === undefined || from === null || from === '') return 5;
  // Mitto's own rule (mitto-sender.ts), not the package's: the simulator checks the package.
  if (typeof from !== 'string' || !isMittoSender(from)) return 6;
  if (to === undefined || to === null || to === '') return 7;
  if (typeof to !== 'string' || !receiver.test(to)) return 8;
  if (text === undefined || text === null || text === '') return 3;
  if (typeof text !== 'string') return 4;
  if (type !== undefined && type !== 'GSM' && type !== 'Unicode' && type !== 'Binary') return 2;
  if ((type ?? 'GSM') === 'GSM' && !fitsGsm(text)) return 4;
  return undefined;
}

/** Mitto's single-SMS endpoint, at its classic paths and under the Swagger's `/v2` base path. */
export const mittoSimulator = defineSimulatedProvider({
  name: 'mitto',
  credentials: mittoCredentials,
  actionSecrets: mittoActionSecrets,
  routes: [
    {
      method: 'POST',
      path: /^(?:\/v2)?\/sms(?:\.json)?$/i,
      channel: 'sms',
      handle(request, context) {
        if (request.headers['x-mitto-api-key'] !== context.credentials.apiKey) return unauthorized();
        const body = readJson(request.body);
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          return { status: 400, body: { responseText: 'The request body is not a JSON object' } };
        }
        const fields = body as Record<string, unknown>;
        const problem = validate(fields);
        if (problem !== undefined) return answer(400, problem);
        const text = fields.text as string;
        const test = fields.test === true;
        const reference = typeof fields.reference === 'string' ? fields.reference : undefined;
        const message = context.record({
          channel: 'sms',
          id: randomUUID(),
          to: fields.to as string,
          from: fields.from as string,
          text,
          ...(reference === undefined ? {} : { reference }),
          request: fields,
        });
        return answer(200, 0, {
          id: message.id,
          timestamp: new Date(message.at).toISOString(),
          textLength: text.length,
          test,
        });
      },
    },
  ],
  errorResponse(fault) {
    switch (fault.kind) {
      case 'invalid-number':
        return answer(fault.status ?? 400, 8);
      case 'auth':
        return fault.status === undefined
          ? unauthorized()
          : plain(fault.status, 'Invalid or no API Key specified');
      // Mitto documents no out-of-credit answer; the simulator sends the generic HTTP 402.
      case 'no-credit':
        return {
          status: fault.status ?? 402,
          body: { responseText: 'Payment required: insufficient credit' },
        };
      case 'rate-limit':
        return plain(
          fault.status ?? 429,
          'Too many requests',
          fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) },
        );
      case 'unavailable':
        return plain(fault.status ?? 503, 'Service Unavailable');
      case 'transient':
        return answer(fault.status ?? 200, 1);
      case 'not-found':
        return plain(fault.status ?? 404, 'Not Found');
      case 'method-not-allowed':
        return plain(fault.status ?? 405, 'Method Not Allowed', { allow: 'POST' });
      case 'bad-request':
        return { status: fault.status ?? 400, body: { responseText: 'Bad request' } };
    }
  },
  // Mitto's codes arrive in the body of an HTTP 200 (or 400): `status` picks which.
  codeResponse(fault) {
    const code = Number(fault.code);
    return answer(fault.status ?? 200, Number.isInteger(code) ? code : 1);
  },
});
