// Replaced at build time by tsup (and by vitest in tests) with the package version.
declare const __PACKAGE_VERSION__: string;
