// GSM 03.38: the basic set (one septet) and the extension table (two septets each).
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtension = new Set('\f^{}\\[~]|€');

/** Whether every character of a text is in GSM-7's basic set or its extension table. */
export function isGsm(text: string): boolean {
  for (const character of text) if (!gsmBasic.has(character) && !gsmExtension.has(character)) return false;
  return true;
}

/** How a text travels and what it costs: as carriers count it, for the inbox. */
export interface SmsParts {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

/**
 * How many parts a provider splits a text into (and bills): one up to 160 septets (70 UTF-16
 * units in UCS-2), else parts of 153 septets (67 units). Computed here rather than imported from
 * core, so that the simulator checks the packages' own counting independently.
 */
export function smsParts(text: string, unicode = false): SmsParts {
  let septets = 0;
  let gsm = !unicode;
  for (const character of gsm ? text : '') {
    if (gsmBasic.has(character)) septets += 1;
    else if (gsmExtension.has(character)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm)
    return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  return {
    encoding: 'UCS-2',
    units: text.length,
    segments: text.length <= 70 ? 1 : Math.ceil(text.length / 67),
  };
}

/** The parts alone: what a provider's answer reports. */
export function smsPartCount(text: string, unicode = false): number {
  return smsParts(text, unicode).segments;
}
