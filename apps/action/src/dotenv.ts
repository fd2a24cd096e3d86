import { readFileSync } from 'node:fs';

/**
 * Reads a `.env` file: `NAME=value` lines, `#` comments, optional `export `, single or double
 * quotes (double quotes understand `\n`, so a PEM key fits on one line). Missing file → {}.
 */
export function readDotenv(path: string): Record<string, string> {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const values: Record<string, string> = {};
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const name = match[1] as string;
    let value = (match[2] as string).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
      value = value.slice(1, -1);
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    values[name] = value;
  }
  return values;
}

/** One `NAME=value` line that `readDotenv` reads back as `value` (a PEM kept on one line). */
export function dotenvLine(name: string, value: string): string {
  if (/^[\w@+.,:/;=*-]*$/.test(value)) return `${name}=${value}`;
  return `${name}="${value.replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
