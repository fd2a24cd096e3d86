// Esendex's own rule for `from`, from the request XSD of POST /v1.0/messagedispatcher
// (https://developers.esendex.com/api-reference/#messagedispatcher, vendored in the repository's
// specs/esendex when present): "either a valid phone number or an alphanumeric value with a
// maximum length of 11 characters, that may contain letters, numbers and the following special
// characters: * $ ? ! " # % & _ - , . @ ' +". A phone number: up to 15 digits, `+` allowed. The
// XSD does not say whether the space is allowed; the classic guides' senders have none, and
// Esendex's own examples neither, so it is refused.
const number = /^\+?\d{3,15}$/;
const alphanumeric = /^[A-Za-z0-9*$?!"#%&_\-,.@'+]{1,11}$/;

/** Whether Esendex takes this as the originator of a message. */
export function isEsendexSender(from: string): boolean {
  return number.test(from) || alphanumeric.test(from);
}
