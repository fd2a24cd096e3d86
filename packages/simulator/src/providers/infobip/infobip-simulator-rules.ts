import type { SimulatorResponse } from '../../simulated-provider.js';

// Infobip's documented rules, stated here for the simulator on its own (never imported from the
// packages it checks). Status objects and codes: "Response status and error codes",
// https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes.

export interface InfobipStatusObject {
  groupId: number;
  groupName: string;
  id: number;
  name: string;
  description: string;
}

const pending = (description: string): InfobipStatusObject => ({
  groupId: 1,
  groupName: 'PENDING',
  id: 26,
  name: 'PENDING_ACCEPTED',
  description,
});

/** The status of an accepted SMS, as in the v3 OpenAPI example. */
export const smsAccepted = pending('Message sent to next instance');
/** The status of an accepted call, as in the TTS OpenAPI example. */
export const callAccepted = pending('Message accepted, pending for delivery.');

/** Statuses a message can be refused with inside an HTTP 200: REJECTED (group 5) and UNDELIVERABLE (group 2). */
const refusals: Readonly<Record<string, [group: 2 | 5, id: number, description: string]>> = {
  REJECTED_NETWORK: [5, 6, 'Network is forbidden'],
  REJECTED_PREFIX_MISSING: [5, 8, 'Number prefix missing'],
  REJECTED_DND: [5, 10, 'Destination on DND list'],
  REJECTED_SOURCE: [5, 11, 'Invalid Source address'],
  REJECTED_NOT_ENOUGH_CREDITS: [5, 12, 'Not enough credits'],
  REJECTED_SENDER: [5, 13, 'By Sender'],
  REJECTED_DESTINATION: [5, 14, 'By Destination'],
  REJECTED_NOT_REACHABLE: [5, 16, 'Network not reachable'],
  REJECTED_PREPAID_PACKAGE_EXPIRED: [5, 17, 'Prepaid package expired'],
  REJECTED_DESTINATION_NOT_REGISTERED: [5, 18, 'Destination not registered'],
  REJECTED_ROUTE_NOT_AVAILABLE: [5, 19, 'Route not available'],
  REJECTED_FLOODING_FILTER: [5, 20, 'Rejected flooding'],
  REJECTED_SYSTEM_ERROR: [5, 21, 'System error'],
  REJECTED_DUPLICATE_MESSAGE_ID: [5, 23, 'Rejected duplicate message ID'],
  REJECTED_INVALID_UDH: [5, 24, 'Rejected invalid UDH'],
  REJECTED_MESSAGE_TOO_LONG: [5, 25, 'Rejected message too long'],
  MISSING_TO: [5, 51, 'Missing to'],
  REJECTED_INVALID_DESTINATION: [5, 52, 'Invalid destination'],
  UNDELIVERABLE_REJECTED_OPERATOR: [2, 4, 'Message rejected by operator'],
  UNDELIVERABLE_NOT_DELIVERED: [2, 9, 'Message sent not delivered'],
};

/** The status object of a refusal by name; an unknown name is a REJECTED status of its own. */
export function refusal(name: string): InfobipStatusObject {
  const [groupId, id, description] = refusals[name] ?? [5, 0, name];
  return { groupId, groupName: groupId === 2 ? 'UNDELIVERABLE' : 'REJECTED', id, name, description };
}

/**
 * The two error bodies. The SMS API v3 answers `ApiError` (errorCode E400…E500, description,
 * action, violations, resources); SMS v2 and text to speech answer the older `ApiException`
 * (`requestError.serviceException` with messageId BAD_REQUEST… and text). Both from Infobip's
 * OpenAPI descriptions (specs/infobip/).
 */
export type ErrorShape = 'api-error' | 'api-exception';

const byStatus: Readonly<Record<number, [errorCode: string, messageId: string, text: string]>> = {
  400: ['E400', 'BAD_REQUEST', 'Request cannot be processed.'],
  401: [
    'E401',
    'UNAUTHORIZED',
    'The request lacks valid authentication credentials for the requested resource.',
  ],
  403: ['E403', 'FORBIDDEN', 'The request is forbidden.'],
  404: ['E404', 'NOT_FOUND', 'The requested resource was not found.'],
  405: ['E405', 'METHOD_NOT_ALLOWED', 'The request method is not supported.'],
  429: ['E429', 'TOO_MANY_REQUESTS', 'Too many requests.'],
  500: ['E500', 'GENERAL_ERROR', 'Something went wrong.'],
};

export interface Violation {
  property: string;
  violation: string;
}

/** An Infobip error answer of `status` in `shape`; codes by status, as Infobip's Java client maps them. */
export function errorAnswer(
  shape: ErrorShape,
  status: number,
  options: { violations?: readonly Violation[]; code?: string; headers?: Record<string, string> } = {},
): SimulatorResponse {
  const [errorCode, messageId, text] = byStatus[status] ?? byStatus[status >= 500 ? 500 : 400] ?? [];
  const violations = options.violations ?? [];
  const headers = { 'content-type': 'application/json', ...options.headers };
  if (shape === 'api-error') {
    return {
      status,
      headers,
      body: {
        errorCode: options.code ?? errorCode,
        description: text,
        action: 'Check the request.',
        violations,
        resources: [],
      },
    };
  }
  const validationErrors: Record<string, string[]> = {};
  for (const item of violations) {
    validationErrors[item.property] = [...(validationErrors[item.property] ?? []), item.violation];
  }
  return {
    status,
    headers,
    body: {
      requestError: {
        serviceException: {
          messageId: options.code ?? messageId,
          text,
          ...(violations.length === 0 ? {} : { validationErrors }),
        },
      },
    },
  };
}

/** A destination: E.164 digits, `+` tolerated ("Destination address must be in the E.164 standard format"). */
export const destinationPattern = /^\+?[1-9]\d{6,14}$/;

/**
 * Sender names (https://www.infobip.com/docs/sms/get-started#sender-names): alphanumeric up to
 * 11 characters, numeric up to 14 digits (a `+` before a number is accepted).
 */
export function isInfobipSender(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (/^\+?\d{3,14}$/.test(value)) return true;
  return /^[A-Za-z0-9 .&_-]{1,11}$/.test(value) && /[A-Za-z]/.test(value);
}

/** TTS text: at most 1400 characters, and not only punctuation (the request schema's `text`). */
export function ttsTextProblem(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return 'must not be empty';
  if (text.length > 1400) return 'must have at most 1400 characters';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'cannot contain only punctuation';
  return undefined;
}

/** Infobip's TTS languages: the `language` enum of its Voice API (specs/infobip/infobip-voice-openapi.json). */
export const ttsLanguages: ReadonlySet<string> = new Set(
  (
    'ar ar-ma ar_xa bg bn bn-in ca cmn-cn cs da de de-at de-ch el en en-au en-ca en-gb en-gb-wls ' +
    'en-ie en-in en-ph es es-419 es-ar es-co es-mx es-us et-ee fi fil-ph fr fr-ca fr-ch gu he hi ' +
    'hr hu id is it ja kk-kz kn ko lt lv ml mr-in ms nb-no nl nl-be no pa-in pl pt-br pt-pt ro ru ' +
    'sk sl sr-rs sv sw-ke sw-tz ta te th tr uk ur-in ur-pk uz-uz vi wls yue-hk zh-cn zh-tw'
  ).split(' '),
);
