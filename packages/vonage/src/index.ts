export type { VonageOptions } from './vonage-options.js';
export { plugin } from './vonage-plugin.js';
export { createVonage } from './vonage-provider.js';
