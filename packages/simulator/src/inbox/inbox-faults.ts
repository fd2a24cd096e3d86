import { z } from 'zod';
import { type Fault, type FaultName, toFault } from '../faults.js';

/**
 * The faults the inbox's panel offers, in the order it lists them, with the words it shows. (A
 * list, not an object: an object would put the numeric names first, in numeric order.)
 */
export const panelFaults = [
  {
    name: '503',
    label: '503 Service Unavailable',
    fault: { type: 'error', kind: 'unavailable', status: 503 },
  },
  { name: '429', label: '429 Too Many Requests', fault: { type: 'error', kind: 'rate-limit', status: 429 } },
  { name: 'hang', label: 'Hang (never answer)', fault: { type: 'no-answer' } },
  { name: 'reset', label: 'Reset the connection', fault: { type: 'reset' } },
  {
    name: 'invalid-number',
    label: 'Its invalid-number error',
    fault: { type: 'error', kind: 'invalid-number' },
  },
] as const satisfies readonly { name: string; label: string; fault: Fault }[];

export type PanelFaultName = (typeof panelFaults)[number]['name'];

/** A fault named by the panel, or any of the simulator's shorthand names. */
export function faultFromName(name: string): Fault {
  return panelFaults.find((entry) => entry.name === name)?.fault ?? toFault(name as FaultName);
}

/** The body of `POST /api/faults`. */
export function faultRequestSchema(providers: readonly [string, ...string[]]) {
  return z.strictObject({
    provider: z.enum(providers),
    fault: z.string().min(1).max(40),
    times: z.number().int().min(1).max(10_000).default(1),
    channel: z.enum(['sms', 'voice']).optional(),
  });
}

/** A short account of a fault, for the panel's list of failed requests and pending faults. */
export function describeFault(fault: Fault): string {
  switch (fault.type) {
    case 'error':
      return fault.status === undefined ? fault.kind : `${fault.kind} (HTTP ${fault.status})`;
    case 'code':
      return `code ${fault.code}${fault.status === undefined ? '' : ` (HTTP ${fault.status})`}`;
    case 'status':
      return `HTTP ${fault.status}`;
    case 'delay':
      return `delay ${fault.ms} ms`;
    case 'no-answer':
      return 'no answer (hang)';
    case 'reset':
      return 'connection reset';
    case 'malformed':
      return `malformed body (${fault.body})`;
  }
}
