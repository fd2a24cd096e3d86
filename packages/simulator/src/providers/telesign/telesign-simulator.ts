import { randomBytes } from 'node:crypto';
import type { SimulatorResponse, SimulatorRoute } from '../../simulated-provider.js';
import { defineSimulatedProvider, plain, readForm } from '../../simulated-provider.js';
import { telesignAuthProblem } from './telesign-auth.js';
import {
  type TelesignCredentials,
  telesignActionSecrets,
  telesignCredentials,
} from './telesign-credentials.js';
import { telesignTexts, validateForm } from './telesign-rules.js';

// Telesign's SMS API (POST /v1/messaging) and Voice API (POST /v1/voice). Every answer carries a
// status code in its body, and Telesign asks clients to act on it rather than on the HTTP status:
// https://developer.telesign.com/enterprise/docs/understand-telesign-status-and-error-codes
// HTTP statuses used with each code (the references list 200, 400, 401, 402, 404, 405, 429, 500,
// 503): accepted 200, field errors 400, authentication 401, funds 402, rate limit 429, system 503.

/** Telesign's reference ids: 32 upper-case hexadecimal characters. */
function referenceId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

function telesignAnswer(
  status: number,
  code: number,
  extra: { description?: string; reference?: string; retryAfter?: number } = {},
): SimulatorResponse {
  const description = extra.description ?? telesignTexts[code] ?? 'Error';
  const failed = code >= 10000 || code < 0 || status >= 400;
  return {
    status,
    ...(extra.retryAfter === undefined ? {} : { headers: { 'retry-after': String(extra.retryAfter) } }),
    body: {
      reference_id: extra.reference ?? referenceId(),
      status: { updated_on: new Date().toISOString(), code: failed && code < 0 ? 500 : code, description },
      ...(failed ? { errors: [{ code, description }] } : {}),
    },
  };
}

/** The HTTP status Telesign sends with a code, by the code's family. */
function statusForCode(code: number): number {
  if (code === 10000 || code === 3500) return 503;
  if (code === 10019 || code === 3204 || code === 3205) return 429;
  if (code === 10030) return 402;
  if (
    [10002, 10003, 10004, 10005, 10006, 10007, 10008, 10009, 10010, 10014, 10015, 10022, 10028].includes(code)
  ) {
    return 401;
  }
  // Transaction states (1xx, 2xx, 5xx) come in a 200: a delivery refused at once included.
  if (code > 0 && code < 1000) return 200;
  return 400;
}

function route(path: RegExp, channel: 'sms' | 'voice'): SimulatorRoute<TelesignCredentials> {
  return {
    method: 'POST',
    path,
    channel,
    handle(request, context) {
      const problem = telesignAuthProblem(request, context.credentials);
      if (problem !== undefined) return telesignAnswer(401, problem);
      const form = readForm(request.body);
      const invalid = validateForm(form, channel);
      if (invalid !== undefined) {
        return telesignAnswer(
          400,
          invalid.code,
          invalid.description === undefined ? {} : { description: invalid.description },
        );
      }
      const message = context.record({
        channel,
        id: referenceId(),
        to: form.phone_number as string,
        text: form.message as string,
        ...(form.external_id === undefined ? {} : { reference: form.external_id }),
        request: form,
      });
      return telesignAnswer(200, channel === 'sms' ? 290 : 103, { reference: message.id });
    },
  };
}

export const telesignSimulator = defineSimulatedProvider({
  name: 'telesign',
  credentials: telesignCredentials,
  actionSecrets: telesignActionSecrets,
  // A voice is `f-` and the language it speaks (`f-en-GB`); without one Telesign speaks en-US.
  spokenLanguage: (request) =>
    typeof request.voice === 'string' ? request.voice.replace(/^[a-z]-/, '') : 'en-US',
  routes: [route(/^\/v1\/messaging$/, 'sms'), route(/^\/v1\/voice$/, 'voice')],
  errorResponse(fault) {
    switch (fault.kind) {
      case 'invalid-number':
        return telesignAnswer(fault.status ?? 400, 11000);
      case 'auth':
        return telesignAnswer(fault.status ?? 401, 10022);
      case 'no-credit':
        return telesignAnswer(fault.status ?? 402, 10030);
      case 'rate-limit':
        return telesignAnswer(fault.status ?? 429, 10019, { retryAfter: fault.retryAfter });
      // Telesign's transient error is its "System Unavailable", not an in-band code of a 200.
      case 'unavailable':
      case 'transient':
        return telesignAnswer(fault.status ?? 503, 10000);
      case 'not-found':
        return plain(fault.status ?? 404, 'Not Found');
      case 'method-not-allowed':
        return plain(fault.status ?? 405, 'Method Not Allowed', { allow: 'POST' });
      case 'bad-request':
        return telesignAnswer(fault.status ?? 400, -10001, { description: 'Invalid Request' });
    }
  },
  codeResponse(fault) {
    const code = Number(fault.code);
    const known = Number.isInteger(code) ? code : 10000;
    return telesignAnswer(fault.status ?? statusForCode(known), known);
  },
});
