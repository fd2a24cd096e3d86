// Keeps every `name@x.y.z` that a README shows for one of our packages, or for one of the
// Action's third-party dependencies, equal to the version package.json gives (scripts/versions.mjs).
// `npm run version-packages` runs it right after `changeset version`, so the version pull request
// carries READMEs that name the versions it publishes. With --check it changes nothing, lists the
// stale mentions and fails (the tests run that check).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedVersions, repositoryRoot, workspacePackages } from './versions.mjs';

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Rewrites `name@version` for every name in `versions` (a Map of name → version). A mention is
 * the whole name: `foo-zod@1.0.0` or `@scope/zod@1.0.0` is not a mention of zod.
 */
export function rewriteVersions(text, versions) {
  const names = [...versions.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (names.length === 0) return { text, changes: [] };
  const mention = new RegExp(
    `(?<![\\w@/.-])(${names.join('|')})@(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)(?![\\w.-]*\\d)`,
    'g',
  );
  const changes = [];
  const rewritten = text.replace(mention, (match, name, version, offset) => {
    const wanted = versions.get(name);
    if (version === wanted) return match;
    changes.push({ line: text.slice(0, offset).split('\n').length, name, from: version, to: wanted });
    return `${name}@${wanted}`;
  });
  return { text: rewritten, changes };
}

/** The READMEs users read: the repository's and each workspace package's (npm publishes them). */
export function readmeFiles(root = repositoryRoot) {
  return [
    'README.md',
    ...[...workspacePackages(root).values()].map(({ folder }) => join(folder, 'README.md')),
  ].filter((file) => existsSync(join(root, file)));
}

/** Rewrites (or, with write false, only reports) every stale mention; returns what changed. */
export function syncReadmeVersions(root = repositoryRoot, { write = true } = {}) {
  const versions = publishedVersions(root);
  const stale = [];
  for (const file of readmeFiles(root)) {
    const path = join(root, file);
    const { text, changes } = rewriteVersions(readFileSync(path, 'utf8'), versions);
    for (const change of changes) stale.push({ file, ...change });
    if (write && changes.length > 0) writeFileSync(path, text);
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale = syncReadmeVersions(repositoryRoot, { write: !check });
  for (const { file, line, name, from, to } of stale)
    console.log(`${relative(process.cwd(), join(repositoryRoot, file))}:${line}: ${name}@${from} → ${to}`);
  if (check && stale.length > 0) {
    console.error('READMEs name versions package.json does not have: run node scripts/readme-versions.mjs');
    process.exit(1);
  }
  if (!check)
    console.log(`README versions: ${stale.length === 0 ? 'up to date' : `${stale.length} updated`}`);
}
