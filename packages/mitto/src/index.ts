export { plugin } from './mitto-plugin.js';
export type { MittoOptions } from './mitto-provider.js';
export { createMitto } from './mitto-provider.js';
