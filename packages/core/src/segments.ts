// GSM 03.38: the basic character set costs one septet, the extension table two (an escape and
// the character). Anything else forces the whole message into UCS-2.
const basic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const extension = new Set('\f^{}\\[~]|€');

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

const limits = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** True when every character of `text` is in the GSM 03.38 basic set or its extension table. */
export function isGsm7(text: string): boolean {
  for (const character of text) {
    if (!basic.has(character) && !extension.has(character)) return false;
  }
  return true;
}

/**
 * Counts the SMS segments a text takes. Concatenated parts never split an escape sequence
 * (GSM-7) or a surrogate pair (UCS-2), as handsets and carriers require, so a part may carry
 * one unit less than its nominal 153 or 67. An empty text is one (empty) segment, as billed.
 */
export function countSegments(text: string): SegmentCount {
  const gsm = isGsm7(text);
  const encoding = gsm ? 'GSM-7' : 'UCS-2';
  // Each character's cost in units, in order: 1 or 2 septets, or 1 or 2 UTF-16 code units.
  const costs: number[] = [];
  for (const character of text) {
    costs.push(gsm ? (extension.has(character) ? 2 : 1) : character.length);
  }
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const limit = limits[encoding];
  if (units <= limit.single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limit.part) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}
