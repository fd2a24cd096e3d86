// The published packages carry zod inside their dist/ (fewer files on an Auth0 cold
// start), which is only sound while no zod type is in their types and their manifests say so.
// Reads the built packages: `npm test` builds before it tests.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtInProviders, resolveCredentials } from '@mfa-sms/simulator';
import { describe, expect, it } from 'vitest';
import { packagesForTheAction, repositoryRoot, workspacePackages } from './versions.mjs';

// Core and every provider: what the Action depends on.
const bundlers = packagesForTheAction();
const workspace = workspacePackages();
const zodVersion = JSON.parse(
  readFileSync(join(repositoryRoot, 'node_modules/zod/package.json'), 'utf8'),
).version;

function distFiles(name: string, pattern: RegExp): { file: string; text: string }[] {
  const folder = join(repositoryRoot, workspace.get(name)?.folder ?? '', 'dist');
  if (!existsSync(folder)) throw new Error(`${name} is not built: run npm run build`);
  return readdirSync(folder)
    .filter((file) => pattern.test(file))
    .map((file) => ({ file, text: readFileSync(join(folder, file), 'utf8') }));
}

const zodImport = /(?:require\(\s*|from\s*|import\(\s*)["']zod(?:\/[^"']*)?["']/;

describe.each(bundlers)('%s carries its own zod', (name) => {
  it('loads no zod from node_modules', () => {
    const code = distFiles(name, /\.(?:c?js)$/);
    expect(code.length).toBeGreaterThan(0);
    for (const { file, text } of code) expect(zodImport.test(text), file).toBe(false);
  });

  it('has no zod type in its types', () => {
    const types = distFiles(name, /\.d\.c?ts$/);
    expect(types.length).toBeGreaterThan(0);
    for (const { file, text } of types) expect(zodImport.test(text), file).toBe(false);
  });

  it('does not declare zod, and ships its licence', () => {
    const manifest = JSON.parse(
      readFileSync(join(repositoryRoot, workspace.get(name)?.folder ?? '', 'package.json'), 'utf8'),
    );
    expect(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })).not.toContain('zod');
    const [notices] = distFiles(name, /^THIRD-PARTY-NOTICES\.md$/);
    expect(notices?.text).toContain(`## zod ${zodVersion}`);
    expect(notices?.text).toContain('Permission is hereby granted');
  });
});

// zod/mini installs no messages of its own: core's lazySchema installs English before the first
// schema is built. Only a fresh process shows it: in vitest, tests' classic zod has installed
// English already.
const timeoutMessage = 'option "timeoutMs" is invalid: Invalid input: expected number, received string';
const credentials = resolveCredentials();

/**
 * A provider's options with a bad `timeoutMs`: the rest read from the secrets its simulated
 * provider sets for the Action, through its built plugin, so every provider is checked unlisted.
 */
function providerCall(name: string): [string, string, object, string] {
  const short = name.slice('@mfa-sms/'.length);
  const simulated = builtInProviders.find((candidate) => candidate.name === short && candidate.actionSecrets);
  if (!simulated?.actionSecrets) throw new Error(`${name} has no simulated provider with actionSecrets`);
  const secrets = simulated.actionSecrets({
    url: 'http://127.0.0.1:1',
    credentials: credentials[short] ?? {},
  });
  const folder = join(repositoryRoot, workspace.get(name)?.folder ?? '', 'dist');
  const { plugin } = createRequire(import.meta.url)(join(folder, 'index.cjs')) as {
    plugin: { secrets: Record<string, readonly string[]> };
  };
  const options: Record<string, unknown> = { timeoutMs: 'soon' };
  for (const [option, names] of Object.entries(plugin.secrets)) {
    const value = names.map((secret) => secrets[secret]).find(Boolean);
    if (value) options[option] = value;
  }
  return [name, 'plugin.create', options, timeoutMessage];
}

const factories: [string, string, object, string][] = [
  [
    '@mfa-sms/core',
    'createGuard',
    { allowedCountries: 'GB' },
    'Invalid input: expected array, received string',
  ],
  ...bundlers.filter((name) => name !== '@mfa-sms/core').map(providerCall),
];

describe.each(factories)('%s', (name, factory, options, message) => {
  const folder = join(repositoryRoot, workspace.get(name)?.folder ?? '', 'dist');
  const call = `${factory}(${JSON.stringify(options)})`;

  it("reports zod's English messages from its own CommonJS bundle", () => {
    const script = `try { require(${JSON.stringify(join(folder, 'index.cjs'))}).${call}; } catch (error) { console.log(error.message); }`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toContain(message);
  });

  it('and from its ESM bundle', () => {
    const url = pathToFileURL(join(folder, 'index.js')).href;
    const script = `const m = await import(${JSON.stringify(url)}); try { m.${call}; } catch (error) { console.log(error.message); }`;
    expect(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    ).toContain(message);
  });
});
