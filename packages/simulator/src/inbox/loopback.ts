import { isIP } from 'node:net';

/** True when `host` only accepts connections from this machine: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1' || bare.startsWith('::ffff:127.');
  return false;
}

/** What the CLI prints when told to listen beyond loopback. */
export function exposedHostWarning(host: string): string {
  return `Warning: --host ${host} is not a loopback address. Anyone who can reach it sees the inbox (every message, one-time codes and full phone numbers), can arm faults and can send with the credentials the simulator prints. Use it only on a network you trust.`;
}
