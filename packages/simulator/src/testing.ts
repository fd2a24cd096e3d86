export { faultMatrix, testProvider } from './test-provider.js';
export type { ConformingProvider, TestProviderOptions } from './test-provider.js';
