import { countSegments, maskPhoneNumber, type SegmentCount } from '@mfa-sms/core';
import type { SimulatedMessage } from '../simulated-provider.js';
import { readTwiml } from '../twilio-twiml.js';

/** A message or call as the inbox shows it: the simulator's record and what a reader wants to know of it. */
export interface InboxMessage extends SimulatedMessage {
  /** The recipient with its middle digits hidden, as the page first shows it. */
  maskedTo: string;
  /** SMS only: segments, encoding and units, counted as carriers bill them. */
  segments?: SegmentCount;
  /** Voice only: the language the words are spoken in, when the request names one. */
  language?: string;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The `<Say language>` of a TwiML document, the `talk` action's language of an NCCO, Esendex's and ClickSend's `lang`. */
export function spokenLanguage(message: SimulatedMessage): string | undefined {
  const request = message.request;
  switch (message.provider) {
    case 'twilio': {
      const twiml = stringField(request.Twiml);
      if (twiml === undefined) return undefined;
      const document = readTwiml(twiml);
      if (typeof document === 'string') return undefined;
      const say = document.children.find((child) => child.name === 'Say');
      return stringField(say?.attributes.language);
    }
    case 'vonage': {
      const ncco = Array.isArray(request.ncco) ? (request.ncco as unknown[]) : [];
      for (const action of ncco) {
        const language = stringField((action as { language?: unknown } | null)?.language);
        if (language !== undefined) return language;
      }
      return undefined;
    }
    case 'esendex': {
      const own = (request.message as { lang?: unknown } | undefined)?.lang;
      return stringField(own) ?? stringField(request.lang);
    }
    case 'clicksend':
      return stringField(request.lang);
    default:
      return undefined;
  }
}

// Records never change once made, so each is described once however often the inbox sends it.
const described = new WeakMap<SimulatedMessage, InboxMessage>();

export function toInboxMessage(message: SimulatedMessage): InboxMessage {
  const known = described.get(message);
  if (known) return known;
  const view: InboxMessage = { ...message, maskedTo: maskPhoneNumber(message.to) };
  if (message.channel === 'sms') view.segments = countSegments(message.text);
  else {
    const language = spokenLanguage(message);
    if (language !== undefined) view.language = language;
  }
  described.set(message, view);
  return view;
}
