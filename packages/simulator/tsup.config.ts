import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version, name } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  name: string;
};

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts', 'src/testing.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: ['vitest'],
  define: { __PACKAGE_VERSION__: JSON.stringify(version), __PACKAGE_NAME__: JSON.stringify(name) },
});
