export type { TelesignOptions } from './telesign-options.js';
export { plugin } from './telesign-plugin.js';
export { createTelesign } from './telesign-provider.js';
