export type { RecordedRequest } from './test-helpers.js';
export { closedPort, everythingVisible, recordingDispatcher, rejection } from './test-helpers.js';
export type { ConformingPlugin, TestPluginOptions } from './test-plugin.js';
export { testPlugin } from './test-plugin.js';
export type { ConformingProvider, TestProviderOptions } from './test-provider.js';
export { faultMatrix, testProvider } from './test-provider.js';
export type { TestStoreOptions } from './test-store.js';
export { testStore } from './test-store.js';
