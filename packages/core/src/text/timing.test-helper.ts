import { expect } from 'vitest';

/**
 * For fuzz tests: fails when the slowest of many runs took long enough to mean super-linear work
 * (a backtracking pattern takes seconds), not when a machine is slow. The margin covers a garbage
 * collection on a loaded 2-core machine; speed is the bench's business.
 */
export function expectNoSuperLinearWork(slowestMs: number): void {
  expect(slowestMs).toBeLessThan(500);
}
