import type { Channel, PhoneMessage } from '../contract/types.js';
import { MfaSmsError } from '../errors/errors.js';
import { maskPhoneNumber } from '../errors/redact.js';
import { isE164 } from '../phone/e164.js';
import { isSenderId, senderIdRule } from '../sender/sender-id.js';

/**
 * Checks what every provider needs of a message before it builds a request: a +E.164
 * recipient, a channel the provider offers, a text. Throws the typed error a person can act on.
 */
export function assertSendable(
  message: PhoneMessage,
  provider: { name: string; label: string; channels: readonly Channel[] },
): void {
  if (typeof message !== 'object' || message === null) {
    throw new MfaSmsError({
      code: 'rejected',
      provider: provider.name,
      message: `${provider.label}: the message must be an object`,
    });
  }
  if (message.channel !== 'sms' && message.channel !== 'voice') {
    throw new MfaSmsError({
      code: 'unsupported_channel',
      provider: provider.name,
      message: `${provider.label}: unknown channel; expected "sms" or "voice"`,
    });
  }
  if (!provider.channels.includes(message.channel)) {
    throw new MfaSmsError({
      code: 'unsupported_channel',
      provider: provider.name,
      message: `${provider.label} does not offer ${message.channel} (it offers ${provider.channels.join(', ')})`,
    });
  }
  if (!isE164(message.to)) {
    const shown = typeof message.to === 'string' ? maskPhoneNumber(message.to) : typeof message.to;
    throw new MfaSmsError({
      code: 'invalid_recipient',
      provider: provider.name,
      message: `${provider.label}: the recipient ${shown} is not in E.164 form (+ and 7 to 15 digits); normalise it with normalizePhoneNumber first`,
    });
  }
  if (typeof message.text !== 'string' || message.text.trim() === '') {
    throw new MfaSmsError({
      code: 'rejected',
      provider: provider.name,
      message: `${provider.label}: the message text is empty`,
    });
  }
  if (message.from !== undefined && !isSenderId(message.from)) {
    // The value is not shown: a sender is not secret, but a mistaken one may be a phone number.
    throw new MfaSmsError({
      code: 'rejected',
      provider: provider.name,
      message: `${provider.label}: the message's sender (from) ${senderIdRule}`,
    });
  }
}
