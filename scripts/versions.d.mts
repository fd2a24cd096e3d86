/** Types of versions.mjs, for the TypeScript tests that import it. */
export const repositoryRoot: string;
export function workspacePackages(
  root?: string,
): Map<string, { folder: string; version: string; private: boolean }>;
export function actionPackageDependencies(root?: string): Record<string, string>;
export function actionDependencies(root?: string): Record<string, string>;
export function publishedVersions(root?: string): Map<string, string>;
export function packagesForTheAction(root?: string): string[];
