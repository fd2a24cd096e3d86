import type { ErrorKind } from '../../faults.js';
import {
  readBasicAuth,
  readForm,
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
} from '../../simulated-provider.js';
import type { TwilioCredentials } from './twilio-credentials.js';

export const apiVersion = '2010-04-01';
// The OpenAPI description's pattern (twilio_api_v2010.json).
export const accountSidPattern = /^AC[0-9a-fA-F]{32}$/;

/** Twilio's error body: `{code, message, more_info, status}`. */
export function twilioErrorBody(status: number, code: number, message: string): SimulatorResponse {
  return {
    status,
    ...(status === 401 ? { headers: { 'www-authenticate': 'Basic realm="Twilio API"' } } : {}),
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  };
}

export function fieldsOf(request: SimulatorRequest): Record<string, string> {
  return readForm(request.body);
}

/** The HTTP status and wording Twilio uses for the codes the simulator can be asked for. */
const knownCodes: Readonly<
  Record<number, { status: number; message: (fields: Record<string, string>, path: string) => string }>
> = {
  10001: { status: 401, message: () => 'Account is not active' },
  13224: {
    status: 400,
    message: (fields) => `The phone number you are attempting to call, ${fields.To ?? ''}, is not valid.`,
  },
  13227: { status: 400, message: (fields) => `No international authorization to call ${fields.To ?? ''}.` },
  20003: { status: 401, message: () => 'Authenticate' },
  20004: { status: 405, message: () => 'Method not allowed' },
  20005: { status: 401, message: () => 'Account not active' },
  20404: { status: 404, message: (_fields, path) => `The requested resource ${path} was not found` },
  20429: { status: 429, message: () => 'Too Many Requests' },
  20500: { status: 500, message: () => 'Internal Server Error' },
  20503: { status: 503, message: () => 'Service Unavailable' },
  21210: {
    status: 400,
    message: (fields) =>
      `The source phone number provided, ${fields.From ?? ''}, is not yet verified for your account.`,
  },
  21211: {
    status: 400,
    message: (fields) => `The 'To' number ${fields.To ?? ''} is not a valid phone number.`,
  },
  21212: {
    status: 400,
    message: (fields) =>
      `The 'From' number ${fields.From ?? ''} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
  },
  21215: {
    status: 400,
    message: (fields) =>
      `Account not authorized to call ${fields.To ?? ''}. Perhaps you need to enable some international permissions.`,
  },
  21408: {
    status: 400,
    message: (fields) =>
      `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${fields.To ?? ''}.`,
  },
  21606: {
    status: 400,
    message: (fields) =>
      `The 'From' phone number provided (${fields.From ?? ''}) is not a valid message-capable Twilio phone number for this destination.`,
  },
  21608: {
    status: 400,
    message: (fields) =>
      `The number ${fields.To ?? ''} is unverified. Trial accounts cannot send messages to unverified numbers.`,
  },
  21610: { status: 400, message: () => 'Attempt to send to unsubscribed recipient' },
  21612: {
    status: 400,
    message: (fields) =>
      `The 'To' phone number: ${fields.To ?? ''}, is not currently reachable using the 'From' phone number via SMS.`,
  },
  21614: { status: 400, message: (fields) => `'To' number ${fields.To ?? ''} is not a valid mobile number` },
  21635: { status: 400, message: (fields) => `'To' number ${fields.To ?? ''} cannot be a landline` },
  21659: {
    status: 400,
    message: (fields) =>
      `'From' ${fields.From ?? ''} is not a Twilio phone number or Short Code country mismatch`,
  },
  21660: {
    status: 400,
    message: (fields) => `Mismatch between the 'From' number ${fields.From ?? ''} and the account`,
  },
};

export function codeAnswer(code: number, request: SimulatorRequest, status?: number): SimulatorResponse {
  const known = knownCodes[code];
  const fields = fieldsOf(request);
  return twilioErrorBody(
    status ?? known?.status ?? 400,
    code,
    known?.message(fields, request.path) ?? `Twilio error ${code}`,
  );
}

export function errorForKind(
  fault: { kind: ErrorKind; status?: number; retryAfter?: number },
  request: SimulatorRequest,
  route: SimulatorRoute,
): SimulatorResponse {
  switch (fault.kind) {
    case 'invalid-number':
      return codeAnswer(21211, request, fault.status);
    case 'auth':
      return codeAnswer(20003, request, fault.status);
    // Twilio answers a request from an account that ran out of funds with 20005 "Account not active".
    case 'no-credit':
      return codeAnswer(20005, request, fault.status);
    case 'rate-limit': {
      const answer = codeAnswer(20429, request, fault.status);
      return fault.retryAfter === undefined
        ? answer
        : { ...answer, headers: { ...answer.headers, 'retry-after': String(fault.retryAfter) } };
    }
    case 'unavailable':
      return codeAnswer(20500, request, fault.status);
    case 'transient':
      return codeAnswer(20503, request, fault.status);
    case 'not-found':
      return codeAnswer(20404, request, fault.status);
    case 'method-not-allowed':
      return codeAnswer(20004, request, fault.status);
    case 'bad-request':
      return route.channel === 'sms'
        ? twilioErrorBody(fault.status ?? 400, 21602, 'Message body is required.')
        : twilioErrorBody(
            fault.status ?? 400,
            21205,
            "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required.",
          );
  }
}

/** Basic authentication as Twilio checks it, and the account in the path. */
export function authenticate(
  request: SimulatorRequest,
  credentials: TwilioCredentials,
  pathAccountSid: string,
): SimulatorResponse | undefined {
  const auth = readBasicAuth(request.headers);
  const byToken = auth?.username === credentials.accountSid && auth.password === credentials.authToken;
  const byKey = auth?.username === credentials.apiKeySid && auth.password === credentials.apiKeySecret;
  if (!byToken && !byKey) return twilioErrorBody(401, 20003, 'Authenticate');
  if (!accountSidPattern.test(pathAccountSid)) {
    return twilioErrorBody(
      404,
      20404,
      `The requested resource /${apiVersion}/Accounts/${pathAccountSid} was not found`,
    );
  }
  // Credentials of one account cannot act on another.
  if (pathAccountSid !== credentials.accountSid) return twilioErrorBody(401, 20003, 'Authenticate');
  return undefined;
}
