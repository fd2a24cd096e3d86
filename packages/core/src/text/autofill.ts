import * as z from 'zod/mini';
import { lazySchema, parseOptions } from '../contract/options.js';

/**
 * Lines that let a phone fill the code in by itself:
 * - the origin-bound line `@login.example.com #123456` (WICG "origin-bound one-time codes",
 *   read by Safari's Security Code AutoFill and Chrome's WebOTP), which must be the message's
 *   last line and binds the code to that domain, so that a phishing site is not offered it;
 * - the 11-character app hash that Android's SMS Retriever API looks for in the message.
 */
export interface AutofillOptions {
  /** The domain where the user types the code (a host name, not a URL), e.g. `login.example.com`. */
  origin?: string | undefined;
  /** An Android app's 11-character SMS Retriever hash (from its package name and signing key). */
  androidAppHash?: string | undefined;
}

// A host name as browsers compare it: dot-separated labels of letters, digits and hyphens
// (internationalised names in their punycode form), no scheme, port, path or trailing dot.
const hostNamePattern =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
// The hash is the first 11 characters of a base64 SHA-256 digest, without padding.
const appHashPattern = /^[A-Za-z0-9+/]{11}$/;
// Browsers read a code of 4 to 10 characters on the line; a longer or shorter code would make
// the line noise, so none is added for it.
const boundCodePattern = /^[A-Za-z0-9]{4,10}$/;
// A last line that is already origin-bound (Auth0's text, or a template that has one).
const originBoundLastLine = /(?:^|\n)@[^\s#]+ #[^\s]+(?: @[^\s]+)?[ \t]*$/;

function buildShape() {
  return {
    origin: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.regex(hostNamePattern, 'must be a domain such as login.example.com (no scheme, port or path)'),
        ),
    ),
    androidAppHash: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.regex(appHashPattern, 'must be the 11-character SMS Retriever hash (letters, digits, + and /)'),
        ),
    ),
  };
}

let shape: ReturnType<typeof buildShape> | undefined;

/**
 * The zod schemas of the two options, for core's own schemas that accept them (built on first
 * use). Not exported from the package: zod types stay out of its public types.
 */
export function autofillOptionShape(): ReturnType<typeof buildShape> {
  shape ??= buildShape();
  return shape;
}

const optionsSchema = lazySchema(() => z.strictObject(autofillOptionShape()));

/**
 * Validates autofill options (trimmed on the way), throwing `invalid_config` with `.option` naming
 * the bad one and a message that never holds its value.
 */
export function parseAutofillOptions(input: unknown): AutofillOptions {
  return parseOptions(optionsSchema, input, { label: 'Autofill' });
}

/** True when the text already ends with an origin-bound line. */
export function hasOriginBoundLine(text: string): boolean {
  return originBoundLastLine.test(text);
}

/**
 * The text with the autofill lines appended: the app hash on a line of its own, then the
 * origin-bound line last (WebOTP and Safari read only the last line; the SMS Retriever finds
 * the hash anywhere). A text that already ends with an origin-bound line gets no second one,
 * and nothing is added without options. Invalid options are `invalid_config`.
 */
export function appendAutofillLines(text: string, code: string, options: AutofillOptions): string {
  if (!options.origin && !options.androidAppHash) return text;
  const valid = parseAutofillOptions({ origin: options.origin, androidAppHash: options.androidAppHash });
  return appendValidatedLines(text, code, valid);
}

/** `appendAutofillLines` for options validated already (the Action's policy, the catalog). */
export function appendValidatedLines(text: string, code: string, options: AutofillOptions): string {
  const trimmedCode = code.trim();
  const lines: string[] = [];
  const alreadyBound = hasOriginBoundLine(text);
  if (options.androidAppHash && !text.includes(options.androidAppHash)) lines.push(options.androidAppHash);
  if (options.origin && !alreadyBound && boundCodePattern.test(trimmedCode)) {
    lines.push(`@${options.origin.toLowerCase()} #${trimmedCode}`);
  }
  if (lines.length === 0) return text;
  if (alreadyBound) {
    // The hash goes before the existing origin-bound line, which has to stay last.
    const cut = text.lastIndexOf('\n');
    return cut === -1
      ? `${lines.join('\n')}\n${text}`
      : `${text.slice(0, cut)}\n${lines.join('\n')}${text.slice(cut)}`;
  }
  return `${text.trimEnd()}\n${lines.join('\n')}`;
}
