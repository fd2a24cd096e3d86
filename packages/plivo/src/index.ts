export type { PlivoOptions } from './plivo-options.js';
export { plugin } from './plivo-plugin.js';
export { createPlivo } from './plivo-provider.js';
