import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);
const actionBundle = 'apps/action/dist/action.cjs';

/** Bytes of the Action's own code, raw and gzipped, or why it cannot be measured. */
export function measureActionSize(root) {
  const file = new URL(actionBundle, root);
  if (!existsSync(file))
    return {
      file: actionBundle,
      skipped: `${actionBundle} not built yet (npm run build --workspace apps/action)`,
    };
  const content = readFileSync(file);
  return { file: actionBundle, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** What `npm pack` would publish for each published package in packages/, without running any script. */
export async function measurePackageSizes(root) {
  const packagesDirectory = new URL('packages/', root);
  const names = readdirSync(packagesDirectory, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/package.json`, packagesDirectory)),
    )
    .map((entry) => entry.name)
    .sort();
  const packages = [];
  for (const name of names) {
    const directory = new URL(`${name}/`, packagesDirectory);
    const manifest = JSON.parse(readFileSync(new URL('package.json', directory), 'utf8'));
    // A private package (provider-schemas, bundled into the providers) is never published.
    if (manifest.private) continue;
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: directory,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout);
    packages.push({
      name: manifest.name,
      version: manifest.version,
      built: existsSync(new URL('dist/', directory)),
      packedBytes: packed.size,
      unpackedBytes: packed.unpackedSize,
      files: packed.entryCount,
    });
  }
  return packages;
}
