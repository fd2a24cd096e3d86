import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import { customPhoneProviderEvent, type WhenFull } from '@mfa-sms/simulator/auth0';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorSecrets } from '../src/cli/simulator-secrets.js';
import { runNode } from './run-node.js';

// SMS pumping against the built Action counting in api.cache alone (no Redis), the default a
// tenant gets: Auth0's 20-entry cache, full of entries for other ranges, must not switch the
// per-recipient (5 an hour) and per-range (30 in 10 minutes) limits off, whether a full cache
// refuses new keys or evicts the oldest (Auth0 does not say which).
const runner = fileURLToPath(new URL('./run-action.cjs', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/action.cjs', import.meta.url));

interface Run {
  results: { resolved?: true; calls: { drop: string[]; retry: string[] }; logs: string[]; ms: number }[];
  cache: { refused: number; evicted: number; bytes: number; entries: number };
}

let simulator: Simulator;
beforeAll(async () => {
  if (!existsSync(bundle))
    throw new Error('apps/action/dist/action.cjs is missing: run `npm run build` first');
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator?.close();
});

// UK mobile numbers in 071xx–073xx (all mobile in libphonenumber's plan), a new range (the first
// five national digits) for each index below 3000.
function otherRange(index: number): string {
  return `+44${7100 + (index % 300)}${Math.floor(index / 300)}${String(10_000 + index).slice(-5)}`;
}

let sequence = 0;
function send(recipient: string, secrets: Record<string, string>) {
  sequence += 1;
  return {
    entry: 'custom-phone-provider' as const,
    event: customPhoneProviderEvent({ recipient, code: String(100_000 + sequence), secrets }),
  };
}

async function execute(executions: unknown[], whenFull: WhenFull): Promise<Run> {
  const { exitCode, stdout, stderr } = await runNode([runner], {
    input: JSON.stringify({ executions, whenFull }),
    killAfterMs: 180_000,
  });
  if (exitCode !== 0) throw new Error(`runner exited ${exitCode}: ${stderr}`);
  return JSON.parse(stdout);
}

describe.each<WhenFull>(['refuse', 'evict-oldest'])(
  'pumping through the built Action, api.cache that %s when full',
  (whenFull) => {
    it('blocks at the per-range and per-recipient limits after any number of sends to other ranges', async () => {
      simulator.reset();
      const secrets = simulatorSecrets(simulator, 'twilio');
      let filler = 0;
      const fillers = (count: number) =>
        Array.from({ length: count }, () => send(otherRange(filler++), secrets));
      // 7 sends to other ranges fill 20 entries at 3 a send; then, between pumping sends, 7 more each
      // time (enough to evict any entry written before them) while the limits are being reached.
      const range = (index: number) => `+4479110${String(100_000 + index).slice(-5)}`;
      const executions: { kind: 'filler' | 'range' | 'number'; execution: ReturnType<typeof send> }[] = [];
      const add = (kind: 'filler' | 'range' | 'number', list: ReturnType<typeof send>[]) => {
        for (const execution of list) executions.push({ kind, execution });
      };
      add('filler', fillers(7));
      for (let index = 0; index < 200; index += 1) {
        add('range', [send(range(index), secrets)]);
        if (index < 40) add('filler', fillers(7));
      }
      for (let index = 0; index < 50; index += 1) {
        add('number', [send('+447400123456', secrets)]);
        if (index < 10) add('filler', fillers(7));
      }
      const started = Date.now();
      const run = await execute(
        executions.map((item) => item.execution),
        whenFull,
      );
      const elapsed = Date.now() - started;
      const sent = { filler: 0, range: 0, number: 0 };
      const dropped = { filler: 0, range: 0, number: 0 };
      for (const [index, result] of run.results.entries()) {
        const kind = executions[index]?.kind as keyof typeof sent;
        if (result.calls.drop.length > 0) {
          dropped[kind] += 1;
          expect(result.calls.drop[0]).toMatch(/^blocked_destination: .*velocity limit reached/);
        } else if (result.resolved && result.calls.retry.length === 0) sent[kind] += 1;
      }
      // Measured figures for the report and the README: printed, not asserted.
      console.info(
        `pumping (${whenFull}): ${run.results.length} executions in ${elapsed} ms; sent`,
        sent,
        'dropped',
        dropped,
        'cache',
        run.cache,
      );
      expect(sent).toEqual({ filler: filler, range: 30, number: 5 });
      expect(dropped).toEqual({ filler: 0, range: 170, number: 45 });
      // One line, once, says api.cache is full and Redis is the answer.
      const full = run.results
        .flatMap((result) => result.logs)
        .filter((line) => /api\.cache is full/.test(line));
      expect(full).toHaveLength(1);
      expect(full[0]).toMatch(/MFA_SMS_REDIS_URL/);
    }, 180_000);
  },
);
