// tsup's CommonJS code-splitting pass (core builds CommonJS with splitting) writes the source map
// of each .cjs with the file's own absolute path, in `file` and among `sources`: the folder it
// was built in would be published. This makes every path in dist/'s maps relative to the map.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

export function relativeSourceMaps(distFolder = 'dist') {
  const folder = resolve(distFolder);
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.map'))) {
    const path = join(folder, name);
    const map = JSON.parse(readFileSync(path, 'utf8'));
    const sources = map.sources.map((source) =>
      isAbsolute(source) ? relative(dirname(path), source) : source,
    );
    const file = map.file && isAbsolute(map.file) ? basename(map.file) : map.file;
    if (file === map.file && sources.every((source, index) => source === map.sources[index])) continue;
    writeFileSync(path, JSON.stringify({ ...map, file, sources }));
  }
}
