import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (name: string, entry: string) =>
  fileURLToPath(new URL(`./packages/${name}/src/${entry}.ts`, import.meta.url));

export default defineConfig({
  // Tests run against the sources; the built packages are checked by lint:package and the
  // Action's tests, which load dist/ in a child process as Auth0 would.
  resolve: {
    alias: [
      ...['core', 'twilio', 'vonage', 'esendex', 'mitto', 'infobip', 'simulator'].map((name) => ({
        find: new RegExp(`^@mfa-sms/${name}$`),
        replacement: source(name, 'index'),
      })),
      { find: /^@mfa-sms\/core\/provider$/, replacement: source('core', 'provider') },
      { find: /^@mfa-sms\/simulator\/testing$/, replacement: source('simulator', 'testing') },
    ],
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
