export type { TwilioErrorRule } from './twilio-errors.js';
export { classifyTwilioError, twilioErrorTable } from './twilio-errors.js';
export type { TwilioOptions } from './twilio-provider.js';
export { createTwilio } from './twilio-provider.js';
export { twilioSayLanguage, twilioSayLanguageDefaults, twilioSayLanguages } from './twilio-say-language.js';
export { twilioVerifyBaseUrl, verifyLocale } from './twilio-verify.js';
export { classifyTwilioVerifyError, twilioVerifyErrorTable } from './twilio-verify-errors.js';
