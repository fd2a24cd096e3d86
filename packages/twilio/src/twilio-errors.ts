import { type MfaSmsError, type MfaSmsErrorCode, maskPhoneNumber } from '@mfa-sms/core';
import {
  type AnswerClassification,
  classifyAnswer,
  type HttpClient,
  type HttpResponse,
  lazySchema,
} from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

/** What one Twilio error code means for a sender of one-time codes. */
export interface TwilioErrorRule {
  /** Twilio's error codes (https://www.twilio.com/docs/api/errors/CODE). */
  twilioCodes: readonly number[];
  code: MfaSmsErrorCode;
  /** A short explanation for people, put in the error message. */
  meaning: string;
}

/**
 * Twilio error code → mfa-sms error, applied by core's `classifyAnswer`: HTTP 408, 425, 429 and
 * 5xx win over any code in the body (whatever the code says, such an answer means "not
 * processed, try again"); codes not listed fall back to the HTTP status (`codeForStatus`);
 * whether to fail over follows the code (`isRetryableCode`).
 */
export const twilioErrorTable: readonly TwilioErrorRule[] = [
  {
    twilioCodes: [20003],
    code: 'auth_failed',
    meaning: 'authentication failed: check the account SID and the auth token or API key',
  },
  {
    twilioCodes: [20005, 10001],
    code: 'insufficient_funds',
    meaning: 'the Twilio account is not active (out of funds or suspended)',
  },
  {
    twilioCodes: [20429],
    code: 'rate_limited',
    meaning: 'too many requests; the message was not processed',
  },
  {
    twilioCodes: [20404],
    code: 'rejected',
    meaning: 'the account or endpoint was not found: check the account SID and the base URL',
  },
  {
    twilioCodes: [21211, 21614, 21635, 13224],
    code: 'invalid_recipient',
    meaning: 'the recipient is not a valid number for this channel',
  },
  {
    twilioCodes: [21408, 21612, 21215, 13227],
    code: 'blocked_destination',
    meaning: 'the destination is blocked (geographic permissions or routing)',
  },
  {
    twilioCodes: [21606, 21659, 21660, 21210, 21212],
    code: 'invalid_config',
    meaning: 'the configured "from" cannot send this message from this account',
  },
  {
    twilioCodes: [21610],
    code: 'rejected',
    meaning: 'the recipient has unsubscribed (replied STOP)',
  },
  {
    twilioCodes: [21608],
    code: 'rejected',
    meaning: 'a trial account can only send to verified numbers',
  },
];

const ruleByCode = new Map<number, TwilioErrorRule>(
  twilioErrorTable.flatMap((rule) => rule.twilioCodes.map((code) => [code, rule] as const)),
);

/**
 * Twilio's error body: `{code, message, more_info, status}`; only what we read, extras accepted.
 * Built on first use.
 */
export const twilioErrorBodySchema = lazySchema(() =>
  z.object({
    code: z.coerce.number().check(z.int(), z.positive()),
    message: z.optional(z.string()),
    more_info: z.optional(z.string()),
  }),
);

export type TwilioErrorBody = z.infer<ReturnType<typeof twilioErrorBodySchema>>;

// Only Twilio's own documentation links are repeated: a body is not trusted to put a URL in our logs.
function documentationLink(body: TwilioErrorBody): string {
  const given = body.more_info;
  if (given !== undefined && /^https:\/\/www\.twilio\.com\/docs\/[\w/.-]{1,80}$/.test(given)) return given;
  return `https://www.twilio.com/docs/errors/${body.code}`;
}

/** The mfa-sms code and retryability for a Twilio error code on an HTTP status. */
export function classifyTwilioError(status: number, twilioCode: number | undefined): AnswerClassification {
  return classifyAnswer(status, twilioCode, (code) => ruleByCode.get(code));
}

/**
 * Builds the error for a failed Twilio answer: the table decides the code, `providerCode` carries
 * Twilio's code, and the message names Twilio's documentation page for it. An empty or
 * unexpected body falls back to the HTTP status. Verify passes its own classification and name.
 */
export function twilioError(
  http: HttpClient,
  response: HttpResponse,
  message: { to: string; sensitive: readonly (string | undefined)[] },
  api: {
    classify(status: number, twilioCode: number | undefined, text?: string): AnswerClassification;
    prefix?: string;
  } = { classify: classifyTwilioError },
): MfaSmsError {
  const body = http.tryParseJson(response, twilioErrorBodySchema());
  const classified = api.classify(response.status, body?.code, body?.message);
  if (body === undefined) {
    return http.errors.fromResponse(response, { code: classified.code, sensitive: message.sensitive });
  }
  const parts = [
    `${api.prefix ?? ''}${classified.meaning ?? 'Twilio refused the request'}`,
    `recipient ${maskPhoneNumber(message.to)}`,
    `see ${documentationLink(body)}`,
  ];
  // The recipient masked rather than hidden, as in the line above; core's fromResponse redacts
  // the rest (secrets, the code) before it shortens the detail.
  if (body.message) {
    parts.push(`Twilio says: ${body.message.split(message.to).join(maskPhoneNumber(message.to))}`);
  }
  return http.errors.fromResponse(response, {
    code: classified.code,
    providerCode: String(body.code),
    detail: parts.join('; '),
    sensitive: message.sensitive,
  });
}
