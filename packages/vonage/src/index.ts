export type { VonageProblem, VonageStatusRule } from './vonage-errors.js';
export { vonageStatusRule, vonageStatusTable } from './vonage-errors.js';
export type { VonageOptions } from './vonage-provider.js';
export { createVonage } from './vonage-provider.js';
export type { VonageTalkLanguage } from './vonage-wire.js';
export { vonageTalkLanguage, vonageTalkLanguages } from './vonage-wire.js';
