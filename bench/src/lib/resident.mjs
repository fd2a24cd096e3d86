import { readFileSync } from 'node:fs';

/** This process's peak resident set (VmHWM) in bytes; NaN where /proc is not there. */
export function peakResidentBytes() {
  const kilobytes = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kilobytes === undefined ? Number.NaN : Number(kilobytes) * 1024;
}
