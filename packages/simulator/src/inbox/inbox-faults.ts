import { z } from 'zod';
import { type Fault, type FaultName, toFault } from '../faults.js';

/** The faults the inbox's panel offers, with the words it shows for each. */
export const panelFaults = {
  '503': { label: '503 Service Unavailable', fault: { type: 'error', kind: 'unavailable', status: 503 } },
  '429': { label: '429 Too Many Requests', fault: { type: 'error', kind: 'rate-limit', status: 429 } },
  hang: { label: 'Hang (never answer)', fault: { type: 'no-answer' } },
  reset: { label: 'Reset the connection', fault: { type: 'reset' } },
  'invalid-number': { label: 'Its invalid-number error', fault: { type: 'error', kind: 'invalid-number' } },
} as const satisfies Record<string, { label: string; fault: Fault }>;

export type PanelFaultName = keyof typeof panelFaults;

/** A fault named by the panel, or any of the simulator's shorthand names. */
export function faultFromName(name: string): Fault {
  if (Object.hasOwn(panelFaults, name)) return panelFaults[name as PanelFaultName].fault;
  return toFault(name as FaultName);
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
