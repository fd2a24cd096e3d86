import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './versions.mjs';

// specs/README.md names each vendored file with its SHA-256; the conformance tests trust the files
// to be upstream's, so a file changed by hand, by a formatter or half-updated must fail here.
const specs = join(repositoryRoot, 'specs');

function listed(): Map<string, string> {
  const readme = readFileSync(join(specs, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$/gm)];
  return new Map(rows.map(([, file, sha]) => [file as string, sha as string]));
}

describe('vendored provider specifications', () => {
  it('lists every data file of specs/ with its hash, and only those', () => {
    const present = readdirSync(specs, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((folder) => readdirSync(join(specs, folder.name)).map((file) => `${folder.name}/${file}`))
      .filter((file) => !/\/LICENSE/.test(file))
      .sort();
    expect([...listed().keys()].sort()).toEqual(present);
    expect(present.length).toBeGreaterThan(0);
  });

  it('holds the files exactly as the README says they were copied', () => {
    for (const [file, sha] of listed()) {
      const actual = createHash('sha256')
        .update(readFileSync(join(specs, file)))
        .digest('hex');
      expect(actual, file).toBe(sha);
    }
  });

  it('carries the licence text of every source it copies from', () => {
    for (const folder of new Set([...listed().keys()].map((file) => file.split('/')[0]))) {
      expect(
        readdirSync(join(specs, folder as string)).some((file) => file.startsWith('LICENSE')),
        folder,
      ).toBe(true);
    }
  });
});
