// Where each of our packages' entries lives in the sources, read from the workspace: every entry
// of a package's `exports` (`.` → src/index.ts, `./provider` → src/provider.ts) whose source file
// exists. vitest.config.ts and the Action's build (its CLI and playground) resolve our packages
// through it, so a new package needs no line in either.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot, workspacePackages } from './versions.mjs';

/** `[{ specifier: '@mfa-sms/core/provider', file: '/abs/packages/core/src/provider.ts' }, …]`, subpaths first. */
export function sourceEntries(root = repositoryRoot) {
  const entries = [];
  for (const [name, { folder }] of workspacePackages(root)) {
    if (!folder.startsWith('packages/')) continue;
    const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
    for (const key of Object.keys(manifest.exports ?? { '.': null })) {
      if (key.endsWith('.json')) continue;
      const file = join(root, folder, 'src', `${key === '.' ? 'index' : key.slice(2)}.ts`);
      if (existsSync(file)) entries.push({ specifier: key === '.' ? name : `${name}${key.slice(1)}`, file });
    }
  }
  // A longer specifier first, so that a prefix match never takes `@mfa-sms/core/provider` for core.
  return entries.sort((a, b) => b.specifier.length - a.specifier.length);
}
