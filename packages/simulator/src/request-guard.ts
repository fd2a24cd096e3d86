import type { IncomingMessage } from 'node:http';
import { exposedHostWarning, isLoopbackHost } from './inbox/loopback.js';

/** The name in a Host header, without its port. */
function hostnameOf(header: string | undefined): string {
  if (header === undefined) return '';
  return header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : (header.split(':')[0] ?? '');
}

/**
 * The host to listen on: loopback unless `allowNonLoopback` says otherwise, with a warning then.
 * An empty host means the default, as an absent one does: Node would listen on every interface.
 */
export function listenHost(host: string | undefined, allowNonLoopback: boolean | undefined): string {
  const chosen = host || '127.0.0.1';
  if (isLoopbackHost(chosen)) return chosen;
  if (!allowNonLoopback)
    throw new Error(
      `The simulator listens on loopback only: host "${chosen}" would expose it to the network. Pass allowNonLoopback: true (--allow-non-loopback) to do it anyway.`,
    );
  process.emitWarning(exposedHostWarning(chosen), { code: 'MFA_SMS_SIMULATOR_EXPOSED' });
  return chosen;
}

/**
 * Why a request must not be answered, or `undefined`. A web page in the developer's browser can
 * post a form to the simulator (no preflight) or point its own name at 127.0.0.1 (DNS
 * rebinding): on loopback only loopback names are answered, and anything a browser marks as
 * coming from another origin is refused. Server-side clients send no Origin and pass.
 */
export function requestRefusal(request: IncomingMessage, onLoopback: boolean): string | undefined {
  const host = request.headers.host ?? '';
  if (onLoopback && !isLoopbackHost(hostnameOf(host)))
    return 'the simulator answers requests to localhost, 127.0.0.1 or [::1] only';
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return 'the simulator answers no request from another site';
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`)
    return 'the simulator answers no request from a web page of another origin';
  return undefined;
}
