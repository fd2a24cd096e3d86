import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The simulator is the oracle the provider packages are checked against: a rule it borrowed from
// core would pass whatever core gets wrong. Only the test suites it exports for users (testProvider,
// testStore) drive core's router, limits and stores, and a test helper recognises core's error.
const allowed: Readonly<Record<string, readonly string[]>> = {
  'test-provider.ts': ['createRouter'],
  'test-store.ts': ['createActionHandlers', 'createStoreKeyer', 'createVelocityLimiter'],
  'test-helpers.ts': ['isMfaSmsError'],
};

const source = fileURLToPath(new URL('.', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.test(-helper)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The names a file imports as values (not `import type`, not `type X`) from one of our packages. */
function valueImports(text: string): { from: string; names: string[] }[] {
  const found: { from: string; names: string[] }[] = [];
  for (const match of text.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+'(@mfa-sms\/[^']+)'/g)) {
    if (match[1]) continue;
    const clause = match[2] ?? '';
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    const names = named
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && !name.startsWith('type '))
      .map((name) => name.split(/\s+as\s+/)[0] as string);
    // A default or namespace import takes everything.
    if (/^\s*(\*|[A-Za-z_$])/.test(clause.replace(/\{[^}]*\}/, '').replace(/,/g, ''))) names.push('*');
    if (names.length > 0) found.push({ from: match[3] as string, names });
  }
  return found;
}

describe('the simulator as an independent oracle', () => {
  it('reads value imports, and tells type-only ones apart', () => {
    expect(valueImports("import { isSenderId, type Provider } from '@mfa-sms/core';")).toEqual([
      { from: '@mfa-sms/core', names: ['isSenderId'] },
    ]);
    expect(valueImports("import type { Provider } from '@mfa-sms/core';")).toEqual([]);
    expect(valueImports("import * as core from '@mfa-sms/core/provider';")).toEqual([
      { from: '@mfa-sms/core/provider', names: ['*'] },
    ]);
  });

  it('imports no rule from core: only the exported test suites use core, and only what they drive', () => {
    const offending: string[] = [];
    for (const file of sources(source)) {
      const name = relative(source, file);
      for (const { from, names } of valueImports(readFileSync(file, 'utf8'))) {
        const permitted = from === '@mfa-sms/core' ? (allowed[name] ?? []) : [];
        for (const imported of names) {
          if (!permitted.includes(imported)) offending.push(`${name}: ${imported} from ${from}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
