import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import {
  type Auth0EventInput,
  customPhoneProviderEvent,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { installPackedAction, type PackedAction } from './packed-action.js';
import { runNode } from './run-node.js';

// The built Action as a tenant deploys it: dist/action.cjs beside the packed packages, required in
// a child process (one warm Auth0 container running its executions one after another) against a
// simulator. One setup for every test file that drives it.
const runner = fileURLToPath(new URL('./run-action.cjs', import.meta.url));
/** The built Action: dist/action.cjs. */
export const actionBundle = fileURLToPath(new URL('../dist/action.cjs', import.meta.url));

/** What the runner reports of one execution. */
export interface ActionResult {
  resolved?: true;
  paused?: number;
  threw?: { code?: string; message: string; name?: string; stack?: string; inspected?: string };
  logs: string[];
  calls: { retry: string[]; drop: string[] };
  ms: number;
}

/** What the runner reports of one container. */
export interface ActionRun {
  results: ActionResult[];
  /** Our packages as the child process loaded them. */
  ours: string[];
}

export type ActionEntry = 'send-phone-message' | 'custom-phone-provider';

/** The Auth0 event of a trigger, built by the shared fake runtime. */
export function eventFor(entry: ActionEntry, input: Auth0EventInput): unknown {
  return entry === 'custom-phone-provider' ? customPhoneProviderEvent(input) : sendPhoneMessageEvent(input);
}

export interface BuiltAction {
  readonly simulator: Simulator;
  readonly installed: PackedAction;
  /** Runs executions in one container; `whileRunning` runs beside them (to change a fault mid-run). */
  run(
    executions: readonly unknown[],
    options?: { killAfterMs?: number; whileRunning?: () => Promise<void> },
  ): Promise<ActionRun>;
  /** One execution of `entry`, in a container of its own. */
  once(entry: ActionEntry, input: Auth0EventInput): Promise<ActionResult>;
}

/**
 * Installs the packed Action and starts a simulator for the file's tests (reset before each),
 * and removes both afterwards. Call it at the top level of a test file.
 */
export function useBuiltAction(): BuiltAction {
  let installed: PackedAction | undefined;
  let simulator: Simulator | undefined;
  beforeAll(async () => {
    if (!existsSync(actionBundle))
      throw new Error('apps/action/dist/action.cjs is missing: run `npm run build` first');
    installed = await installPackedAction();
    simulator = await startSimulator();
  }, 180_000);
  afterAll(async () => {
    await simulator?.close();
    installed?.remove();
  });
  beforeEach(() => simulator?.reset());

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the built Action is used before its beforeAll ran');
    return value;
  };
  const action: BuiltAction = {
    get simulator() {
      return ready(simulator);
    },
    get installed() {
      return ready(installed);
    },
    async run(executions, options = {}) {
      const child = runNode([runner, ready(installed).folder], {
        input: JSON.stringify({ executions }),
        ...(options.killAfterMs === undefined ? {} : { killAfterMs: options.killAfterMs }),
      });
      await options.whileRunning?.();
      const { exitCode, stdout, stderr } = await child;
      if (exitCode !== 0) throw new Error(`runner exited ${exitCode}: ${stderr}`);
      return JSON.parse(stdout) as ActionRun;
    },
    async once(entry, input) {
      const { results } = await action.run([{ entry, event: eventFor(entry, input) }]);
      const [result] = results;
      if (!result) throw new Error('no result');
      return result;
    },
  };
  return action;
}
