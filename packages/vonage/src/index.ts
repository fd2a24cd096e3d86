export type { VonageOptions } from './vonage-provider.js';
export { createVonage } from './vonage-provider.js';
