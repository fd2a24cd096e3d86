// The scratch copy npm run test:release versions and publishes, so that nothing in the working
// tree it runs from is modified.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { workspacePackages } from '../versions.mjs';

/** The repository as a contributor's working tree has it, without node_modules, dist or .git. */
export function copyRepository(from, to) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: from,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && existsSync(join(from, file)) && !lstatSync(join(from, file)).isDirectory());
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(from, file), join(to, file));
  }
  return files.length;
}

/**
 * node_modules for the copy: links to this repository's installed packages, except that each
 * workspace package links to the copy's own folder, as npm would have linked it.
 */
export function linkNodeModules(from, to) {
  const workspace = workspacePackages(to);
  const modules = join(to, 'node_modules');
  mkdirSync(modules);
  const link = (target, path) => symlinkSync(relative(dirname(path), target), path);
  for (const entry of readdirSync(join(from, 'node_modules'))) {
    if (!entry.startsWith('@')) {
      if (!workspace.has(entry)) link(join(from, 'node_modules', entry), join(modules, entry));
      continue;
    }
    mkdirSync(join(modules, entry));
    for (const child of readdirSync(join(from, 'node_modules', entry)))
      if (!workspace.has(`${entry}/${child}`))
        link(join(from, 'node_modules', entry, child), join(modules, entry, child));
  }
  for (const [name, { folder }] of workspace) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    link(join(to, folder), join(modules, name));
    if (existsSync(join(from, folder, 'node_modules')))
      link(join(from, folder, 'node_modules'), join(to, folder, 'node_modules'));
  }
}
