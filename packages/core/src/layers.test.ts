import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The folders of core/src, lowest first. A folder's sources may import only the folders listed
// before it that it names here; so no two folders can import each other. Tests and test helpers
// may import from any folder (an Action test of the limiter is a test of the limiter).
// docs/architecture.md draws the same table; change both.
const layers: ReadonlyArray<readonly [folder: string, mayImport: readonly string[]]> = [
  ['errors', []],
  ['contract', ['errors']],
  ['phone', ['errors', 'contract']],
  ['text', ['errors', 'contract']],
  ['sender', ['errors', 'contract', 'phone']],
  ['auth0', ['errors', 'contract', 'text']],
  ['store', ['errors', 'contract', 'auth0']],
  ['provider-kit', ['errors', 'contract', 'phone', 'sender']],
  ['routing', ['errors', 'contract', 'phone', 'sender', 'store']],
  ['action', ['errors', 'contract', 'phone', 'text', 'sender', 'auth0', 'store', 'routing']],
];

// The two public entries (the files tsup builds) and the tests of the whole package.
const topLevelFiles = ['exports.test.ts', 'index.ts', 'layers.test.ts', 'provider.ts'];

const source = new URL('./', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, source), 'utf8');
const isTest = (file: string) => /\.test(-helper)?\.ts$/.test(file);

interface Import {
  specifier: string;
  names: string[];
}

/** Every relative import and re-export of a file, with the names it takes. */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  const pattern =
    /(?:import|export)\s+(?:type\s+)?(?:\{([^}]*)\}|\*(?:\s+as\s+\w+)?|\w+)?\s*(?:from\s*)?'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    const names = (match[1] ?? '')
      .split(',')
      .map(
        (name) =>
          name
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0] ?? '',
      )
      .filter(Boolean);
    found.push({ specifier: match[2] ?? match[3] ?? '', names });
  }
  return found;
}

/** The names a folder's index.ts exports: what other folders may import from it. */
function surfaceOf(folder: string): Set<string> {
  return new Set(importsOf(read(`${folder}/index.ts`)).flatMap((entry) => entry.names));
}

describe('core/src folders', () => {
  const folders = layers.map(([folder]) => folder);

  it('has the listed folders, each with an index.ts, and no other top-level file', () => {
    const entries = readdirSync(source, { withFileTypes: true });
    expect(
      entries
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort(),
    ).toEqual([...folders].sort());
    expect(
      entries
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(topLevelFiles);
    for (const folder of folders) expect(readdirSync(new URL(folder, source))).toContain('index.ts');
  });

  it('lists each folder after every folder it may import', () => {
    layers.forEach(([folder, mayImport], position) => {
      const below = new Set(folders.slice(0, position));
      for (const lower of mayImport) expect(below.has(lower), `${folder} may import ${lower}`).toBe(true);
    });
  });

  for (const [folder, mayImport] of layers) {
    it(`${folder}/ imports only ${mayImport.join(', ') || 'nothing else in core'}, through names its index exports`, () => {
      const files = readdirSync(new URL(folder, source)).filter(
        (file) => file.endsWith('.ts') && !isTest(file),
      );
      for (const file of files) {
        for (const { specifier, names } of importsOf(read(`${folder}/${file}`))) {
          const target = /^\.\.\/([\w-]+)\//.exec(specifier)?.[1];
          if (specifier.startsWith('./')) {
            expect(specifier, `${folder}/${file}`).not.toContain('/index.js');
            continue;
          }
          expect(target, `${folder}/${file} imports ${specifier}`).toBeDefined();
          // A file, not the folder's index: a bundler keeps whatever an index re-exports in the
          // chunk that imports it, and the entries' chunks are measured (bench/BUDGET-NOTES.md).
          expect(specifier, `${folder}/${file}`).not.toMatch(/\/index\.js$/);
          expect(mayImport, `${folder}/${file} imports ${specifier}`).toContain(target);
          const surface = surfaceOf(target as string);
          for (const name of names) {
            expect(surface.has(name), `${folder}/${file} takes ${name}, not in ${target}/index.ts`).toBe(
              true,
            );
          }
        }
      }
    });
  }

  it('builds the public entries from the folders, file by file', () => {
    for (const entry of ['index.ts', 'provider.ts']) {
      for (const { specifier } of importsOf(read(entry))) {
        expect(specifier).toMatch(/^\.\/[\w-]+\/[\w.-]+\.js$/);
        expect(specifier).not.toMatch(/\/index\.js$/);
      }
    }
  });
});
