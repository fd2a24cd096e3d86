import { defineConfig } from 'vitest/config';
import { sourceEntries } from './scripts/source-aliases.mjs';

export default defineConfig({
  // Tests run against the sources; the built packages are checked by lint:package and the
  // Action's tests, which load dist/ in a child process as Auth0 would. Every entry of every
  // package under packages/ is aliased to its source, read from the workspace.
  resolve: {
    alias: sourceEntries().map(({ specifier, file }) => ({
      find: new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
      replacement: file,
    })),
  },
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
