/** Rewrites absolute paths in `distFolder`'s source maps relative to each map (see source-maps.mjs). */
export function relativeSourceMaps(distFolder?: string): void;
