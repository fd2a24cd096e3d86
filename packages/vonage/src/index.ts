export type { VonageOptions } from './vonage-options.js';
export { createVonage } from './vonage-provider.js';
