import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ActionHandlers } from '@mfa-sms/core';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outageName, runOutage } from '../src/playground/playground-outage.js';

// The playground's scenario on the built Action, as `npm start` runs it.
const bundle = fileURLToPath(new URL('../dist/action.cjs', import.meta.url));

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator?.close());

async function events(): Promise<{ notes: { text: string }[] }> {
  const controller = new AbortController();
  const response = await fetch(`${simulator.url}/api/events`, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  return JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? '{}');
}

describe(`the playground's "${outageName}"`, () => {
  it('waits for Twilio twice, then goes straight to Vonage saying why, then back to Twilio, and the inbox shows the log lines', async () => {
    if (!existsSync(bundle))
      throw new Error('apps/action/dist/action.cjs is missing: run `npm run build` first');
    const action = createRequire(import.meta.url)(bundle) as Pick<
      ActionHandlers,
      'onExecuteSendPhoneMessage'
    >;
    const rows = await runOutage(simulator, action);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row.outcome).toBe('resolved');
    for (const row of rows.slice(0, 2)) {
      expect(row.received).toMatch(/^twilio: no-answer; vonage\/sms: /);
      expect(row.log).toContain('attempts=twilio:timeout,vonage:ok');
    }
    for (const row of rows.slice(2, 4)) {
      expect(row.received).toMatch(/^vonage\/sms: /);
      expect(row.log).toContain('attempts=twilio:resting(2 timeouts in 60 s),vonage:ok');
    }
    for (const row of rows.slice(4)) {
      expect(row.received).toMatch(/^twilio\/sms: /);
      expect(row.log).toContain('attempts=twilio:ok');
    }
    const { notes } = await events();
    expect(notes.some((note) => note.text.includes('twilio:resting(2 timeouts in 60 s)'))).toBe(true);
    expect(notes.at(-1)?.text).toMatch(/^playground: Twilio down for a minute/);
  }, 60_000);
});
