// Replaced at build time by tsup (and by vitest in tests) with the package version and name.
declare const __PACKAGE_VERSION__: string;
declare const __PACKAGE_NAME__: string;
