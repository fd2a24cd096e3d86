import { MfaSmsError } from '@mfa-sms/core';

// http:// is for the Management API simulator on this machine; anywhere else the client secret
// and every Action secret would cross the network in clear.
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

function refuse(reason: string): MfaSmsError {
  // The value itself is never repeated: a mistaken AUTH0_DOMAIN may hold a password.
  return new MfaSmsError({
    code: 'invalid_config',
    message: `AUTH0_DOMAIN ${reason}: set it to your tenant's domain, e.g. example.eu.auth0.com`,
  });
}

/**
 * The Management API origin AUTH0_DOMAIN names: a domain (https:// is implied) or an origin.
 * Anything a URL would silently drop (a user name or password, a path, a query) is refused.
 */
export function auth0Origin(domain: string): string {
  const trimmed = domain.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') throw refuse('is not a domain or URL');
  let url: URL;
  try {
    url = new URL(scheme === undefined ? `https://${trimmed}` : trimmed);
  } catch {
    throw refuse('is not a domain or URL');
  }
  if (url.hostname === '') throw refuse('is not a domain or URL');
  if (url.username !== '' || url.password !== '' || /@/.test(trimmed))
    throw refuse('holds a user name or password (text before "@")');
  if (url.pathname !== '/') throw refuse('holds a path');
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(trimmed)) throw refuse('holds a query or fragment');
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname))
    throw refuse('uses http:// only for this machine (localhost, 127.0.0.1, [::1]); a tenant takes https://');
  return url.origin;
}
