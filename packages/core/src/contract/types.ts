import type { MfaSmsError } from '../errors/errors.js';
/** How a one-time code reaches the user. */
export type Channel = 'sms' | 'voice';

/**
 * Why the message is sent; decides the built-in wording. `other` is an Auth0 message type this
 * version does not know: its text is delivered as Auth0 rendered it.
 */
export type Purpose = 'enrollment' | 'authentication' | 'notification' | 'other';

/** A message ready for a provider: the recipient is already normalised to +E.164. */
export interface PhoneMessage {
  /** Recipient in E.164 with a leading `+`, e.g. `+447911123456`. */
  to: string;
  /** The text to send, or for voice the text to read aloud. */
  text: string;
  channel: Channel;
  /** The one-time code in `text`, so that voice providers can read it digit by digit and errors can redact it. */
  code?: string;
  /** BCP 47 language of `text` (`en`, `pt-BR`), used to pick a text-to-speech voice. */
  language?: string;
  /** Caller's correlation id, passed to the provider where it has a field for it. */
  reference?: string;
  /**
   * Sender for this message instead of the provider's configured `from` (Auth0's Phone Template
   * "From"): a number or an alphanumeric sender id, see `isSenderId`. A call needs a number: an
   * alphanumeric sender is ignored for voice and the provider's caller number is used.
   */
  from?: string;
}

/** What a provider answered for an accepted message. */
export interface SendResult {
  provider: string;
  channel: Channel;
  /** The provider's message or call id. */
  id: string;
  /** The recipient as sent, +E.164. */
  to: string;
  /** SMS segments billed, when known. */
  segments?: number;
}

export interface SendOptions {
  /** Aborts the send; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Shortens the provider's per-attempt timeout for this send; never lengthens it (a provider
   * takes the smaller of this and its own). A router takes it as a shorter deadline.
   */
  timeoutMs?: number;
}

/** A way to deliver a message: one provider, or a router composed of several. */
export interface Provider {
  readonly name: string;
  readonly channels: readonly Channel[];
  /**
   * Sends one message. A provider should stop at `options.signal` (rejecting with its reason) and
   * within `options.timeoutMs` or its own timeout, whichever is shorter; a router does not rely
   * on it, and stops waiting at the end of the attempt in any case.
   */
  send(message: PhoneMessage, options?: SendOptions): Promise<SendResult>;
  /**
   * Why this provider cannot send this message at all, found without a request (no sender its
   * configuration allows for the destination), or `undefined`. A router passes over such a
   * provider; `send` throws the same error.
   */
  cannotSend?(message: Pick<PhoneMessage, 'to' | 'channel' | 'from'>): MfaSmsError | undefined;
}

/** What an adapter makes of an Auth0 event, before the recipient is normalised. */
export interface DeliveryRequest {
  /** The recipient as Auth0 passed it; not guaranteed to be E.164. */
  recipient: string;
  /** The text Auth0 rendered for the channel. */
  text: string;
  channel: Channel;
  code?: string;
  purpose: Purpose;
  /** BCP 47 language (Auth0's `en_US` locale becomes `en-US`). */
  language?: string;
  /** Correlation id of the Auth0 transaction, when there is one. */
  reference?: string;
  /** Country of the request's IP address (ISO 3166 alpha-2), a hint for non-E.164 recipients. */
  requestCountry?: string;
  /** The sender Auth0 asks for (a Phone Template's "From"), when it gives one. */
  from?: string;
}
