// The bottom layer: MfaSmsError and its code table, and what an error or a log line may show
// (redaction of secrets, codes and numbers). Imports nothing else from core.
export type { MfaSmsErrorCode, MfaSmsErrorOptions, SendAttempt } from './errors.js';
export { errorCodes, isMfaSmsError, isRetryableCode, MfaSmsError } from './errors.js';
export {
  maskPhoneNumber,
  maskPhoneNumbers,
  redactSecrets,
  replaceSecrets,
  sensitiveValuesOf,
  summarizeBody,
} from './redact.js';
export { base64Runs, capText, redactBase64Runs, secretForms } from './secret-forms.js';
