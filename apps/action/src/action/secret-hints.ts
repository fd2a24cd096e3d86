/**
 * Hints for a secret a provider did not find or refused: the secret set under a near-miss name
 * ("ACME_SID is set: did you mean ACME_ACCOUNT_SID?"), and a provider's message put in the
 * words of the secrets (`authToken` → `ACME_AUTH_TOKEN`), since secrets are what the reader edits.
 * The candidates are always the plugin's own secret names.
 */

function words(name: string): string[] {
  return name.split('_').filter(Boolean);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
}

/** Whether `given` is plausibly a misspelling or shortening of `wanted`. */
function isNearMiss(given: string, wanted: string): boolean {
  const [prefix, ...rest] = words(given);
  const wantedWords = words(wanted);
  if (prefix !== wantedWords[0] || rest.length === 0) return false;
  // ACME_SID for ACME_ACCOUNT_SID, ACME_TOKEN for ACME_AUTH_TOKEN.
  if (rest.every((word) => wantedWords.slice(1).includes(word))) return true;
  return editDistance(given, wanted) <= 2;
}

/**
 * "NAME is set: did you mean WANTED?" for each set secret that is not in `known` (the names the
 * caller counts as read: the Action passes the failing plugin's own) and that nearly matches one
 * of `wanted` (the missing or refused ones), the closest first.
 */
export function nearMissHints(
  present: Readonly<Record<string, unknown>>,
  wanted: readonly string[],
  known: ReadonlySet<string>,
): string[] {
  const hints: string[] = [];
  for (const [name, value] of Object.entries(present)) {
    if (known.has(name) || value === undefined || value === '') continue;
    const match = wanted
      .filter((candidate) => isNearMiss(name, candidate))
      .sort((a, b) => editDistance(name, a) - editDistance(name, b))[0];
    if (match) hints.push(`${name} is set: did you mean ${match}?`);
  }
  return hints;
}

/**
 * A provider's option error in terms of secrets: "Acme option 'authToken' is invalid: is required
 * unless apiKeySid and apiKeySecret are given" → "is required unless ACME_API_KEY_SID and
 * ACME_API_KEY_SECRET are given". Returns what completes "Secret NAME ".
 */
export function inSecretTerms(
  message: string,
  secrets: Readonly<Record<string, readonly string[] | undefined>>,
): string {
  let reason = message.replace(/^.*?\boption ['"][\w.]+['"] (?:is invalid: )?/, '');
  for (const [option, names] of Object.entries(secrets)) {
    if (!names?.[0]) continue;
    reason = reason.replace(new RegExp(`(['"]?)\\b${option}\\b\\1`, 'g'), names[0]);
  }
  if (reason.startsWith('is required')) return `is missing: it ${reason}`;
  // "give ACME_FROM, ACME_SERVICE_ID or both": none of them is set.
  return reason.startsWith('give ') ? `is missing: ${reason}` : `is invalid: ${reason}`;
}

/**
 * The set names that nearly match one of `known` without being one: kept beside the Action's
 * secrets by `mfa-sms send`, so that the Action's error can say "did you mean".
 */
export function nearMissNames(
  present: Readonly<Record<string, string | undefined>>,
  known: ReadonlySet<string>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(present))
    if (value && !known.has(name) && [...known].some((candidate) => isNearMiss(name, candidate)))
      kept[name] = value;
  return kept;
}
