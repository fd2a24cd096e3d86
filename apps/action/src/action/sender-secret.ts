import type { SenderOption } from '@mfa-sms/core';

/**
 * Reads a provider's sender secret: one sender (`Acme`), or senders per country separated by `;`,
 * each `COUNTRY,COUNTRY=sender`, an entry without `=` being the default for the other countries:
 * `Acme;US,CA=+14155550100`. The same syntax for every provider's `*_FROM` secret. `;` and `=`
 * never occur in a sender id; a `,` may, and is read as a country separator only left of `=`.
 * What it returns is checked by the provider's own options (sender rule, country codes).
 */
export function parseSenderSecret(value: string | undefined): SenderOption | undefined {
  if (value === undefined || value === '') return undefined;
  if (!value.includes(';') && !value.includes('=')) return value.trim();
  const senders: Record<string, string> = {};
  for (const entry of value.split(';')) {
    if (entry.trim() === '') continue;
    const equals = entry.indexOf('=');
    if (equals === -1) {
      senders['*'] = entry.trim();
      continue;
    }
    const sender = entry.slice(equals + 1).trim();
    for (const country of entry.slice(0, equals).split(',')) {
      // An empty or malformed key is left for the provider's schema to name.
      senders[country.trim().toUpperCase() || '(empty)'] = sender;
    }
  }
  return senders;
}
