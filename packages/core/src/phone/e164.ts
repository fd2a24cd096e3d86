// A plus, a country code that does not start with 0, and 7 to 15 digits in all: the shortest
// numbers in use have 7 (minimumE164Length in phone-number.ts counts the plus too).
const e164Pattern = /^\+[1-9]\d{6,14}$/;

/** Whether a value is a phone number in +E.164 form, as providers take it. */
export function isE164(value: unknown): value is string {
  return typeof value === 'string' && e164Pattern.test(value);
}
