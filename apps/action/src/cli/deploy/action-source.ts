import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MfaSmsError } from '@mfa-sms/core';
import { installedVersion } from '../cli-packages.js';

export interface ActionDependency {
  name: string;
  version: string;
}

export interface ActionSource {
  code: string;
  dependencies: ActionDependency[];
  /** For messages: "the ready-made Action" or the file given. */
  label: string;
}

const auth0CodeLimitBytes = 100 * 1024;

function configError(message: string): MfaSmsError {
  return new MfaSmsError({ code: 'invalid_config', message });
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// The CLI runs from dist/ (published) or from src/cli/deploy/ (tests in-process); the Action
// sits in dist/: this folder, or the package's dist/ a few folders up.
export function builtActionDirectory(): string {
  let folder = __dirname;
  for (let up = 0; up < 4; up += 1, folder = dirname(folder)) {
    for (const candidate of [folder, join(folder, 'dist')])
      if (existsSync(join(candidate, 'action.cjs'))) return candidate;
  }
  throw configError('The built Action (dist/action.cjs) is missing: run `npm run build` first.');
}

/**
 * The built Action and its dependencies: ours from dist/dependencies.json, a provider package
 * that MFA_SMS_PROVIDERS names and that list lacks (a third party's) at the version installed
 * here, and `--dependency name@version` over both.
 */
function readyMade(
  providerPackages: readonly string[],
  extra: readonly string[],
  usesRedis: boolean,
): ActionSource {
  const directory = builtActionDirectory();
  const versions = readJson(join(directory, 'dependencies.json')) as Record<string, string>;
  // Only what this configuration loads: the providers MFA_SMS_PROVIDERS names (the Action
  // requires a provider when its entry is used) and ioredis with MFA_SMS_REDIS_URL.
  const needed = ([name]: [string, string]) =>
    name === 'ioredis'
      ? usesRedis
      : !name.startsWith('@mfa-sms/') || name === '@mfa-sms/core' || providerPackages.includes(name);
  const byName = new Map(Object.entries(versions).filter(needed));
  const given = new Map(extra.map(parseDependency).map(({ name, version }) => [name, version]));
  for (const name of providerPackages) {
    if (byName.has(name) || given.has(name)) continue;
    const version = installedVersion(name);
    if (version === undefined)
      throw configError(
        `MFA_SMS_PROVIDERS names ${name}, which is not installed here: install it (npm install ${name}) so that deploy can check it and give Auth0 its version, or pass --dependency ${name}@<version>.`,
      );
    byName.set(name, version);
  }
  for (const [name, version] of given) byName.set(name, version);
  return {
    code: readFileSync(join(directory, 'action.cjs'), 'utf8'),
    dependencies: [...byName].map(([name, version]) => ({ name, version })),
    label: 'the ready-made Action',
  };
}

/** An exact version for Auth0's dependency list: the installed one, else the range's lower bound. */
function exactVersion(name: string, range: string, besideDirectory: string): string {
  const installed = join(besideDirectory, 'node_modules', name, 'package.json');
  if (existsSync(installed)) return (readJson(installed) as { version: string }).version;
  const stripped = range.trim().replace(/^[\^~=v]+/, '');
  if (stripped === 'latest' || /^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(stripped)) return stripped;
  throw configError(
    `Dependency ${name}@${range} in package.json is not a version Auth0 accepts: give one with --dependency ${name}@1.2.3.`,
  );
}

export function parseDependency(spec: string): ActionDependency {
  const at = spec.lastIndexOf('@');
  if (at <= 0 || at === spec.length - 1)
    throw configError(`--dependency ${spec} must look like name@version (e.g. undici@7.16.0)`);
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

function ownCode(file: string, extra: readonly string[]): ActionSource {
  if (/\.(?:ts|mts|cts|tsx)$/.test(file))
    throw configError(
      `${file} is TypeScript; Auth0 runs CommonJS JavaScript: build it first and give the .js file.`,
    );
  if (!existsSync(file)) throw configError(`--code ${file}: no such file`);
  const code = readFileSync(file, 'utf8');
  const byName = new Map<string, string>();
  const manifest = join(dirname(file), 'package.json');
  if (existsSync(manifest)) {
    const declared = (readJson(manifest) as { dependencies?: Record<string, string> }).dependencies ?? {};
    for (const [name, range] of Object.entries(declared))
      byName.set(name, exactVersion(name, range, dirname(file)));
  }
  for (const spec of extra) {
    const dependency = parseDependency(spec);
    byName.set(dependency.name, dependency.version);
  }
  return { code, dependencies: [...byName].map(([name, version]) => ({ name, version })), label: file };
}

/** The code and dependencies to deploy, checked against Auth0's limits before anything is sent. */
export function readActionSource(
  codeFile: string | undefined,
  dependencies: readonly string[],
  providerPackages: readonly string[] = [],
  usesRedis = false,
): ActionSource {
  const source =
    codeFile === undefined
      ? readyMade(providerPackages, dependencies, usesRedis)
      : ownCode(codeFile, dependencies);
  const size = Buffer.byteLength(source.code);
  if (size > auth0CodeLimitBytes)
    throw configError(
      `${source.label} is ${(size / 1024).toFixed(1)} kB, over Auth0's 100 kB limit for an Action's code.`,
    );
  return source;
}
