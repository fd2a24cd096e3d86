import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The published source maps must not carry the machine they were built on: an absolute path
// names a user's home or a CI runner's folders, and differs from build to build.
const packagesFolder = fileURLToPath(new URL('../packages/', import.meta.url));
const maps = readdirSync(packagesFolder)
  .map((name) => join(packagesFolder, name, 'dist'))
  .filter((dist) => existsSync(dist))
  .flatMap((dist) =>
    readdirSync(dist)
      .filter((file) => file.endsWith('.map'))
      .map((file) => join(dist, file)),
  );

describe('source maps in dist/', () => {
  it('exist (the packages are built before the tests)', () => {
    expect(maps.some((file) => file.includes('/core/dist/') && file.endsWith('.cjs.map'))).toBe(true);
  });

  it.each(maps.map((file) => [file.slice(packagesFolder.length), file]))(
    '%s names its files relative to itself',
    (_name, file) => {
      const map = JSON.parse(readFileSync(file, 'utf8')) as {
        file?: string;
        sources: string[];
        sourceRoot?: string;
      };
      for (const source of map.sources) expect(isAbsolute(source), source).toBe(false);
      expect(map.file === undefined || !isAbsolute(map.file), map.file).toBe(true);
      expect(map.sourceRoot ?? '').not.toMatch(/^\//);
      expect(readFileSync(file, 'utf8')).not.toContain(packagesFolder);
    },
  );
});
