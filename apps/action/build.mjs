// Builds the Auth0 Action: its own glue (reading secrets, choosing providers) bundled and
// minified into one CommonJS file per entry; @mfa-sms/core, the providers and third-party packages
// left as require()s and listed with exact versions for Auth0's dependency list, so a tenant
// upgrades a provider by changing a version. Fails when the Action's own code passes Auth0's
// 100 kB limit.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { build } from 'esbuild';
import { sourceEntries } from '../../scripts/source-aliases.mjs';
import { actionDependencies, actionPackageDependencies } from '../../scripts/versions.mjs';

// The packages the Action needs, with exact versions, from package.json and our packages'
// manifests (scripts/versions.mjs), so Auth0's list is never typed by hand. ioredis is among them
// but required only when MFA_SMS_REDIS_URL is set, never on the cold path.
const dependencies = actionDependencies();
const external = Object.keys(dependencies);
const auth0LimitBytes = 100 * 1024;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // A lazy import() would be a require() in CommonJS, which does not start Node's ESM loader on
  // the cold path.
  supported: { 'dynamic-import': false },
  define: { __PACKAGE_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  logLevel: 'warning',
  legalComments: 'none',
  charset: 'utf8',
};

// The tools that run on a developer's machine bundle our packages from their sources, so that
// `npx @mfa-sms/action` does not depend on their dist/ layout: every entry of every package, read
// from the workspace (esbuild takes a relative path, from this folder). Provider packages are
// required by name at run time (MFA_SMS_PROVIDERS), from node_modules, as the Action requires them.
const fromSources = Object.fromEntries(
  sourceEntries().map(({ specifier, file }) => [specifier, `./${relative(process.cwd(), file)}`]),
);
// The CLI's third-party packages are all the package declares: zod among them for the Management
// API's answers, whether or not the Action needs it.
const thirdParty = Object.keys(actionPackageDependencies()).filter((name) => !name.startsWith('@mfa-sms/'));

const deployed = [
  ['src/action/action.ts', 'dist/action.cjs'],
  ['src/action/hook-entry.cjs', 'dist/hook.cjs'],
];

for (const [entry, outfile] of deployed) {
  await build({
    ...common,
    entryPoints: [entry],
    outfile,
    external: external.flatMap((name) => [name, `${name}/*`]),
    minify: true,
    sourcemap: false,
  });
}
// Tools that run on a developer's machine: readable, not size-bound. The published CLI carries
// no inline source map (it was four fifths of the file: 1.2 MB against 0.25 MB); the playground,
// which only runs from a clone, keeps one.
for (const [entry, outfile, banner, sourcemap] of [
  ['src/playground/playground.ts', 'dist/playground.cjs', '', 'inline'],
  ['src/cli/cli.ts', 'dist/cli.cjs', '#!/usr/bin/env node', false],
]) {
  await build({
    ...common,
    entryPoints: [entry],
    outfile,
    external: thirdParty.flatMap((name) => [name, `${name}/*`]),
    alias: fromSources,
    minify: false,
    sourcemap,
    banner: { js: banner },
  });
}

// `npx mfa-sms` in a fresh clone runs the file through the bin link that `npm ci` made before the
// file existed, so npm never marked it executable: the build does.
chmodSync('dist/cli.cjs', 0o755);

writeFileSync('dist/dependencies.json', `${JSON.stringify(dependencies, null, 2)}\n`);

let tooLarge = false;
for (const [, outfile] of deployed) {
  const size = readFileSync(outfile).length;
  const share = ((size / auth0LimitBytes) * 100).toFixed(0);
  console.log(`${outfile}: ${(size / 1024).toFixed(1)} kB (${share}% of Auth0's 100 kB limit)`);
  if (size > auth0LimitBytes) tooLarge = true;
}
console.log(
  `dist/dependencies.json: ${Object.entries(dependencies)
    .map(([name, version]) => `${name}@${version}`)
    .join(' ')}`,
);
if (tooLarge) {
  console.error("The Action's own code is over Auth0's 100 kB limit.");
  process.exit(1);
}
