import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type PackageLoader, requirePackage } from '../action/provider-plugins.js';

/**
 * How the CLI finds a provider package: beside itself (our providers are its dependencies), else
 * in the project it runs in, where `npm install mfa-sms-provider-acme` put a third party's
 * (npx runs the CLI from its own cache, out of the project's node_modules).
 */
export const cliPackageLoader: PackageLoader = (packageName) => {
  try {
    return requirePackage(packageName);
  } catch (error) {
    if ((error as { code?: unknown })?.code !== 'MODULE_NOT_FOUND') throw error;
    return createRequire(join(process.cwd(), 'package.json'))(packageName);
  }
};

/**
 * The version of a package installed where the CLI would load it from, read from its
 * package.json along Node's lookup paths (its `exports` may not expose package.json).
 */
export function installedVersion(packageName: string): string | undefined {
  const lookups = [
    ...(require.resolve.paths(packageName) ?? []),
    ...(createRequire(join(process.cwd(), 'package.json')).resolve.paths(packageName) ?? []),
  ];
  for (const folder of lookups) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, packageName, 'package.json'), 'utf8')) as {
        version?: unknown;
      };
      if (typeof manifest.version === 'string') return manifest.version;
    } catch {
      // Not in this folder: the next one.
    }
  }
  return undefined;
}
