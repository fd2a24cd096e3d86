// Where each of our packages' entries lives in the sources, read from the workspace: every entry
// of a package's `exports` (`.` → src/index.ts, `./provider` → src/provider.ts or src/provider/index.ts) whose source file
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
      const base = join(root, folder, 'src', key === '.' ? 'index' : key.slice(2));
      // `./auth0` may be src/auth0.ts or a folder's src/auth0/index.ts.
      const file = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (file) entries.push({ specifier: key === '.' ? name : `${name}${key.slice(1)}`, file });
    }
  }
  // A longer specifier first, so that a prefix match never takes `@mfa-sms/core/provider` for core.
  return entries.sort((a, b) => b.specifier.length - a.specifier.length);
}
