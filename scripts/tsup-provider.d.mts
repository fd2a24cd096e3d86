import type { Options } from 'tsup';

/** tsup options of a provider package, from its folder (see tsup-provider.mjs). */
export function providerBuild(packageFolder: string): Options;
