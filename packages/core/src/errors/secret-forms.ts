// Every form in which a secret travels in a request, and so may come back when a provider, a
// proxy or an error page echoes the request. The one list: createProviderErrors applies it to
// every provider's credentials and to each message's sensitive values.

const jwtShape = /^[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.([A-Za-z0-9_-]{16,})$/;
const base64Character = /[A-Za-z0-9+/]/;
// A base64 run this short could occur in ordinary text by chance.
const minBase64Run = 8;

function formEncoded(value: string): string {
  // application/x-www-form-urlencoded: spaces as "+", and !'()~ escaped, unlike encodeURIComponent.
  return new URLSearchParams([['', value]]).toString().slice(1);
}

function jsonEscaped(value: string): string[] {
  const escaped = JSON.stringify(value).slice(1, -1);
  const forms = [escaped, escaped.replaceAll('/', '\\/')];
  // Serialisers that write non-ASCII characters as \uXXXX.
  if (/[^\u0000-\u007f]/.test(escaped))
    forms.push(
      escaped.replace(/[^\u0000-\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
  return forms;
}

function xmlEscaped(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** The forms one line of text takes in a request: raw, URL-, form-, JSON- and XML-escaped. */
function encodedForms(value: string): string[] {
  return [value, encodeURIComponent(value), formEncoded(value), ...jsonEscaped(value), xmlEscaped(value)];
}

/**
 * The text forms of one secret, longest first, without duplicates: as given, URL-encoded,
 * form-encoded (`+` for spaces), JSON-escaped, XML-escaped; for a multi-line value (a PEM key)
 * the same with `\r` removed and each line with `\r` stripped; for a JWT (a bearer token) its
 * signature too. Base64 inside a `Basic` header is `base64Runs`'s part.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set(encodedForms(secret));
  if (/[\r\n]/.test(secret)) {
    for (const form of encodedForms(secret.replaceAll('\r', ''))) forms.add(form);
    for (const raw of secret.split('\n')) {
      const line = raw.replaceAll('\r', '').trim();
      // A PEM's -----BEGIN/END----- lines say what the key is, not what it holds.
      if (line.length >= 4 && !line.startsWith('-----'))
        for (const form of encodedForms(line)) forms.add(form);
    }
  }
  const signature = jwtShape.exec(secret)?.[1];
  if (signature) forms.add(signature);
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * The base64 a secret becomes inside a longer base64 text (`Basic base64(user:password)`), for
 * each of the three byte offsets it may start at: only the characters that depend on the secret
 * alone, so they are the same whatever the user name or the text around it.
 */
export function base64Runs(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const runs: string[] = [];
  for (let skip = 0; skip < 3; skip += 1) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole <= 0) continue;
    const run = bytes.subarray(skip, skip + whole).toString('base64');
    if (run.length >= minBase64Run) runs.push(run);
  }
  return runs;
}

/**
 * Replaces each base64 run and the up to three base64 characters on either side of it (they
 * carry bits of the secret mixed with its neighbours', and the padding): nothing of the secret
 * can be decoded from what is left. Linear: `indexOf`, no regular expression.
 */
export function redactBase64Runs(text: string, runs: readonly string[], replacement = '[redacted]'): string {
  let result = text;
  for (const run of runs) {
    if (!result.includes(run)) continue;
    const pieces: string[] = [];
    let kept = 0;
    for (let at = result.indexOf(run); at !== -1; at = result.indexOf(run, at + run.length)) {
      let start = at;
      while (start > Math.max(at - 3, kept) && base64Character.test(result[start - 1] as string)) start -= 1;
      let end = at + run.length;
      const limit = end + 3;
      while (end < limit && end < result.length && base64Character.test(result[end] as string)) end += 1;
      while (result[end] === '=') end += 1;
      pieces.push(result.slice(kept, start), replacement);
      kept = end;
    }
    pieces.push(result.slice(kept));
    result = pieces.join('');
  }
  return result;
}

/**
 * The first `max` characters of `text`, without what the cut may have split: the last word, a
 * trailing run of digits (part of a phone number), and any end that begins one of `forms` (a
 * secret with spaces in it). Redact the result as usual; nothing cut in half escapes it.
 */
export function capText(text: string, max: number, forms: readonly string[]): string {
  if (text.length <= max) return text;
  let head = text
    .slice(0, max)
    .replace(/\S*$/, '')
    .replace(/[\d\s().+-]*$/, '');
  for (const form of forms) {
    const start = form.slice(0, 4);
    for (
      let at = head.indexOf(start, head.length - form.length + 1);
      at !== -1;
      at = head.indexOf(start, at + 1)
    ) {
      if (form.startsWith(head.slice(at))) {
        head = head.slice(0, at);
        break;
      }
    }
  }
  return `${head}…`;
}
