import { MfaSmsError } from '../errors/errors.js';

function isDigit(unit: number): boolean {
  return unit >= 48 && unit <= 57;
}

function isAlphanumeric(unit: number): boolean {
  return isDigit(unit) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
}

/** Folds a–z to A–Z, so that engines say the letter rather than the English article "a". */
function toUpper(unit: number): number {
  return unit >= 97 && unit <= 122 ? unit - 32 : unit;
}

/** `.` and `-` glue characters into one token; a space only separates words. */
function isJoiner(unit: number): boolean {
  return unit === 46 || unit === 45;
}

function isSpace(unit: number): boolean {
  return unit === 32 || unit === 9 || unit === 10 || unit === 13 || unit === 0xa0 || unit === 0x202f;
}

/** Punctuation that already makes a text-to-speech engine pause, in Latin and CJK scripts. */
const pausingPunctuation = new Set('.,;:!?…。、，；：！？');

/** The code's ASCII letters and digits, upper-cased: what a caller can mean to be read out. */
function speakableCharacters(code: string): number[] {
  const characters: number[] = [];
  for (let index = 0; index < code.length; index += 1) {
    const unit = code.charCodeAt(index);
    if (isAlphanumeric(unit)) characters.push(toUpper(unit));
  }
  return characters;
}

function spell(characters: readonly number[]): string {
  return characters.map((unit) => String.fromCharCode(unit)).join(', ');
}

/**
 * A one-time code as text-to-speech engines read it, one character at a time: `123456` (or
 * Auth0's voice form `1.2.3.4.5.6`, or `123-456`) becomes `1, 2, 3, 4, 5, 6`. The commas make
 * every engine pause between characters instead of reading "one hundred twenty-three thousand…".
 * Only ASCII letters and digits are kept; letters are upper-cased.
 *
 * A code with nothing to read (empty, only punctuation) is a `rejected` error: the message
 * cannot do its job, and no provider should be asked to call anyone with it.
 */
export function speakableCode(code: string): string {
  const characters = typeof code === 'string' ? speakableCharacters(code) : [];
  if (characters.length === 0) {
    throw new MfaSmsError({
      code: 'rejected',
      message: 'The one-time code is empty or has no speakable character (ASCII letter or digit)',
    });
  }
  return spell(characters);
}

/** Whether `text[index]` is `{{ pause }}` (any case, optional spaces); the index after it, or -1. */
function pauseEnd(text: string, index: number): number {
  let cursor = index + 2;
  while (cursor < text.length && text.charCodeAt(cursor) === 32) cursor += 1;
  for (let letter = 0; letter < 5; letter += 1, cursor += 1) {
    // `| 0x20` folds ASCII upper case to lower case; no other character lands on these letters.
    if ((text.charCodeAt(cursor) | 0x20) !== 'pause'.charCodeAt(letter)) return -1;
  }
  while (cursor < text.length && text.charCodeAt(cursor) === 32) cursor += 1;
  return text.startsWith('}}', cursor) ? cursor + 2 : -1;
}

/**
 * Auth0's `{{pause}}` becomes a full stop, the longest pause plain text can ask for (a colon
 * before a digit), unless punctuation already stands there; none at the start or the end.
 */
function replacePauses(text: string): string {
  const pieces: string[] = [];
  let from = 0;
  let open = text.indexOf('{{');
  while (open !== -1) {
    const end = pauseEnd(text, open);
    if (end === -1) {
      open = text.indexOf('{{', open + 1);
      continue;
    }
    pieces.push(text.slice(from, open));
    from = end;
    open = text.indexOf('{{', end);
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(from));
  let spoken = '';
  let lastCharacter = '';
  let pausePending = false;
  for (let index = 0; index < pieces.length; index += 1) {
    let piece = pieces[index] as string;
    if (index > 0) {
      piece = piece.trimStart();
      pausePending = true;
    }
    if (index < pieces.length - 1) piece = piece.trimEnd();
    if (piece === '') continue;
    if (pausePending && spoken !== '' && !pausingPunctuation.has(piece.charAt(0))) {
      // Before the code a colon: "is: 1, 2, 3" reads as one sentence, where "is. 1, 2, 3" stops
      // mid-sentence.
      spoken += pausingPunctuation.has(lastCharacter) ? ' ' : /^\d/.test(piece) ? ': ' : '. ';
    }
    pausePending = false;
    spoken += piece;
    lastCharacter = piece.charAt(piece.length - 1);
  }
  return spoken;
}

/**
 * Whether the gap between two alphanumeric characters (the text between them) may sit inside a
 * code: nothing, or one dot, dash or space (`1.2.3`, `123-456`, `123 456`).
 */
function isSeparatorGap(text: string, before: number, after: number): boolean {
  const length = after - before - 1;
  if (length === 0) return true;
  if (length > 1) return false;
  const unit = text.charCodeAt(before + 1);
  return isJoiner(unit) || isSpace(unit);
}

/**
 * Whether the gap between a code and its neighbour ends the code: at least one character, and not
 * a lone dot or dash that would make both one token (`12.123456` is not `123456`).
 */
function isBoundaryGap(text: string, before: number, after: number): boolean {
  const length = after - before - 1;
  if (length === 0) return false;
  return !(length === 1 && isJoiner(text.charCodeAt(before + 1)));
}

/**
 * Replaces each whole occurrence of the code. The text's letters and digits form a stream, the
 * code is searched in it with Knuth–Morris–Pratt (linear whatever the code and text), and a
 * match counts when its inner gaps are separators and its outer gaps are boundaries.
 */
function replaceCode(text: string, code: readonly number[]): string {
  const positionsBuffer = new Int32Array(text.length);
  const streamBuffer = new Uint16Array(text.length);
  let streamLength = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (isAlphanumeric(unit)) {
      positionsBuffer[streamLength] = index;
      streamBuffer[streamLength] = toUpper(unit);
      streamLength += 1;
    }
  }
  if (streamLength < code.length) return text;
  const positions = positionsBuffer.subarray(0, streamLength);
  const stream = streamBuffer.subarray(0, streamLength);
  // badGaps[i]: how many of the first i gaps (gap j lies between stream j and j + 1) are not separators.
  const badGaps = new Int32Array(streamLength);
  for (let index = 0; index + 1 < streamLength; index += 1) {
    const bad = isSeparatorGap(text, positions[index] as number, positions[index + 1] as number) ? 0 : 1;
    badGaps[index + 1] = (badGaps[index] as number) + bad;
  }
  const fallback = [0];
  for (let index = 1, length = 0; index < code.length; index += 1) {
    while (length > 0 && code[index] !== code[length]) length = fallback[length - 1] as number;
    if (code[index] === code[length]) length += 1;
    fallback.push(length);
  }
  const spoken = spell(code);
  let result = '';
  let copiedUpTo = 0;
  let lastEnd = -1;
  for (let index = 0, matched = 0; index < stream.length; index += 1) {
    while (matched > 0 && stream[index] !== code[matched]) matched = fallback[matched - 1] as number;
    if (stream[index] === code[matched]) matched += 1;
    if (matched < code.length) continue;
    matched = fallback[matched - 1] as number;
    const start = index - code.length + 1;
    const startAt = positions[start] as number;
    const endAt = positions[index] as number;
    const whole =
      start > lastEnd &&
      badGaps[index] === badGaps[start] &&
      (start === 0 || isBoundaryGap(text, positions[start - 1] as number, startAt)) &&
      (index === stream.length - 1 || isBoundaryGap(text, endAt, positions[index + 1] as number));
    if (!whole) continue;
    result += text.slice(copiedUpTo, startAt) + spoken;
    copiedUpTo = endAt + 1;
    lastEnd = index;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

/**
 * Auth0 writes a voice code as single digits joined by dots (`4.9.3.8.1.7`); engines would read
 * the dots aloud. Any such run of four or more digits, standing alone, is spelled instead.
 */
function replaceDottedDigits(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    const standsAlone =
      isDigit(text.charCodeAt(index)) &&
      (index === 0 ||
        (!isAlphanumeric(text.charCodeAt(index - 1)) &&
          !(
            isJoiner(text.charCodeAt(index - 1)) &&
            index >= 2 &&
            isAlphanumeric(text.charCodeAt(index - 2))
          )));
    if (!standsAlone) {
      index += 1;
      continue;
    }
    const digits = [text.charCodeAt(index)];
    let end = index + 1;
    while (end + 1 < text.length && text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) {
      const next = end + 2;
      if (next < text.length && isAlphanumeric(text.charCodeAt(next))) break;
      digits.push(text.charCodeAt(end + 1));
      end = next;
    }
    const endsAlone =
      end === text.length ||
      (!isAlphanumeric(text.charCodeAt(end)) &&
        !(
          isJoiner(text.charCodeAt(end)) &&
          end + 1 < text.length &&
          isAlphanumeric(text.charCodeAt(end + 1))
        ));
    if (digits.length >= 4 && endsAlone) {
      result += text.slice(copiedUpTo, index) + spell(digits);
      copiedUpTo = end;
    }
    index = Math.max(end, index + 1);
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

/**
 * Rewrites a text for a voice call (Auth0 renders one with `1.2.3.4.5.6` and `{{pause}}`):
 * - every whole occurrence of `code`, plain (`123456`), dotted (`1.2.3.4.5.6`), dashed or spaced,
 *   becomes its speakable form (`1, 2, 3, 4, 5, 6`); `123456` inside `91234567` is left alone;
 * - any other run of four or more dot-separated single digits is spelled the same way, so that
 *   Auth0's form is read well even when the code is not known;
 * - `{{pause}}` placeholders become a full stop (or nothing, next to punctuation or at an end).
 * The result is trimmed. Runs in linear time for any text and code.
 */
export function speakCodesInText(text: string, code?: string): string {
  if (typeof text !== 'string') {
    throw new MfaSmsError({ code: 'rejected', message: 'The voice text must be a string' });
  }
  let spoken = replacePauses(text);
  const characters = typeof code === 'string' ? speakableCharacters(code) : [];
  if (characters.length > 0) spoken = replaceCode(spoken, characters);
  return replaceDottedDigits(spoken).trim();
}
