/**
 * Masks a phone number for messages and logs: the first two digits and the last three stay, the
 * middle becomes a fixed `******` so that the length is not revealed either.
 * `+447911123456` → `+44******456`.
 */
export function maskPhoneNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 8) return '******';
  const plus = value.trimStart().startsWith('+') ? '+' : '';
  return `${plus}${digits.slice(0, 2)}******${digits.slice(-3)}`;
}

// A number as people and providers write it: digits grouped by spaces, or by a dot, dash, slash or
// underscore with spaces around it or not ("+44 - 7911 - 123456", "0170/1234567", "+44_7911_123456"),
// an area code in brackets first ("(0170) 1234567"), and after a + a group in brackets anywhere
// ("+44 (0) 7911 123456"); without the +, brackets after digits are a code ("HTTP 400 (21614)").
// Each separator is unambiguous (only `(` opens a group, spaces alone or around one mark), so a
// match is linear in the text.
const separator = String.raw`(?:\s{0,2}[./_-]\s{0,2}|\s{1,2})`;
const bracketed = String.raw`\(\s?\d{1,5}\s?\)\s{0,2}`;
const phoneForm = new RegExp(
  String.raw`\+\s?(?:${bracketed})?\d(?:(?:${separator}|\s{0,2}${bracketed})?\d)*|(?:${bracketed})?\d(?:${separator}?\d)*`,
  'g',
);

/**
 * Masks everything in `text` written like a phone number of eight digits or more (`phoneForm`):
 * a provider may echo the recipient in any format.
 */
export function maskPhoneNumbers(text: string): string {
  return text.replace(phoneForm, (match) =>
    match.replace(/\D/g, '').length < 8 ? match : maskPhoneNumber(match),
  );
}

/**
 * Replaces every occurrence of each secret in `text` by `[redacted]`, then masks anything that
 * looks like a phone number (a provider may echo the recipient in any format). Secrets shorter
 * than 4 characters are ignored: replacing them would mangle ordinary words and hide nothing.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return maskPhoneNumbers(replaceSecrets(text, secrets));
}

/** `redactSecrets` without the phone-number masking: each secret, as given and URL-encoded. */
export function replaceSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    result = result.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join('[redacted]');
  }
  return result;
}

/**
 * The values of a message that must never reach an error or a log: the recipient in the forms
 * providers echo it, and the one-time code in the forms Auth0 and voice texts write it.
 */
export function sensitiveValuesOf(message: { to: string; code?: string | undefined }): string[] {
  const to = message.to;
  const values = [to, to.startsWith('+') ? to.slice(1) : to];
  const given = message.code;
  // Every provider computes this on every send, so the usual code (digits only) skips the regex.
  const code = given === undefined || plainCode.test(given) ? given : given.replace(/[^0-9A-Za-z]/g, '');
  if (code) {
    let dotted = code[0] as string;
    let commas = dotted;
    let spaced = dotted;
    for (let index = 1; index < code.length; index += 1) {
      const character = code[index] as string;
      dotted += `.${character}`;
      commas += `, ${character}`;
      spaced += ` ${character}`;
    }
    values.push(code, dotted, commas, spaced);
  }
  return values;
}

const plainCode = /^[0-9A-Za-z]*$/;

/** Cleans a provider's free-text answer for an error message: one line, printable, at most `max` characters. */
export function summarizeBody(body: string, max = 200): string {
  const oneLine = body
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (oneLine.length <= max) return oneLine;
  // A detail is `;`-separated clauses: cut at the last whole one rather than mid-phrase
  // (a dangling "Twilio says: Authe…" says nothing).
  const kept = oneLine.slice(0, max - 1);
  const boundary = kept.lastIndexOf('; ');
  return boundary >= max / 3 ? `${kept.slice(0, boundary)} …` : `${kept}…`;
}
