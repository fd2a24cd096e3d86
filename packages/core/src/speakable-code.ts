import { MfaSmsError } from './errors.js';

/**
 * A one-time code as text-to-speech engines read it digit by digit: `123456` (or Auth0's
 * voice form `1.2.3.4.5.6`) becomes `1, 2, 3, 4, 5, 6`. The commas make every engine pause
 * between characters instead of reading "one hundred twenty-three thousand…".
 */
export function speakableCode(code: string): string {
  const characters = typeof code === 'string' ? code.replace(/[^0-9A-Za-z]/g, '') : '';
  if (characters === '') {
    throw new MfaSmsError({
      code: 'rejected',
      message: 'The one-time code is empty or has no speakable character',
    });
  }
  return characters.split('').join(', ');
}

function escapeForPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites a text for a voice call: every occurrence of the code, plain (`123456`) or dotted
 * as Auth0 writes it for voice (`1.2.3.4.5.6`), becomes its speakable form, and Auth0's
 * `{{pause}}` placeholders become a spoken pause. Without a code only the pauses change.
 */
export function speakCodesInText(text: string, code?: string): string {
  let spoken = text.replace(/\s*\{\{\s*pause\s*\}\}\s*/g, '. ');
  const characters = code?.replace(/[^0-9A-Za-z]/g, '') ?? '';
  if (characters !== '') {
    const speakable = speakableCode(characters);
    const dotted = characters.split('').map(escapeForPattern).join('[.\\s]?');
    spoken = spoken.replace(new RegExp(`(?<![0-9A-Za-z])${dotted}(?![0-9A-Za-z])`, 'g'), speakable);
  }
  return spoken
    .replace(/^[.\s]+/, '')
    .replace(/\.\s*\.(\s|$)/g, '.$1')
    .trim();
}
