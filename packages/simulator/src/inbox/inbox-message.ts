import { countSegments, maskPhoneNumber, type SegmentCount } from '@mfa-sms/core';
import type { SimulatedMessage, SimulatedProvider } from '../simulated-provider.js';

/** A message or call as the inbox shows it: the simulator's record and what a reader wants to know of it. */
export interface InboxMessage extends SimulatedMessage {
  /** The recipient with its middle digits hidden, as the page first shows it. */
  maskedTo: string;
  /** SMS only: segments, encoding and units, counted as carriers bill them. */
  segments?: SegmentCount;
  /** Voice only: the language the words are spoken in, when the request names one. */
  language?: string;
}

/** The language a call is spoken in, as the provider that recorded it reads its request. */
export function spokenLanguage(
  message: SimulatedMessage,
  providers: readonly SimulatedProvider[],
): string | undefined {
  for (const provider of providers) {
    if (provider.name === message.provider && provider.spokenLanguage)
      return provider.spokenLanguage(message.request);
  }
  return undefined;
}

// Records never change once made, so each is described once however often the inbox sends it.
const described = new WeakMap<SimulatedMessage, InboxMessage>();

export function toInboxMessage(
  message: SimulatedMessage,
  providers: readonly SimulatedProvider[],
): InboxMessage {
  const known = described.get(message);
  if (known) return known;
  const view: InboxMessage = { ...message, maskedTo: maskPhoneNumber(message.to) };
  if (message.channel === 'sms') view.segments = countSegments(message.text);
  else {
    const language = spokenLanguage(message, providers);
    if (language !== undefined) view.language = language;
  }
  described.set(message, view);
  return view;
}
