// Mitto's own rule for `from` (https://docs.mitto.ch/sms-api-reference/, "from": an alphanumeric
// sender of 3 to 11 characters, or a numeric one of 3 to 14 digits). The classic Auth0 guide's
// "Mitto SMS" shows that the space is taken; responseCode 6 ("Invalid sender") answers anything
// else.
const numeric = /^\+?\d{3,14}$/;
// No space at either end: Mitto answers 6 for " Acme".
const alphanumeric = /^(?=[^A-Za-z]*[A-Za-z])(?! )[A-Za-z0-9 ]{3,11}(?<! )$/;

/** Whether Mitto takes this as `from`. */
export function isMittoSender(from: string): boolean {
  return numeric.test(from) || alphanumeric.test(from);
}
