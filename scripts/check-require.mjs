// Every published package must load with require() even where Node's require(esm) is off, as an
// Auth0 Action (CommonJS) loads it (and as Node 20.18, which our engines allow, does); and its ESM
// entry must expose the same names.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');
let failed = 0;
for (const folder of readdirSync(packagesDir)) {
  const manifest = JSON.parse(readFileSync(join(packagesDir, folder, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  // Every entry of the exports map that has code: `.`, `./provider`, `./testing`…
  for (const entry of Object.keys(manifest.exports ?? { '.': null })) {
    // ./testing runs inside vitest, which cannot be require()d at all.
    if (entry.endsWith('.json') || entry === './testing') continue;
    check(entry === '.' ? manifest.name : `${manifest.name}${entry.slice(1)}`);
  }
}

// The published Action: what Auth0 requires (action.cjs, hook.cjs) and the CLI users run, on a Node
// without require(esm): a require() of an ESM-only file in any of them would fail here.
const actionDist = join(root, 'apps', 'action', 'dist');
for (const file of ['action.cjs', 'hook.cjs'])
  run(`apps/action/dist/${file}`, ['-e', `require(${JSON.stringify(join(actionDist, file))})`]);
run('apps/action/dist/cli.cjs --help', [join(actionDist, 'cli.cjs'), '--help']);

function run(label, args) {
  try {
    execFileSync(process.execPath, ['--no-experimental-require-module', ...args], {
      cwd: root,
      stdio: 'pipe',
    });
    console.log(`ok ${label} without require(esm)`);
  } catch (error) {
    failed += 1;
    console.error(`FAIL ${label}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function check(specifier) {
  const script = `const m = require(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()))`;
  const esm = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()))`;
  try {
    const fromRequire = execFileSync(process.execPath, ['--no-experimental-require-module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    const fromImport = execFileSync(process.execPath, ['--input-type=module', '-e', esm], {
      cwd: root,
      encoding: 'utf8',
    });
    if (fromRequire !== fromImport)
      throw new Error(`CJS and ESM exports differ:\n${fromRequire}${fromImport}`);
    const names = JSON.parse(fromRequire);
    if (names.length === 0 || names.includes('default'))
      throw new Error(`unexpected exports: ${fromRequire}`);
    console.log(`ok ${specifier}: ${names.length} named exports from require() and import`);
  } catch (error) {
    failed += 1;
    console.error(`FAIL ${specifier}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
