import type { SimulatedMessage, SimulatedProvider } from '../simulated-provider.js';
import { type SmsParts, smsParts } from '../sms-parts.js';

/** A message or call as the inbox shows it: the simulator's record and what a reader wants to know of it. */
export interface InboxMessage extends SimulatedMessage {
  /** The recipient with its middle digits hidden, as the page first shows it. */
  maskedTo: string;
  /** SMS only: segments, encoding and units, counted as carriers bill them. */
  segments?: SmsParts;
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

/**
 * The recipient with its middle hidden (`+44******456`), as the page first shows it, so that a
 * screen shared in a call does not show a tester's number. The simulator's own: what it shows is
 * not one of core's rules under test.
 */
function maskNumber(to: string): string {
  const plus = to.startsWith('+') ? '+' : '';
  const digits = to.slice(plus.length);
  if (digits.length < 8) return `${plus}${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
  return `${plus}${digits.slice(0, 2)}******${digits.slice(-3)}`;
}

// Records never change once made, so each is described once however often the inbox sends it.
const described = new WeakMap<SimulatedMessage, InboxMessage>();

export function toInboxMessage(
  message: SimulatedMessage,
  providers: readonly SimulatedProvider[],
): InboxMessage {
  const known = described.get(message);
  if (known) return known;
  const view: InboxMessage = { ...message, maskedTo: maskNumber(message.to) };
  if (message.channel === 'sms') view.segments = smsParts(message.text);
  else {
    const language = spokenLanguage(message, providers);
    if (language !== undefined) view.language = language;
  }
  described.set(message, view);
  return view;
}
