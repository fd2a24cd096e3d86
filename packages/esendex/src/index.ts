export type { EsendexErrorRule } from './esendex-errors.js';
export { esendexErrorTable, esendexRuleFor } from './esendex-errors.js';
export type { EsendexOptions } from './esendex-provider.js';
export { createEsendex } from './esendex-provider.js';
export type { EsendexVoiceLanguage } from './esendex-wire.js';
export { esendexVoiceLanguageFor, esendexVoiceLanguages } from './esendex-wire.js';
