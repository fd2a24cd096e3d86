const canonicalTags = new Map<string, string | undefined>();
const canonicalTagLimit = 256;
const canonicalTagKeyLimit = 128;

/**
 * Auth0's locale (`en_US`) or a browser language (`pt-br`, even `en-US,en;q=0.9`) as a canonical
 * BCP 47 tag (`en-US`, `pt-BR`); `undefined` for anything that is not a valid tag.
 */
export function toBcp47(locale?: string): string | undefined {
  if (typeof locale !== 'string') return undefined;
  // Intl.getCanonicalLocales was the costliest step of adapting an event; a tenant's users
  // send a handful of distinct language headers, so answers are kept (a bounded few).
  if (canonicalTags.has(locale)) return canonicalTags.get(locale);
  const tag = canonicalTag(locale);
  if (locale.length <= canonicalTagKeyLimit) {
    if (canonicalTags.size >= canonicalTagLimit) canonicalTags.clear();
    canonicalTags.set(locale, tag);
  }
  return tag;
}

function canonicalTag(locale: string): string | undefined {
  const first = locale.split(/[,;]/, 1)[0]?.trim().replace(/_/g, '-') ?? '';
  if (first === '' || first.length > 64) return undefined;
  try {
    const tag = Intl.getCanonicalLocales(first)[0];
    // `und` is BCP 47 for "undetermined": no language to act on.
    return tag === 'und' ? undefined : tag;
  } catch {
    return undefined;
  }
}
