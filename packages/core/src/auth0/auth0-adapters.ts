import { hash } from 'node:crypto';
import type { Channel, DeliveryRequest, Purpose } from '../contract/types.js';
import { MfaSmsError } from '../errors/errors.js';
import { maskPhoneNumber } from '../errors/redact.js';
import { toBcp47 } from '../text/bcp47.js';
import type { CustomPhoneProviderEvent, HookContext, SendPhoneMessageEvent } from './auth0-types.js';

// The events come from Auth0 into plain JavaScript, so nothing below trusts their declared types:
// every field is read as `unknown` and checked. No zod here, this runs once per message on the hot path.

// Vonage's client-ref, the tightest reference field among our providers, takes 40 characters.
const referenceLimit = 40;
// A longer correlation id keeps this much of its start, so that it can still be found in Auth0's logs
// by prefix, and ends with a hash of the whole, so that two long ids with the same start stay apart.
const referencePrefixLength = 23;
const referenceHashLength = referenceLimit - referencePrefixLength - 1;

const messageTypeChannels = new Map<string, Channel>([
  ['sms', 'sms'],
  ['voice', 'voice'],
]);
const deliveryMethodChannels = new Map<string, Channel>([
  ['text', 'sms'],
  ['voice', 'voice'],
]);

/** The channel of a custom-phone-provider `delivery_method` (Auth0 says `text` for SMS). */
export function channelOfDeliveryMethod(method: unknown): Channel | undefined {
  return typeof method === 'string' ? deliveryMethodChannels.get(method) : undefined;
}
const actionPurposes = new Map<string, Purpose>([
  ['enrollment', 'enrollment'],
  ['second-factor-authentication', 'authentication'],
  // Seen in some Hook tenants for a sign-in.
  ['authentication', 'authentication'],
]);
const notificationPurposes = new Map<string, Purpose>([
  ['otp_enroll', 'enrollment'],
  ['otp_verify', 'authentication'],
  ['blocked_account', 'notification'],
  ['change_password', 'notification'],
  ['password_breach', 'notification'],
]);

function read(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

// Shows a rejected value only when it is a short word: never digits, so never a code or a number.
function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'missing';
  if (typeof value === 'string' && /^[A-Za-z_-]{1,32}$/.test(value)) return `"${value}"`;
  if (typeof value === 'string') return value.trim() === '' ? 'empty' : 'an unexpected string';
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`;
}

function forRecipient(recipient: string | undefined): string {
  return recipient === undefined ? '' : ` (recipient ${maskPhoneNumber(recipient)})`;
}

function malformed(field: string, problem: string, recipient?: string): MfaSmsError {
  return new MfaSmsError({
    code: 'rejected',
    message: `The Auth0 event is malformed: ${field} ${problem}${forRecipient(recipient)}`,
  });
}

function recipientOf(value: unknown, field: string): string {
  if (!isFilled(value)) {
    throw new MfaSmsError({
      code: 'invalid_recipient',
      message: `The Auth0 event has no recipient: ${field} is ${describeValue(value)}`,
    });
  }
  // Normalising to E.164 needs the tenant's default country and is done later, by normalizePhoneNumber.
  return value.trim();
}

function textOf(value: unknown, field: string, recipient: string): string {
  if (!isFilled(value)) throw malformed(field, `is ${describeValue(value)}`, recipient);
  return value;
}

function listOf(mapping: ReadonlyMap<string, unknown>): string {
  return [...mapping.keys()].join(', ');
}

function channelOf(
  value: unknown,
  field: string,
  mapping: ReadonlyMap<string, Channel>,
  recipient: string,
): Channel {
  const channel = typeof value === 'string' ? mapping.get(value) : undefined;
  if (channel === undefined) {
    throw new MfaSmsError({
      code: 'unsupported_channel',
      message: `The Auth0 event asks for a channel mfa-sms does not know: ${field} is ${describeValue(value)}, expected one of ${listOf(mapping)}${forRecipient(recipient)}`,
    });
  }
  return channel;
}

function purposeOf(
  value: unknown,
  field: string,
  mapping: ReadonlyMap<string, Purpose>,
  recipient: string,
): Purpose {
  const purpose = typeof value === 'string' ? mapping.get(value) : undefined;
  if (purpose === undefined) {
    throw malformed(field, `is ${describeValue(value)}, expected one of ${listOf(mapping)}`, recipient);
  }
  return purpose;
}

function codeOf(value: unknown): string | undefined {
  if (isFilled(value)) return value.trim();
  // JavaScript callers sometimes pass the code as a number; keeping it lets errors redact it.
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

function referenceOf(value: unknown): string | undefined {
  if (!isFilled(value)) return undefined;
  if (value.length <= referenceLimit) return value;
  const digest = hash('sha256', value, 'hex').slice(0, referenceHashLength);
  return `${value.slice(0, referencePrefixLength)}-${digest}`;
}

function countryOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : undefined;
}

function languageOf(value: unknown): string | undefined {
  return typeof value === 'string' ? toBcp47(value) : undefined;
}

/** Adds the optional fields that have a value: absent, not `undefined`, when they have none. */
function withOptional(
  request: DeliveryRequest,
  fields: {
    code: string | undefined;
    language: string | undefined;
    reference: string | undefined;
    requestCountry: string | undefined;
    from?: string | undefined;
  },
): DeliveryRequest {
  // Plain assignments rather than conditional spreads: this runs on every message.
  if (fields.code !== undefined) request.code = fields.code;
  if (fields.language !== undefined) request.language = fields.language;
  if (fields.reference !== undefined) request.reference = fields.reference;
  if (fields.requestCountry !== undefined) request.requestCountry = fields.requestCountry;
  if (fields.from !== undefined) request.from = fields.from;
  return request;
}

/**
 * The `send-phone-message` Action's event as a `DeliveryRequest`. Throws `MfaSmsError`:
 * `invalid_recipient` without a recipient, `unsupported_channel` for an unknown `message_type`,
 * `rejected` for a missing text or an unknown `action`.
 */
export function fromSendPhoneMessageEvent(event: SendPhoneMessageEvent): DeliveryRequest {
  const options: unknown = read(event, 'message_options');
  if (typeof options !== 'object' || options === null) {
    throw malformed('message_options', `is ${describeValue(options)}`);
  }
  const recipient = recipientOf(read(options, 'recipient'), 'message_options.recipient');
  return withOptional(
    {
      recipient,
      text: textOf(read(options, 'text'), 'message_options.text', recipient),
      channel: channelOf(
        read(options, 'message_type'),
        'message_options.message_type',
        messageTypeChannels,
        recipient,
      ),
      purpose: purposeOf(read(options, 'action'), 'message_options.action', actionPurposes, recipient),
    },
    {
      code: codeOf(read(options, 'code')),
      language: languageOf(read(event, 'request', 'language')),
      reference: referenceOf(read(event, 'transaction', 'correlation_id')),
      requestCountry: countryOf(read(event, 'request', 'geoip', 'countryCode')),
    },
  );
}

// Auth0 adds message types to this trigger over time; the text it rendered is still the message
// to deliver, so a type this version does not know is sent as it is, never dropped.
function notificationPurposeOf(value: unknown): Purpose {
  return (typeof value === 'string' ? notificationPurposes.get(value) : undefined) ?? 'other';
}

/**
 * The `custom-phone-provider` Action's event as a `DeliveryRequest`: `as_voice` for a call and
 * `as_text` for an SMS, each falling back to the other when Auth0 left it empty; a `message_type`
 * this version does not know is purpose `other`; `notification.from` (a Phone Template's "From")
 * becomes `from`. Throws `MfaSmsError`: `invalid_recipient` without a recipient,
 * `unsupported_channel` for an unknown `delivery_method`, `rejected` for no text at all.
 */
export function fromCustomPhoneProviderEvent(event: CustomPhoneProviderEvent): DeliveryRequest {
  const notification: unknown = read(event, 'notification');
  if (typeof notification !== 'object' || notification === null) {
    throw malformed('notification', `is ${describeValue(notification)}`);
  }
  const recipient = recipientOf(read(notification, 'recipient'), 'notification.recipient');
  const channel = channelOf(
    read(notification, 'delivery_method'),
    'notification.delivery_method',
    deliveryMethodChannels,
    recipient,
  );
  const [preferred, fallback] = channel === 'voice' ? ['as_voice', 'as_text'] : ['as_text', 'as_voice'];
  const preferredText = read(notification, preferred);
  const text = isFilled(preferredText) ? preferredText : read(notification, fallback);
  return withOptional(
    {
      recipient,
      text: textOf(text, `notification.${preferred} (and ${fallback})`, recipient),
      channel,
      purpose: notificationPurposeOf(read(notification, 'message_type')),
    },
    {
      code: codeOf(read(notification, 'code')),
      language: languageOf(read(notification, 'locale')) ?? languageOf(read(event, 'request', 'language')),
      reference: referenceOf(read(event, 'transaction', 'correlation_id')),
      requestCountry: countryOf(read(event, 'request', 'geoip', 'countryCode')),
      from: isFilled(read(notification, 'from')) ? (read(notification, 'from') as string).trim() : undefined,
    },
  );
}

/**
 * A legacy Hook's arguments as a `DeliveryRequest`. Older tenants leave out `message_type` and
 * `action`: that means an SMS (Hooks predate voice) for a sign-in. A Hook has no transaction id,
 * and the client id is deliberately not used instead: it names the application, not the message,
 * so every message of an application would share one "correlation id". Hooks also carry no
 * geolocation, so there is no `requestCountry`. Throws `MfaSmsError` like the Action adapters.
 */
export function fromHook(recipient: string, text: string, context: HookContext): DeliveryRequest {
  const trimmed = recipientOf(recipient, 'recipient');
  return withOptional(
    {
      recipient: trimmed,
      text: textOf(text, 'text', trimmed),
      channel: channelOf(
        read(context, 'message_type') ?? 'sms',
        'context.message_type',
        messageTypeChannels,
        trimmed,
      ),
      purpose: purposeOf(
        read(context, 'action') ?? 'authentication',
        'context.action',
        actionPurposes,
        trimmed,
      ),
    },
    {
      code: codeOf(read(context, 'code')),
      language: languageOf(read(context, 'language')),
      reference: undefined,
      requestCountry: undefined,
    },
  );
}
