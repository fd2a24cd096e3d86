export type { MittoErrorRule } from './mitto-errors.js';
export { mittoErrorTable } from './mitto-errors.js';
export type { MittoOptions } from './mitto-provider.js';
export { createMitto } from './mitto-provider.js';
