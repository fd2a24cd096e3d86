// The build of every provider package (packages/<provider>/tsup.config.ts): ESM + CommonJS +
// types, its version compiled in, and zod with the shared option schemas bundled (fewer files on
// an Auth0 cold start; bench/BUDGET-NOTES.md). A provider's schemas are all built by its own copy
// of zod, which nothing outside it sees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCode } from './bundled-code.mjs';

export function providerBuild(packageFolder) {
  const { version } = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8'));
  const bundled = bundledCode(['zod']);
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    esbuildOptions: bundled.esbuildOptions,
    clean: true,
    target: 'node20',
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    // Private, source-only: compiled into each provider rather than required from it.
    noExternal: [...bundled.noExternal, /^@mfa-sms\/provider-schemas$/],
    banner: { js: bundled.banner },
    onSuccess: async () => bundled.writeNotices(join(packageFolder, 'dist')),
  };
}
