import { defineConfig } from 'tsup';

export default defineConfig({
  // Two entries, one copy of each module between them (splitting, in CommonJS too): the error
  // class and the keep-alive pools must be the same for users and for providers.
  entry: ['src/index.ts', 'src/provider.ts'],
  splitting: true,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // In the CommonJS build a lazy import() would start Node's ESM loader (tens of ms on a cold
  // Auth0 Action) just to load a CommonJS file: require() it instead.
  esbuildOptions(options, { format }) {
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
  // libphonenumber-js's core code in our one file rather than the 71 files its entry loads
  // (measured in bench/BUDGET-NOTES.md); its metadata file stays a require() of the dependency.
  noExternal: [/^libphonenumber-js\/core$/],
  banner: {
    js: '/*! Includes the core of libphonenumber-js (MIT License, Copyright (c) 2016 @catamphetamine), installed beside this package with its LICENSE. */',
  },
});
