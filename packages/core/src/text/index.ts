// What a message says: templates, the language catalogue, segments, speakable codes, SMS autofill
// lines, BCP 47 tags.
export type { AutofillOptions } from './autofill.js';
export {
  appendAutofillLines,
  appendValidatedLines,
  autofillOptionShape,
  parseAutofillOptions,
} from './autofill.js';
export { toBcp47 } from './bcp47.js';
export type { CatalogMessageOptions } from './message-catalog.js';
export { defaultMessage, negotiateLanguage, supportedLanguages } from './message-catalog.js';
export type { SegmentCount } from './segments.js';
export { countSegments, isGsm7 } from './segments.js';
export { speakableCode, speakCodesInText } from './speakable-code.js';
export { renderTemplate } from './template.js';
