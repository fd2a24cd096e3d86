/** tsup options for a package that bundles third-party code (see bundled-code.mjs). */
export function bundledCode(specifiers: readonly string[]): {
  noExternal: RegExp[];
  banner: string;
  writeNotices(distFolder?: string): void;
};
