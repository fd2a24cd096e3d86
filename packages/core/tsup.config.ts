import { defineConfig } from 'tsup';
import { bundledCode } from '../../scripts/bundled-code.mjs';
import { relativeSourceMaps } from '../../scripts/source-maps.mjs';

// zod and libphonenumber-js's core code in our files rather than the many files their entries
// load (bench/BUDGET-NOTES.md has the figures); libphonenumber-js's metadata stays a
// require() of the dependency, so updating it updates the numbering plans. No zod type is part of
// core's types (schemas are typed by shape, `Schema<T>`), so a user's own zod never meets ours.
const bundled = bundledCode(['zod', 'libphonenumber-js/core']);

export default defineConfig({
  // Two entries, one copy of each module between them (splitting, in CommonJS too): the error
  // class, the keep-alive pools and zod must be the same for users and for providers.
  entry: ['src/index.ts', 'src/provider.ts'],
  splitting: true,
  // Rollup, not tsup's sucrase step, turns the split chunks into CommonJS: sucrase also rewrote
  // every ?. and ?? into helper calls that allocate on each send (bench/BUDGET-NOTES.md).
  treeshake: true,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // In the CommonJS build a lazy import() would start Node's ESM loader (tens of ms on a cold
  // Auth0 Action) just to load a CommonJS file: require() it instead.
  esbuildOptions(options, { format }) {
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
    bundled.esbuildOptions(options);
  },
  noExternal: bundled.noExternal,
  banner: { js: bundled.banner },
  onSuccess: async () => {
    bundled.writeNotices();
    relativeSourceMaps();
  },
});
