import { MfaSmsError, type MfaSmsErrorCode } from '../errors/errors.js';
import { maskPhoneNumbers, replaceSecrets, sensitiveValuesOf, summarizeBody } from '../errors/redact.js';
import { base64Runs, capText, redactBase64Runs, secretForms } from '../errors/secret-forms.js';
import { classifyAnswer } from './classify-answer.js';
import type { HttpResponse } from './http-types.js';

type Sensitive = readonly (string | undefined)[];

// What of an answer is read for an error message (the message shows 160 characters of it): an
// 8 MiB answer is not redacted and summarised whole.
const maxDetail = 16 * 1024;

/**
 * What a provider's error table says about a failed answer. HTTP 408, 425, 429 and 5xx decide
 * over `code`, a missing code falls back to the HTTP status, and retryability follows the code
 * (`classifyAnswer`).
 */
export interface ProviderErrorDetails {
  code?: MfaSmsErrorCode;
  providerCode?: string;
  /** The provider's own explanation; it is shortened and redacted like everything else. */
  detail?: string;
  /** Per-message values that must not appear in the error: the one-time code, the recipient. */
  sensitive?: Sensitive;
}

/** One error of a provider, before its provider and redaction are applied. */
export interface ProviderErrorInit {
  code: MfaSmsErrorCode;
  message: string;
  retryable?: boolean;
  status?: number;
  providerCode?: string;
  retryAfterMs?: number;
  cause?: unknown;
  sensitive?: Sensitive;
}

/** Builds one provider's errors: its name on each, its secrets and the message's values redacted. */
export interface ProviderErrors {
  readonly provider: string;
  readonly label: string;
  /** Any error of this provider; the message is redacted and `cause` sanitised. */
  create(init: ProviderErrorInit): MfaSmsError;
  /** The error for a non-success answer: the provider's details first, the HTTP status after. */
  fromResponse(response: HttpResponse, details?: ProviderErrorDetails): MfaSmsError;
  /** `bad_response` for an answer whose body is not what the provider documents. */
  unexpectedAnswer(response: HttpResponse, reason: string): MfaSmsError;
  /**
   * `rejected` for a message the provider would refuse, found before sending (`Acme: the text
   * has 1700 characters; Acme accepts at most 1600`): the message's recipient and code hidden.
   */
  rejected(message: { to: string; code?: string | undefined }, reason: string): MfaSmsError;
  /**
   * Redacts text as this provider's errors are: its secrets and `sensitive` in every form they
   * travel in, then phone numbers. Shorten text only after this, never before.
   */
  redact(text: string, sensitive?: Sensitive): string;
}

export interface ProviderErrorsOptions {
  /** Provider id, put on every error (`twilio`). */
  provider: string;
  /** Provider name for people, used in messages (`Twilio`). */
  label: string;
  /** Values that must never appear in an error: credentials. */
  secrets?: Sensitive;
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The `code` of an error or of one of its causes (`ECONNRESET`, `UND_ERR_SOCKET`). */
export function errorCodeOf(value: unknown): string | undefined {
  let current: unknown = value;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A transport error from undici can carry request details; the error we expose keeps only its
 * name, code and a redacted message, so that `cause` is as safe to log as the error itself.
 */
function sanitizedCause(value: unknown, redact: (text: string) => string): Error {
  const original = value instanceof Error ? value : new Error(String(value));
  const cause = new Error(redact(original.message));
  cause.name = original.name;
  const code = errorCodeOf(original);
  if (code !== undefined) (cause as Error & { code?: string }).code = code;
  cause.stack = `${cause.name}: ${cause.message}`;
  return cause;
}

/** One error's hidden values: the provider's secrets and the message's, in every form. */
interface Hider {
  /** Text forms, longest first (`capText` keeps them whole). */
  texts: readonly string[];
  redact(text: string): string;
}

/** Creates the error factory one provider uses, for HTTP answers and for its own checks alike. */
export function createProviderErrors(options: ProviderErrorsOptions): ProviderErrors {
  const { provider, label } = options;
  const secrets = options.secrets ?? [];
  // The secrets' forms are worked out once, at the first error, not at start: a send that
  // succeeds never needs them. The message's own forms are worked out once per error.
  let own: { texts: string[]; runs: string[] } | undefined;

  function formsOf(values: Sensitive): string[] {
    return values.flatMap((value) => (value === undefined || value.length < 4 ? [] : secretForms(value)));
  }

  function hiderFor(sensitive: Sensitive): Hider {
    own ??= {
      texts: formsOf(secrets).sort((a, b) => b.length - a.length),
      runs: secrets.flatMap((value) => (value === undefined ? [] : base64Runs(value))),
    };
    const { runs } = own;
    const texts =
      sensitive.length === 0
        ? own.texts
        : [...own.texts, ...formsOf(sensitive)].sort((a, b) => b.length - a.length);
    // Whole forms first: a base64 run replaced first could cut into a listed value (a Basic
    // token) so that it no longer matches, and leave its end readable. Numbers last: masking
    // digits could break a base64 run.
    return {
      texts,
      redact: (text) => maskPhoneNumbers(redactBase64Runs(replaceSecrets(text, texts), runs)),
    };
  }

  function redact(text: string, sensitive: Sensitive = []): string {
    return hiderFor(sensitive).redact(text);
  }

  function build(init: ProviderErrorInit, hider: Hider): MfaSmsError {
    return new MfaSmsError({
      code: init.code,
      message: hider.redact(init.message),
      provider,
      retryable: init.retryable,
      status: init.status,
      providerCode: init.providerCode,
      retryAfterMs: init.retryAfterMs,
      cause: init.cause === undefined ? undefined : sanitizedCause(init.cause, hider.redact),
    });
  }

  function create(init: ProviderErrorInit): MfaSmsError {
    return build(init, hiderFor(init.sensitive ?? []));
  }

  function fromResponse(response: HttpResponse, details: ProviderErrorDetails = {}): MfaSmsError {
    const { code, retryable } = classifyAnswer(response.status, details.code, (given) => ({ code: given }));
    const retryAfterMs =
      code === 'rate_limited' ? parseRetryAfter(response.headers['retry-after']) : undefined;
    // Redact before shortening: a number cut in half by the shortening would escape both the
    // exact-match redaction and the phone-number masking. A huge answer is capped first.
    const hider = hiderFor(details.sensitive ?? []);
    const detail = summarizeBody(
      hider.redact(capText(details.detail ?? response.body, maxDetail, hider.texts)),
      160,
    );
    const what = `${label} answered HTTP ${response.status}${details.providerCode ? ` (${details.providerCode})` : ''}`;
    return build(
      {
        code,
        message: detail ? `${what}: ${detail}` : what,
        status: response.status,
        retryable,
        providerCode: details.providerCode,
        retryAfterMs,
      },
      hider,
    );
  }

  function unexpectedAnswer(response: HttpResponse, reason: string): MfaSmsError {
    const contentType = response.headers['content-type'] ?? 'no content type';
    return create({
      code: 'bad_response',
      message: `${label} sent an unexpected answer (HTTP ${response.status}, ${contentType}): ${reason}`,
      status: response.status,
      retryable: response.status >= 500,
    });
  }

  function rejected(message: { to: string; code?: string | undefined }, reason: string): MfaSmsError {
    return create({
      code: 'rejected',
      message: `${label}: ${reason}`,
      sensitive: sensitiveValuesOf(message),
    });
  }

  return { provider, label, create, fromResponse, unexpectedAnswer, rejected, redact };
}
