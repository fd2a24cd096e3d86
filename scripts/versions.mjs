// The versions the repository shows its users, read from package.json files: our packages' own,
// and the exact versions of the packages the built Action requires. READMEs and the
// Action's dist/dependencies.json take them from here, so no version is typed by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The folders the root package.json's `workspaces` names ("dir/*" or "dir"), relative to root. */
function workspaceFolders(root) {
  return readJson(join(root, 'package.json')).workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json')))
      .map((entry) => `${parent}/${entry.name}`);
  });
}

/** Every workspace package by name: its folder (relative to root), version and privacy. */
export function workspacePackages(root = repositoryRoot) {
  return new Map(
    workspaceFolders(root).map((folder) => {
      const manifest = readJson(join(root, folder, 'package.json'));
      return [manifest.name, { folder, version: manifest.version, private: manifest.private === true }];
    }),
  );
}

/** The version of `name` that Node resolves from `fromFolder`, read from its package.json. */
function installedVersion(name, fromFolder) {
  // Walk Node's lookup paths rather than require.resolve(`${name}/package.json`): a package's
  // `exports` may not expose its package.json.
  const lookup = createRequire(join(fromFolder, 'package.json')).resolve.paths(name) ?? [];
  for (const folder of lookup) {
    const manifest = join(folder, name, 'package.json');
    if (existsSync(manifest)) return readJson(manifest).version;
  }
  throw new Error(`${name} is not installed where ${fromFolder} would load it: run npm ci`);
}

/**
 * What apps/action/package.json declares, each with an exact version: the Action's dependencies
 * and its CLI's. Ours (core and the providers) at the version this repository is about to
 * publish, third-party ones at the version installed.
 */
export function actionPackageDependencies(root = repositoryRoot) {
  const folder = join(root, 'apps', 'action');
  const workspace = workspacePackages(root);
  const declared = Object.keys(readJson(join(folder, 'package.json')).dependencies ?? {});
  return Object.fromEntries(
    declared.sort().map((name) => [name, workspace.get(name)?.version ?? installedVersion(name, folder)]),
  );
}

/**
 * The packages the deployed Action needs, with exact versions: what its bundle leaves as
 * require()s and what Auth0's Dependencies list must name. Its bundle requires only our packages;
 * of the third-party ones the package declares, those our packages depend on (or take as a peer,
 * like core's optional ioredis) are listed too, so that a tenant installs the versions tested.
 * What only the CLI uses is not (zod, once core and the providers no longer depend on it).
 */
export function actionDependencies(root = repositoryRoot) {
  const workspace = workspacePackages(root);
  const declared = Object.entries(actionPackageDependencies(root));
  const ours = declared.filter(([name]) => workspace.has(name));
  const needed = new Set(
    ours.flatMap(([name]) => {
      const manifest = readJson(join(root, workspace.get(name).folder, 'package.json'));
      return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
    }),
  );
  return Object.fromEntries(declared.filter(([name]) => workspace.has(name) || needed.has(name)));
}

/** Every name whose `name@x.y.z` a document may show, with the version it must show. */
export function publishedVersions(root = repositoryRoot) {
  const versions = new Map();
  for (const [name, { version }] of workspacePackages(root)) versions.set(name, version);
  for (const [name, version] of Object.entries(actionPackageDependencies(root))) versions.set(name, version);
  return versions;
}

/**
 * Our packages the ready-made Action must depend on: every published package under packages/
 * but the simulator (a test tool). A test holds apps/action/package.json to it, so a new provider
 * package that is not among the Action's dependencies fails there.
 */
export function packagesForTheAction(root = repositoryRoot) {
  return [...workspacePackages(root)]
    .filter(([name, { folder, private: isPrivate }]) => {
      return folder.startsWith('packages/') && !isPrivate && name !== '@mfa-sms/simulator';
    })
    .map(([name]) => name)
    .sort();
}
