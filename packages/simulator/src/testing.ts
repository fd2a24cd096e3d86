export type { ConformingProvider, TestProviderOptions } from './test-provider.js';
export { faultMatrix, testProvider } from './test-provider.js';
