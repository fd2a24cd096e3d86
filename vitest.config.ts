import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  // Tests run against the sources; the built packages are checked by lint:package and the
  // Action's tests, which load dist/ in a child process as Auth0 would.
  resolve: {
    alias: {
      '@mfa-sms/core': source('core'),
      '@mfa-sms/twilio': source('twilio'),
      '@mfa-sms/vonage': source('vonage'),
      '@mfa-sms/esendex': source('esendex'),
      '@mfa-sms/mitto': source('mitto'),
      '@mfa-sms/simulator': source('simulator'),
    },
  },
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
