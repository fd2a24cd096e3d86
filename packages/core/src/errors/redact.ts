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

// Eight or more digits grouped by single spaces, dots or dashes, or a North American "(415) 555-2671":
// long enough to be a phone number, and unlike our own "HTTP 400 (21614)".
const phoneLike = /\+?\d(?:[ .-]?\d){7,}|\(\d{3}\) ?\d{3}[ .-]?\d{4}/g;

/**
 * Replaces every occurrence of each secret in `text` by `[redacted]`, then masks anything that
 * looks like a phone number (a provider may echo the recipient in any format). Secrets shorter
 * than 4 characters are ignored: replacing them would mangle ordinary words and hide nothing.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    result = result.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join('[redacted]');
  }
  return result.replace(phoneLike, (match) => maskPhoneNumber(match));
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
