import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Reads a `.env` file with Node's own reader (`util.parseEnv`, Node 20.12 and later): `NAME=value`
 * lines, `#` comments, `export `, single, double or back quotes, values over several quoted lines
 * (a PEM key as it is), `\n` in double quotes. Missing file → {}.
 */
export function readDotenv(path: string): Record<string, string> {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed = parseEnv(source) as Record<string, string>;
  const values: Record<string, string> = {};
  for (const name of Object.keys(parsed)) {
    const value = parsed[name] as string;
    // Node's reader has no `\"` escape: the quote ends the value there and the rest is lost.
    if (value.endsWith('\\') && source.includes('\\"'))
      throw new Error(
        `${path}: the value of ${name} ends at \\" (a .env file has no escaped quote); put a value holding " in single quotes`,
      );
    values[name] = value;
  }
  return values;
}

/** One `NAME=value` line that `readDotenv` reads back as `value` (a PEM kept on one line). */
export function dotenvLine(name: string, value: string): string {
  if (/^[\w@+.,:/;=*-]*$/.test(value)) return `${name}=${value}`;
  // A .env file has no escaped quote: a value holding " goes in single quotes (one line).
  if (value.includes('"') && !/[\r\n']/.test(value)) return `${name}='${value}'`;
  return `${name}="${value.replace(/\r?\n/g, '\\n')}"`;
}
