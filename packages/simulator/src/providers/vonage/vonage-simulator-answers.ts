import {
  randomHex,
  readForm,
  readJson,
  type SimulatorRequest,
  type SimulatorResponse,
} from '../../simulated-provider.js';

export function smsStatus(status: number, errorText: string): SimulatorResponse {
  return {
    status: 200,
    body: { 'message-count': '1', messages: [{ status: String(status), 'error-text': errorText }] },
  };
}

export const statusTexts: Readonly<Record<number, string>> = {
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
export const errorsPage = 'https://developer.nexmo.com/api-errors';

export function problem(status: number, title: string, detail: string, type: string): SimulatorResponse {
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
export function smsFields(request: SimulatorRequest): Record<string, string> {
  const json = /json/i.test(String(request.headers['content-type'] ?? ''));
  const raw = json ? readJson(request.body) : readForm(request.body);
  const fields: Record<string, string> = {};
  for (const [name, value] of request.url.searchParams) fields[name] = value;
  if (raw && typeof raw === 'object') {
    for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}
