// Third-party code a published package carries inside its dist/ rather than as a dependency
// (fewer files to load on an Auth0 Action's cold start; bench/BUDGET-NOTES.md), and
// the notice its licence asks every copy to carry. Each package's tsup.config.ts names what it
// bundles; the banner, tsup's noExternal list and dist/THIRD-PARTY-NOTICES.md all come from here.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function isPackageRoot(folder, name) {
  try {
    return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).name === name;
  } catch {
    return false;
  }
}

function packageFolder(name) {
  // The package.json may not be exported; walk from the resolved entry instead.
  let folder = dirname(require.resolve(name));
  while (!isPackageRoot(folder, name)) {
    if (dirname(folder) === folder) throw new Error(`cannot find the folder of ${name}`);
    folder = dirname(folder);
  }
  return folder;
}

function describe(specifier) {
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0];
  const folder = packageFolder(name);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const licence = readFileSync(join(folder, 'LICENSE'), 'utf8').trim();
  const copyright =
    licence
      .split('\n')
      .find((line) => /^Copyright/i.test(line.trim()))
      ?.trim() ?? '';
  return { specifier, name, version: manifest.version, licenceName: manifest.license, licence, copyright };
}

/**
 * tsup options for a package that bundles `specifiers` (package names or subpaths such as
 * `libphonenumber-js/core`): what to bundle, a banner naming each, and the notices file.
 */
export function bundledCode(specifiers) {
  const bundled = specifiers.map(describe);
  const noExternal = specifiers.map((specifier) => {
    const escaped = specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    // A subpath (libphonenumber-js/core) is that file alone; a package name takes its subpaths too.
    return new RegExp(
      specifier.includes('/') && !specifier.startsWith('@') ? `^${escaped}$` : `^${escaped}(?:/|$)`,
    );
  });
  const banner = `/*! Includes ${bundled
    .map((entry) => `${entry.specifier} ${entry.version} (${entry.licenceName} License, ${entry.copyright})`)
    .join('; ')}: see THIRD-PARTY-NOTICES.md beside this file. */`;
  function writeNotices(distFolder = 'dist') {
    const sections = bundled.map(
      (entry) =>
        `## ${entry.name} ${entry.version}\n\nBundled: \`${entry.specifier}\`.\n\n\`\`\`text\n${entry.licence}\n\`\`\`\n`,
    );
    writeFileSync(
      join(distFolder, 'THIRD-PARTY-NOTICES.md'),
      `# Third-party code in this folder\n\nThe files in this folder include code from these packages, under these licences.\n\n${sections.join('\n')}`,
    );
  }
  /**
   * Source maps point at the sources' lines without carrying them: with the bundled packages'
   * sources inside, they were most of a package (bench/BUDGET-NOTES.md).
   */
  function esbuildOptions(options) {
    options.sourcesContent = false;
  }
  return { noExternal, banner, writeNotices, esbuildOptions };
}
