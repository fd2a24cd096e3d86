import type { Channel, PhoneMessage, Provider, SendOptions, SendResult } from '../contract/types.js';
import { assertSendable } from './assert-sendable.js';

/** What a provider answered for one accepted message; the rest of a `SendResult` is the message's. */
export interface Delivered {
  /** The provider's message or call id. */
  id: string;
  /** SMS segments billed, when known or counted. */
  segments?: number | undefined;
}

/** A provider's own part: who it is, what it offers, how it sends one checked message. */
export interface ProviderDefinition {
  name: string;
  /** Provider name for people, in the errors of `assertSendable`. */
  label: string;
  channels: readonly Channel[];
  /** `Provider.cannotSend`: why no request could carry this message (no sender for the destination). */
  cannotSend?: Provider['cannotSend'];
  /**
   * Sends a message `assertSendable` has passed (a +E.164 recipient, a channel of `channels`, a
   * text). Its own checks should throw before its first `await`, so that they too reject before
   * any request is made.
   */
  send(message: PhoneMessage, sendOptions: SendOptions | undefined): Promise<Delivered>;
}

/**
 * Makes the `Provider` a package's factory returns: `send` checks the message with
 * `assertSendable` and the definition's own synchronous checks before anything awaits (bad input
 * rejects and never reaches the network), then completes the provider's answer into a
 * `SendResult` (this provider, the message's channel and recipient).
 */
export function buildProvider(definition: ProviderDefinition): Provider {
  const { name, channels, cannotSend } = definition;
  function result(message: PhoneMessage, delivered: Delivered): SendResult {
    const sent: SendResult = { provider: name, channel: message.channel, id: delivered.id, to: message.to };
    if (delivered.segments !== undefined) sent.segments = delivered.segments;
    return sent;
  }
  const provider: Provider = {
    name,
    channels,
    send(message, sendOptions) {
      try {
        assertSendable(message, definition);
        return definition.send(message, sendOptions).then((delivered) => result(message, delivered));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  if (cannotSend !== undefined) provider.cannotSend = cannotSend;
  return provider;
}
