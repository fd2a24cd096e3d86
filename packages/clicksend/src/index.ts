export type { ClickSendOptions } from './clicksend-options.js';
export { plugin } from './clicksend-plugin.js';
export { createClickSend } from './clicksend-provider.js';
export type { ClickSendLanguage, ClickSendVoice } from './clicksend-voice.js';
