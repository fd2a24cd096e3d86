import { MfaSmsError } from '../errors/errors.js';

// GSM 03.38: the basic character set costs one septet, the extension table two (an escape and
// the character). Every one of them is in the Basic Multilingual Plane, so a lookup by UTF-16
// code unit is exact, and a surrogate (half of an emoji) is never found: it forces UCS-2.
const basicSet =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const extensionSet = '\f^{}\\[~]|€';

const septetsByCodeUnit = new Map<number, 1 | 2>();
for (let index = 0; index < basicSet.length; index += 1) septetsByCodeUnit.set(basicSet.charCodeAt(index), 1);
for (let index = 0; index < extensionSet.length; index += 1) {
  septetsByCodeUnit.set(extensionSet.charCodeAt(index), 2);
}

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2 (an emoji counts 2). */
  units: number;
  segments: number;
}

/** Units in a single-part message, and in each part of a concatenated one (the rest holds the header). */
const limits = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** True when every character of `text` is in the GSM 03.38 basic set or its extension table. */
export function isGsm7(text: string): boolean {
  if (typeof text !== 'string') return false;
  for (let index = 0; index < text.length; index += 1) {
    if (!septetsByCodeUnit.has(text.charCodeAt(index))) return false;
  }
  return true;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Counts the SMS segments a text takes, the way carriers bill it (and as Twilio's
 * message-segment-calculator does): parts of a concatenated message never split an escape
 * sequence (GSM-7) or a surrogate pair (UCS-2), so a part may carry one unit less than its
 * nominal 153 or 67, and the count comes from packing the parts, not from a division.
 *
 * An empty text counts as one segment of 0 units: were it sent, it would still be one message.
 */
export function countSegments(text: string): SegmentCount {
  if (typeof text !== 'string') {
    throw new MfaSmsError({ code: 'rejected', message: 'countSegments needs the message text as a string' });
  }
  let septets = 0;
  let gsm = true;
  for (let index = 0; index < text.length; index += 1) {
    const cost = septetsByCodeUnit.get(text.charCodeAt(index));
    if (cost === undefined) {
      gsm = false;
      break;
    }
    septets += cost;
  }
  if (gsm) {
    const { single, part } = limits['GSM-7'];
    if (septets <= single) return { encoding: 'GSM-7', units: septets, segments: 1 };
    let segments = 1;
    let used = 0;
    for (let index = 0; index < text.length; index += 1) {
      const cost = septetsByCodeUnit.get(text.charCodeAt(index)) ?? 1;
      if (used + cost > part) {
        segments += 1;
        used = 0;
      }
      used += cost;
    }
    return { encoding: 'GSM-7', units: septets, segments };
  }
  const { single, part } = limits['UCS-2'];
  if (text.length <= single) return { encoding: 'UCS-2', units: text.length, segments: 1 };
  let segments = 1;
  let used = 0;
  for (let index = 0; index < text.length; index += 1) {
    // A lone surrogate is sent as one unit; only a well-formed pair has to stay together.
    const pair =
      isHighSurrogate(text.charCodeAt(index)) &&
      index + 1 < text.length &&
      isLowSurrogate(text.charCodeAt(index + 1));
    const cost = pair ? 2 : 1;
    if (used + cost > part) {
      segments += 1;
      used = 0;
    }
    used += cost;
    if (pair) index += 1;
  }
  return { encoding: 'UCS-2', units: text.length, segments };
}
