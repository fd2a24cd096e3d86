export type { InfobipOptions } from './infobip-options.js';
export { plugin } from './infobip-plugin.js';
export { createInfobip } from './infobip-provider.js';
