import { randomUUID } from 'node:crypto';
import type { SimulatorRequest, SimulatorResponse } from '../../simulated-provider.js';
import { defineSimulatedProvider, readBasicAuth, readJson } from '../../simulated-provider.js';
import { plivoActionSecrets, plivoCredentials } from './plivo-credentials.js';

// Plivo's Message API as documented, stated here rather than taken from any package:
// https://www.plivo.com/docs/messaging/api/message#send-a-message (src, dst, text, type),
// https://www.plivo.com/docs/messaging/api/response (a JSON body with api_id; 202 when queued;
// 400 missing or invalid parameter, 401 authentication failed, 404, 405, 429, 500).

/** `/v1/Account/{auth_id}/Message/`, the trailing slash optional. */
const messagePath = /^\/v1\/Account\/([^/]+)\/Message\/?$/;
/** A number: 8 to 15 digits (country code included) with an optional +, as Plivo's examples write src and dst. */
const number = /^\+?[1-9]\d{7,14}$/;
/** An alphanumeric sender ID: up to 11 letters, digits and spaces, at least one letter. */
const senderId = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
/** `dst` may list several numbers separated by `<` (bulk messaging). */
const dstSeparator = '<';
const messageTypes = new Set(['sms', 'mms', 'whatsapp']);

function plivoAnswer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return { status, headers, body: { api_id: randomUUID(), ...body } } satisfies SimulatorResponse;
}

const refuse = (error: string, status = 400) => plivoAnswer(status, { error });

function accountOf(request: SimulatorRequest): string | undefined {
  return messagePath.exec(request.path)?.[1];
}

function authenticated(
  request: SimulatorRequest,
  credentials: { authId: string; authToken: string },
): boolean {
  const basic = readBasicAuth(request.headers);
  return (
    basic !== undefined &&
    basic.username === credentials.authId &&
    basic.password === credentials.authToken &&
    accountOf(request) === credentials.authId
  );
}

function dstOf(request: SimulatorRequest): string {
  const body = readJson(request.body) as { dst?: unknown } | undefined;
  return typeof body?.dst === 'string' ? body.dst : '';
}

/** Plivo's SMS endpoint; voice calls need an answer URL and are not simulated. */
export const plivoSimulator = defineSimulatedProvider({
  name: 'plivo',
  credentials: plivoCredentials,
  actionSecrets: plivoActionSecrets,
  routes: [
    {
      method: 'POST',
      path: messagePath,
      channel: 'sms',
      handle(request, context) {
        if (!authenticated(request, context.credentials)) return refuse('authentication_failed', 401);
        const body = readJson(request.body);
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          return refuse('invalid json data');
        }
        const fields = body as Record<string, unknown>;
        const { src, dst, text, type } = fields;
        if (typeof src !== 'string' || src === '') return refuse('src parameter not present');
        if (!number.test(src) && !senderId.test(src)) return refuse(`src parameter is invalid`);
        if (typeof dst !== 'string' || dst === '') return refuse('dst parameter not present');
        if (typeof text !== 'string' || text === '') return refuse('text parameter not present');
        if (type !== undefined && (typeof type !== 'string' || !messageTypes.has(type))) {
          return refuse('type parameter is invalid');
        }
        const destinations = dst.split(dstSeparator);
        const valid = destinations.filter((to) => number.test(to));
        const invalid = destinations.filter((to) => !number.test(to));
        // Plivo echoes the refused number without its + (plivo/plivo-node#222).
        if (valid.length === 0)
          return refuse(`'${invalid[0]?.replace(/^\+/, '')}' is not a valid phone number.`);
        const uuids = valid.map(
          (to) =>
            context.record({ channel: 'sms', id: randomUUID(), to, from: src, text, request: fields }).id,
        );
        return plivoAnswer(202, {
          message: 'message(s) queued',
          message_uuid: uuids,
          ...(invalid.length > 0 ? { invalid_number: invalid } : {}),
        });
      },
    },
  ],
  errorResponse(fault, request) {
    const retryAfter: Record<string, string> =
      fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
    switch (fault.kind) {
      case 'invalid-number':
        return refuse(
          `'${dstOf(request).replace(/^\+/, '')}' is not a valid phone number.`,
          fault.status ?? 400,
        );
      case 'auth':
        return refuse('authentication_failed', fault.status ?? 401);
      // Plivo refuses sends for a while once the balance is gone, with "Insufficient Credit"
      // (support article 17000088423); it documents no status for it beside its usual 400.
      case 'no-credit':
        return refuse('Insufficient Credit', fault.status ?? 400);
      case 'rate-limit':
        return plivoAnswer(fault.status ?? 429, { error: 'rate_limit_exceeded' }, retryAfter);
      case 'unavailable':
        return refuse('server error', fault.status ?? 500);
      // Plivo has no in-band transient error: an HTTP 503 stands for it.
      case 'transient':
        return refuse('service unavailable', fault.status ?? 503);
      case 'not-found':
        return refuse('not found', fault.status ?? 404);
      case 'method-not-allowed':
        return { ...refuse('method not allowed', fault.status ?? 405), headers: { allow: 'GET, POST' } };
      case 'bad-request':
        return refuse('invalid_parameter', fault.status ?? 400);
    }
  },
  // Plivo answers error text, not codes: the fault's code is the text (a 403 is its geo-permission refusal).
  codeResponse(fault) {
    return refuse(String(fault.code), fault.status ?? 400);
  },
});
