/** tsup options for a package that bundles third-party code (see bundled-code.mjs). */
export function bundledCode(specifiers: readonly string[]): {
  noExternal: RegExp[];
  banner: string;
  writeNotices(distFolder?: string): void;
  /** Sets what every bundle with third-party code shares (source maps without the sources). */
  esbuildOptions(options: { sourcesContent?: boolean }): void;
};
