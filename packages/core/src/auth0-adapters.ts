import { createHash } from 'node:crypto';
import type { CustomPhoneProviderEvent, HookContext, SendPhoneMessageEvent } from './auth0-types.js';
import { MfaSmsError } from './errors.js';
import type { Channel, DeliveryRequest, Purpose } from './types.js';

// Vonage's client-ref, the tightest reference field among our providers, takes 40 characters.
const referenceLimit = 40;

/** Auth0's `en_US` locale as a BCP 47 tag (`en-US`); `undefined` for anything unusable. */
export function toBcp47(locale: string | undefined): string | undefined {
  if (typeof locale !== 'string') return undefined;
  const tag = locale.trim().replace(/_/g, '-');
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : undefined;
}

function malformed(field: string, problem: string): MfaSmsError {
  return new MfaSmsError({ code: 'rejected', message: `The Auth0 event's ${field} ${problem}` });
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw malformed(field, 'is missing or empty');
  return value;
}

function recipientOf(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new MfaSmsError({
      code: 'invalid_recipient',
      message: `The Auth0 event's ${field} is missing or empty`,
    });
  }
  return value.trim();
}

function channelOf(value: unknown, field: string, mapping: Readonly<Record<string, Channel>>): Channel {
  const channel = typeof value === 'string' ? mapping[value] : undefined;
  if (!channel) {
    throw new MfaSmsError({
      code: 'unsupported_channel',
      message: `The Auth0 event's ${field} is not one of ${Object.keys(mapping).join(', ')}`,
    });
  }
  return channel;
}

function purposeOf(value: unknown, field: string, mapping: Readonly<Record<string, Purpose>>): Purpose {
  const purpose = typeof value === 'string' ? mapping[value] : undefined;
  if (!purpose) throw malformed(field, `is not one of ${Object.keys(mapping).join(', ')}`);
  return purpose;
}

function referenceOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value.length <= referenceLimit) return value;
  // A longer id keeps a stable, recognisable prefix and a hash of the whole, within the limit.
  return `${value.slice(0, 23)}-${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;
}

function codeOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function countryOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : undefined;
}

function withOptional(request: DeliveryRequest, optional: Partial<DeliveryRequest>): DeliveryRequest {
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (request as unknown as Record<string, unknown>)[key] = value;
  }
  return request;
}

const messageTypes = { sms: 'sms', voice: 'voice' } as const;
const actions = {
  enrollment: 'enrollment',
  'second-factor-authentication': 'authentication',
  authentication: 'authentication',
} as const;

/** The `send-phone-message` Action's event as a `DeliveryRequest`. */
export function fromSendPhoneMessageEvent(event: SendPhoneMessageEvent): DeliveryRequest {
  const options = event?.message_options;
  if (typeof options !== 'object' || options === null) throw malformed('message_options', 'is missing');
  return withOptional(
    {
      recipient: recipientOf(options.recipient, 'message_options.recipient'),
      text: requireText(options.text, 'message_options.text'),
      channel: channelOf(options.message_type, 'message_options.message_type', messageTypes),
      purpose: purposeOf(options.action, 'message_options.action', actions),
    },
    {
      code: codeOf(options.code),
      language: toBcp47(event.request?.language),
      reference: referenceOf(event.transaction?.correlation_id),
      requestCountry: countryOf(event.request?.geoip?.countryCode),
    },
  );
}

const deliveryMethods = { text: 'sms', voice: 'voice' } as const;
const notificationTypes = {
  otp_enroll: 'enrollment',
  otp_verify: 'authentication',
  blocked_account: 'notification',
  change_password: 'notification',
  password_breach: 'notification',
} as const;

/** The `custom-phone-provider` Action's event as a `DeliveryRequest`. */
export function fromCustomPhoneProviderEvent(event: CustomPhoneProviderEvent): DeliveryRequest {
  const notification = event?.notification;
  if (typeof notification !== 'object' || notification === null)
    throw malformed('notification', 'is missing');
  const channel = channelOf(notification.delivery_method, 'notification.delivery_method', deliveryMethods);
  const [preferred, fallback] =
    channel === 'voice'
      ? [notification.as_voice, notification.as_text]
      : [notification.as_text, notification.as_voice];
  const text = typeof preferred === 'string' && preferred.trim() !== '' ? preferred : fallback;
  return withOptional(
    {
      recipient: recipientOf(notification.recipient, 'notification.recipient'),
      text: requireText(text, channel === 'voice' ? 'notification.as_voice' : 'notification.as_text'),
      channel,
      purpose: purposeOf(notification.message_type, 'notification.message_type', notificationTypes),
    },
    {
      code: codeOf(notification.code),
      language: toBcp47(notification.locale) ?? toBcp47(event.request?.language),
      reference: referenceOf(event.transaction?.correlation_id),
      requestCountry: countryOf(event.request?.geoip?.countryCode),
    },
  );
}

/**
 * A legacy Hook's arguments as a `DeliveryRequest`. Hooks have no transaction id, so no
 * reference travels; older tenants omit `message_type`, which then means SMS, as it did in Auth0.
 */
export function fromHook(recipient: string, text: string, context: HookContext): DeliveryRequest {
  const channel = channelOf(context?.message_type ?? 'sms', 'context.message_type', messageTypes);
  return withOptional(
    {
      recipient: recipientOf(recipient, 'recipient'),
      text: requireText(text, 'text'),
      channel,
      purpose: purposeOf(context?.action ?? 'authentication', 'context.action', actions),
    },
    { code: codeOf(context?.code), language: toBcp47(context?.language) },
  );
}
