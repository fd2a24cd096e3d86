import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInProviders } from '@mfa-sms/simulator';
import { expect, it } from 'vitest';

// Issue 26: the Action reaches every provider through its package's plugin, named by
// MFA_SMS_PROVIDERS. Only the playground's scenarios (and tests) may name one.
const source = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|cjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

it("names no provider in the Action's sources outside the playground's scenarios", () => {
  const names = [...new Set(builtInProviders.map(({ name }) => name))];
  expect(names.length).toBeGreaterThan(3);
  const files = sourceFiles(source).filter((file) => !/playground[^/]*\.ts$/.test(file));
  expect(files.length).toBeGreaterThan(10);
  const found = files.flatMap((file) =>
    names
      .filter((name) => new RegExp(name, 'i').test(readFileSync(file, 'utf8')))
      .map((name) => `${file.slice(source.length)}: ${name}`),
  );
  expect(found).toEqual([]);
});
