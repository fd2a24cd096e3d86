import type { MfaSmsError, MfaSmsErrorCode } from '@mfa-sms/core';
import {
  classifyAnswer,
  type HttpClient,
  type HttpResponse,
  lazySchema,
  type ProviderErrorRule,
  type ProviderErrors,
} from '@mfa-sms/core/provider';
import * as z from 'zod/mini';
import type { InfobipStatus } from './infobip-wire.js';

const statusCodesPage =
  'https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes';

/** One row of an Infobip error table, with where Infobip documents it. */
export interface InfobipErrorRule extends ProviderErrorRule {
  meaning: string;
  source: string;
}

/**
 * The `errorCode` of the error body the SMS API v3 answers with (`ApiError`: errorCode,
 * description, action, violations, resources), and the `messageId` of the older body the TTS API
 * still answers with (`requestError.serviceException`: messageId, text, validationErrors). Both
 * are in `specs/infobip/`; Infobip's Java client maps the old names onto the new codes the same way
 * (ApiExceptionDetailsResolver: BAD_REQUEST→E400 … GENERAL_ERROR→E500).
 */
export const infobipHttpErrorTable: Readonly<Record<string, InfobipErrorRule>> = {
  E400: { code: 'rejected', meaning: 'Infobip could not process the request', source: statusCodesPage },
  E401: {
    code: 'auth_failed',
    meaning: 'the API key was refused: check apiKey and that it belongs to this baseUrl',
    source: 'https://www.infobip.com/docs/essentials/api-authentication',
  },
  E403: {
    code: 'auth_failed',
    meaning: 'the API key may not send this: give it the SMS or voice scope',
    source: 'https://www.infobip.com/docs/essentials/api-authentication',
  },
  E404: { code: 'rejected', meaning: 'no such endpoint: check baseUrl', source: statusCodesPage },
  E429: { code: 'rate_limited', meaning: 'too many requests', source: statusCodesPage },
  E500: { code: 'provider_unavailable', meaning: 'Infobip had an internal error', source: statusCodesPage },
};

const legacyNames: Readonly<Record<string, string>> = {
  BAD_REQUEST: 'E400',
  UNAUTHORIZED: 'E401',
  FORBIDDEN: 'E403',
  NOT_FOUND: 'E404',
  TOO_MANY_REQUESTS: 'E429',
  GENERAL_ERROR: 'E500',
};

/**
 * A message Infobip refuses inside an HTTP 200: its status `name` (group REJECTED, id in
 * brackets, or UNDELIVERABLE / EXPIRED) → our code. Source of every row: Infobip's "Response status
 * and error codes", REJECTED (group id 5) and UNDELIVERABLE (group id 2) tables. Routing problems
 * Infobip may not have elsewhere are retryable (another provider may have a route); anything the
 * recipient, the sender or the account decides is not.
 */
export const infobipStatusTable: Readonly<Record<string, InfobipErrorRule>> = {
  REJECTED_NETWORK: rule('blocked_destination', 'the network is not covered or is blocked (6)'),
  REJECTED_PREFIX_MISSING: rule('invalid_recipient', 'the number has no valid country prefix (8)'),
  REJECTED_DND: rule('rejected', 'the recipient is on a do-not-disturb list (10)'),
  REJECTED_SOURCE: rule('invalid_config', 'the sender is not allowed: check option "from" (11)'),
  REJECTED_NOT_ENOUGH_CREDITS: rule('insufficient_funds', 'the account has not enough credit (12)'),
  REJECTED_SENDER: rule('invalid_config', 'the sender is blocked: check option "from" (13)'),
  REJECTED_DESTINATION: rule('blocked_destination', 'the destination is blocked (14)'),
  REJECTED_NOT_REACHABLE: rule('provider_unavailable', 'the destination network is not reachable (16)'),
  REJECTED_PREPAID_PACKAGE_EXPIRED: rule('insufficient_funds', 'the prepaid package has expired (17)'),
  REJECTED_DESTINATION_NOT_REGISTERED: rule('blocked_destination', 'the destination is not registered (18)'),
  REJECTED_ROUTE_NOT_AVAILABLE: rule('provider_unavailable', 'Infobip has no route to the destination (19)'),
  REJECTED_FLOODING_FILTER: rule('rejected', 'too many messages to this number: a flooding filter (20)'),
  REJECTED_SYSTEM_ERROR: rule('provider_unavailable', 'Infobip had a system error (21)'),
  REJECTED_DUPLICATE_MESSAGE_ID: rule('rejected', 'the message id was used before (23)'),
  REJECTED_INVALID_UDH: rule('rejected', 'invalid user data header (24)'),
  REJECTED_MESSAGE_TOO_LONG: rule('rejected', 'the message is too long (25)'),
  MISSING_TO: rule('invalid_recipient', 'the destination is missing (51)'),
  REJECTED_INVALID_DESTINATION: rule('invalid_recipient', 'the destination is not a valid number (52)'),
  UNDELIVERABLE_REJECTED_OPERATOR: rule('blocked_destination', 'the operator rejected the message (4)'),
  UNDELIVERABLE_NOT_DELIVERED: rule('rejected', 'the operator did not deliver the message (9)'),
};

function rule(code: MfaSmsErrorCode, meaning: string): InfobipErrorRule {
  return { code, meaning, source: statusCodesPage };
}

/** Status groups of a message on its way (PENDING 1, DELIVERED 3, and v3's ACCEPTED). */
const goingGroups: ReadonlySet<string> = new Set(['PENDING', 'ACCEPTED', 'DELIVERED']);

/** Whether a status in a 200 answer means the message was refused. */
export function isRefused(status: InfobipStatus): boolean {
  return !goingGroups.has(status.groupName.toUpperCase());
}

/** The error for a message a 200 answer refused: by its name, else by its group. */
export function refusedMessageError(
  errors: ProviderErrors,
  status: InfobipStatus,
  context: { httpStatus: number; sensitive: readonly (string | undefined)[]; recipient: string },
): MfaSmsError {
  const known = infobipStatusTable[status.name];
  const classified = classifyAnswer(
    context.httpStatus,
    status.name,
    (name) => infobipStatusTable[name] ?? { code: 'rejected' },
  );
  const why = known?.meaning ?? (status.description?.trim() || 'see the status table');
  return errors.create({
    code: classified.code,
    retryable: classified.retryable,
    status: context.httpStatus,
    providerCode: status.name,
    message: `Infobip refused the message to ${context.recipient} with status ${status.groupName}/${status.name}: ${why}`,
    sensitive: context.sensitive,
  });
}

/** Both of Infobip's error bodies; only what we read, extras accepted. Built on first use. */
export const infobipErrorBodySchema = lazySchema(() =>
  z.union([
    z.object({
      errorCode: z.string(),
      description: z.optional(z.string()),
      violations: z.optional(
        z.array(z.object({ property: z.optional(z.string()), violation: z.optional(z.string()) })),
      ),
    }),
    z.object({
      requestError: z.object({
        serviceException: z.object({
          messageId: z.optional(z.string()),
          text: z.optional(z.string()),
          validationErrors: z.optional(z.record(z.string(), z.array(z.string()))),
        }),
      }),
    }),
  ]),
);

interface ReadError {
  providerCode?: string;
  text?: string;
  violations: { property: string; violation: string }[];
}

function readError(body: z.infer<ReturnType<typeof infobipErrorBodySchema>>): ReadError {
  if ('errorCode' in body) {
    return {
      providerCode: body.errorCode,
      ...(body.description === undefined ? {} : { text: body.description }),
      violations: (body.violations ?? []).map((item) => ({
        property: item.property ?? '',
        violation: item.violation ?? '',
      })),
    };
  }
  const exception = body.requestError.serviceException;
  return {
    ...(exception.messageId === undefined ? {} : { providerCode: exception.messageId }),
    ...(exception.text === undefined ? {} : { text: exception.text }),
    violations: Object.entries(exception.validationErrors ?? {}).flatMap(([property, list]) =>
      list.map((violation) => ({ property, violation })),
    ),
  };
}

/** A bad request about the destination is the recipient's fault, not ours. */
const destinationProperty = /(?:^|\.|\])(?:destinations|to)(?:\[|\.|$)/;

function lookup(providerCode: string, violations: ReadError['violations']): InfobipErrorRule | undefined {
  const found = infobipHttpErrorTable[legacyNames[providerCode] ?? providerCode];
  if (found?.code === 'rejected' && violations.some((item) => destinationProperty.test(item.property))) {
    return { ...found, code: 'invalid_recipient', meaning: 'the destination is not a valid number' };
  }
  return found;
}

/**
 * The error for a non-2xx answer: the body's code through the table (HTTP 408, 425, 429 and 5xx
 * decide over it, `classifyAnswer`), Infobip's description and violations as detail (redacted by
 * core), the HTTP status alone when the body is neither of Infobip's shapes.
 */
export function infobipHttpError(
  http: HttpClient,
  response: HttpResponse,
  sensitive: readonly (string | undefined)[],
): MfaSmsError {
  const body = http.tryParseJson(response, infobipErrorBodySchema());
  if (body === undefined) return http.errors.fromResponse(response, { sensitive });
  const read = readError(body);
  const classified = classifyAnswer(response.status, read.providerCode, (code) =>
    lookup(code, read.violations),
  );
  const violations = read.violations.map((item) => `${item.property}: ${item.violation}`).join(', ');
  const parts = [classified.meaning ?? read.text ?? 'Infobip refused the request'];
  if (read.text && read.text !== parts[0]) parts.push(`Infobip says: ${read.text}`);
  if (violations) parts.push(violations);
  return http.errors.fromResponse(response, {
    code: classified.code,
    ...(read.providerCode === undefined ? {} : { providerCode: read.providerCode }),
    detail: parts.join('; '),
    sensitive,
  });
}
