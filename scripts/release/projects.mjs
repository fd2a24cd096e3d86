// New npm projects outside the repository, installed from the test registry, and what they hold.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { check, run } from './process.mjs';

export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
export const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** Every package a project's node_modules holds, from npm's record of it: name → version. */
export function installed(project) {
  const lock = readJson(join(project, 'node_modules', '.package-lock.json'));
  return new Map(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.link)
      .map(([path, entry]) => [
        path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
        entry.version,
      ])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The packages `names` bring in by their manifests' dependencies, transitively. */
export function dependencyClosure(project, names) {
  const seen = new Set();
  const visit = (name, from) => {
    if (seen.has(name)) return;
    seen.add(name);
    const require = createRequire(join(from, 'package.json'));
    const folder = require.resolve.paths(name).find((path) => existsSync(join(path, name, 'package.json')));
    check(folder, `${name}, a declared dependency, is not installed in ${project}`);
    const manifest = readJson(join(folder, name, 'package.json'));
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }))
      visit(dependency, join(folder, name));
  };
  for (const name of names) visit(name, project);
  return [...seen].sort();
}

/** Creates an empty project in `folder` and installs `specs` from the registry into it. */
export async function installProject(folder, specs, env, dependencies) {
  mkdirSync(folder);
  writeJson(join(folder, 'package.json'), {
    name: 'release-consumer',
    private: true,
    version: '1.0.0',
    dependencies,
  });
  await run('npm', ['install', '--no-audit', '--no-fund', ...specs], { cwd: folder, env });
  return installed(folder);
}
