export { plugin } from './esendex-plugin.js';
export type { EsendexOptions } from './esendex-provider.js';
export { createEsendex } from './esendex-provider.js';
