import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

// The built command, as `npx mfa-sms-simulator` and `npm run inbox` run it.
const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill();
  child = undefined;
});

it('prints the inbox URL, serves the page there and gives no warning on loopback', async () => {
  child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const inbox = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no inbox URL printed: ${stdout}${stderr}`)), 10_000);
    child?.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const found = /^Inbox \(every message and call, live\): (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
  });
  const page = await fetch(inbox, { signal: AbortSignal.timeout(5000) });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>mfa-sms simulator inbox</title>');
  expect(stderr).toBe('');
});

it('prints the credentials it accepts as .env lines to paste, a PEM on one quoted line', async () => {
  child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no .env lines printed: ${stdout}`)), 10_000);
    child?.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (/^MITTO_BASE_URL=.*$/m.test(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  expect(stdout).toMatch(/^TWILIO_ACCOUNT_SID=AC[0-9a-f]{32}$/m);
  expect(stdout).toMatch(/^TWILIO_BASE_URL=http:\/\/127\.0\.0\.1:\d+$/m);
  expect(stdout).toMatch(
    /^VONAGE_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n[^\n]+\\n-----END PRIVATE KEY-----\\n"$/m,
  );
  expect(stdout).not.toContain('{');
});

it('refuses a host beyond loopback unless --allow-non-loopback is given', async () => {
  const refused = spawn(process.execPath, [cli, '--host', '0.0.0.0', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = refused;
  let stderr = '';
  refused.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => refused.on('exit', resolve));
  expect(code).toBe(2);
  expect(stderr).toContain('--host 0.0.0.0 is not a loopback address; add --allow-non-loopback');
});
