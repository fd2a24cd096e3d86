import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A new user's first hour, as the Twilio README tells it: a project with only the packed
// @mfa-sms/core and @mfa-sms/twilio (what the registry would serve), the README's own Action
// (JavaScript, and TypeScript compiled with tsc --strict), run against the simulator with
// `mfa-sms run` (the built CLI, which `npx @mfa-sms/action` runs).
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const readme = readFileSync(join(root, 'packages/twilio/README.md'), 'utf8');

/** The README's code block whose first line is `// <file>…`. */
function readmeBlock(file: string): string {
  const block = [...readme.matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)]
    .map((match) => match[1] as string)
    .find((code) => code.startsWith(`// ${file}`));
  if (!block) throw new Error(`packages/twilio/README.md has no block starting "// ${file}"`);
  return block;
}

let project = '';

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'mfa-sms-readme-'));
  const tarballs = join(folder, 'tarballs');
  mkdirSync(tarballs);
  const { stdout } = await run(
    'npm',
    [
      'pack',
      '--json',
      '--pack-destination',
      tarballs,
      '--workspace',
      '@mfa-sms/core',
      '--workspace',
      '@mfa-sms/twilio',
    ],
    { cwd: root },
  );
  const packed = JSON.parse(stdout) as { name: string; filename: string }[];
  project = join(folder, 'my-action');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      private: true,
      type: 'commonjs',
      dependencies: Object.fromEntries(
        packed.map(({ name, filename }) => [name, `file:${join(tarballs, filename)}`]),
      ),
    }),
  );
  await run(
    'npm',
    ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'],
    {
      cwd: project,
    },
  );
}, 300_000);

afterAll(() => {
  if (project) rmSync(join(project, '..'), { recursive: true, force: true });
});

async function mfaSms(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: project });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the Twilio README's Action, in a project with only the packed packages", () => {
  it('runs in JavaScript against the simulator, through both triggers', async () => {
    writeFileSync(join(project, 'action.js'), readmeBlock('action.js'));
    const custom = await mfaSms(['run', '--code', 'action.js']);
    expect(custom.stderr).toBe('');
    expect(custom.code).toBe(0);
    expect(custom.stdout).toMatch(
      /provider received: twilio sms → \+44\*+456: "\d{6} is your verification code/,
    );
    const voice = await mfaSms(['run', '--code', 'action.js', '--trigger', 'send-phone-message', '--voice']);
    expect(voice.code).toBe(0);
    expect(voice.stdout).toMatch(/provider received: twilio voice → .*"Your verification code is: \d, \d/);
  }, 60_000);

  it('refuses a --trigger that is only an Object property name, as deploy does', async () => {
    for (const trigger of ['toString', 'constructor', '__proto__']) {
      const refused = await mfaSms(['run', '--code', 'action.js', '--trigger', trigger]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        `--trigger must be custom-phone-provider or send-phone-message, not "${trigger}"`,
      );
    }
  });

  it('runs an event file, and says what the event is missing', async () => {
    const sample = await mfaSms(['run', '--print-event', '--trigger', 'send-phone-message']);
    const event = JSON.parse(sample.stdout) as Record<string, unknown>;
    writeFileSync(join(project, 'event.json'), JSON.stringify(event));
    const json = await mfaSms(['run', '--code', 'action.js', '--event', 'event.json', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      trigger: 'send-phone-message',
      received: [{ provider: 'twilio', channel: 'sms' }],
    });
    writeFileSync(join(project, 'bad-event.json'), JSON.stringify({ user: {} }));
    const bad = await mfaSms(['run', '--code', 'action.js', '--event', 'bad-event.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'neither message_options (send-phone-message) nor notification (custom-phone-provider)',
    );
  }, 60_000);

  it('compiles with tsc --strict against the exported event and api types, and runs', async () => {
    mkdirSync(join(project, 'ts'), { recursive: true });
    writeFileSync(join(project, 'ts', 'action.ts'), readmeBlock('action.ts'));
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    // The user's own devDependencies would be typescript and @types/node: the workspace's stand in.
    await run(
      process.execPath,
      [
        tsc,
        '--strict',
        '--module',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        '--typeRoots',
        join(root, 'node_modules/@types'),
        'ts/action.ts',
      ],
      { cwd: project },
    );
    const result = await mfaSms(['run', '--code', 'ts/action.js']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('provider received: twilio sms');
  }, 120_000);
});
