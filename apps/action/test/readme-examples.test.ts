import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizePhoneNumber } from '@mfa-sms/core';
import { describe, expect, it } from 'vitest';

// What a reader copies from a README must work: every example number passes the project's own
// normaliser (the Action refuses +44 7700 900123, Ofcom's drama range), and every snippet that
// builds one of our providers from secrets also reads its *_BASE_URL secret, so that it can be
// pointed at the simulator (`mfa-sms run`).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const action = fileURLToPath(new URL('../', import.meta.url));

function readmes(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.git', '.turbo'].includes(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...readmes(path));
    else if (entry.name === 'README.md') found.push(path);
  }
  return found;
}

const files = readmes(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('README examples', () => {
  it('reads every README of the repository', () => {
    expect(files.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['README.md', 'packages/twilio/README.md', 'apps/action/README.md']),
    );
  });

  it('writes only numbers the normaliser accepts', () => {
    const refused: string[] = [];
    for (const { path, text } of files)
      for (const [number] of text.matchAll(/(?<![\w+])\+\d[\d ()-]{6,17}\d(?!\d)/g)) {
        try {
          normalizePhoneNumber(number);
        } catch (error) {
          refused.push(`${path}: ${number} (${(error as Error).message})`);
        }
      }
    expect(refused).toEqual([]);
  });

  it("reads the provider's *_BASE_URL secret in every snippet that builds a provider from secrets", () => {
    const dependencies = JSON.parse(readFileSync(join(action, 'dist/dependencies.json'), 'utf8')) as object;
    const load = createRequire(join(action, 'package.json'));
    const plugins = Object.keys(dependencies)
      .filter((name) => name.startsWith('@mfa-sms/') && name !== '@mfa-sms/core')
      .map(
        (name) =>
          (load(name) as { plugin: { name: string; secrets: Record<string, string[] | undefined> } }).plugin,
      );
    const missing: string[] = [];
    let checked = 0;
    for (const { path, text } of files)
      for (const [, code] of text.matchAll(/```(?:js|ts|javascript|typescript)\n([\s\S]*?)```/g))
        for (const plugin of plugins) {
          const baseUrl = plugin.secrets.baseUrl?.[0];
          const names = Object.values(plugin.secrets).flat();
          const reads = (name: string | undefined) =>
            name !== undefined && (code?.includes(`secrets.${name}`) || code?.includes(`'${name}'`));
          // A classic hook quoted for migration is not ours to change: only snippets using our packages.
          if (!code?.includes('@mfa-sms/') || !names.some(reads)) continue;
          checked += 1;
          if (!reads(baseUrl)) missing.push(`${path}: a ${plugin.name} snippet without ${baseUrl}`);
        }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});
