import { isIP } from 'node:net';

// Loopback, private (RFC 1918, RFC 4193), link-local and CGNAT ranges: none is reachable from
// Auth0's servers, so a secret pointing there is a local test setting that leaked into a deploy.
const localV4 = [
  /^127\./,
  /^10\./,
  /^192\.168\./,
  /^172\.(?:1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./,
  /^0\./,
];

/** Whether a host name or address is one Auth0's servers cannot reach. */
export function isLocalHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare.endsWith('.local')) return true;
  if (isIP(bare) === 4) return localV4.some((range) => range.test(bare));
  if (isIP(bare) === 6)
    return bare === '::1' || /^f[cd]/.test(bare) || /^fe[89ab]/.test(bare) || bare.startsWith('::ffff:127.');
  return false;
}

/** The secrets (names only) whose value is a URL to a local or private address, with that host. */
export function localSecrets(secrets: Readonly<Record<string, string>>): { name: string; host: string }[] {
  const found: { name: string; host: string }[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) continue;
    try {
      const { hostname } = new URL(value.trim());
      if (isLocalHost(hostname)) found.push({ name, host: hostname });
    } catch {
      // Not a URL after all: the provider that reads it says what is wrong.
    }
  }
  return found;
}
