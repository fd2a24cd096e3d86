import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { MfaSmsError } from '@mfa-sms/core';
import { readDotenv } from './dotenv.js';

export interface EnvFile {
  values: Record<string, string>;
  /** What was read, for the first line a command prints: "read ./.env", "no .env found in …". */
  note: string;
}

function shown(path: string): string {
  const fromHere = relative(process.cwd(), resolve(path));
  return fromHere.startsWith('..') ? resolve(path) : `./${fromHere}`;
}

/**
 * The env file of a command: the one `--env-file` names (which must exist), else `./.env` when
 * there is one. A user who copied `.env.example` to the wrong folder is told where we looked.
 */
export function loadEnvFile(given: string | undefined, flag = '--env-file'): EnvFile {
  if (given !== undefined) {
    if (!existsSync(given))
      throw new MfaSmsError({ code: 'invalid_config', message: `${flag} ${given}: no such file` });
    return { values: readDotenv(given), note: `read ${shown(given)}` };
  }
  if (!existsSync('.env'))
    return {
      values: {},
      note: `no .env found in ${process.cwd()}: secrets come from the environment only (--env-file <path> to read another file)`,
    };
  return { values: readDotenv('.env'), note: 'read ./.env' };
}
