// What the providers document for the sender of an SMS (the "from", "originator"):
// - Esendex, request XSD of POST /v1.0/messagedispatcher (`from`): "either a valid phone number or
//   an alphanumeric value with a maximum length of 11 characters, that may contain letters,
//   numbers and the following special characters: * $ ? ! " # % & _ - , . @ ' +".
// - Twilio, https://www.twilio.com/docs/glossary/what-alphanumeric-sender-id (up to 11 characters:
//   ASCII letters, digits and the space; not numbers only) and the AlphaSender resource
//   (https://www.twilio.com/docs/messaging/api/alphasender-resource: also `-`, `+`, `_`, `&`);
//   short codes of 3 to 8 digits; numbers in E.164.
// - Vonage SMS API (`from`): an alphanumeric sender id of up to 11 characters, or a number.
// - Mitto (`from`): alphanumeric up to 11 characters, or numeric up to 14 digits; the classic
//   Auth0 guide sends "Mitto SMS", with its space.
// One rule serves all four: the characters any of them documents for an alphanumeric sender, the
// space included, at least one letter (a digits-only sender is a number), at most 11 characters;
// otherwise a number of 3 to 15 digits, with or without the + of E.164. Where one provider is
// narrower (Mitto's 3-character minimum and 14 digits), its own answer (responseCode 6) is mapped
// to invalid_config naming `from`: a second rule here would drift from the docs it copies.
const alphanumericSender = /^(?=[^A-Za-z]*[A-Za-z])[A-Za-z0-9 *$?!"#%&_\-,.@'+]{1,11}$/;
const numericSender = /^\+?[1-9]\d{2,14}$/;

/** What a sender id was recognised as; `undefined` when no provider would take it. */
export type SenderIdKind = 'alphanumeric' | 'number';

/**
 * Whether providers accept this as the sender of an SMS: an alphanumeric id of 1 to 11 characters
 * (letters, digits, spaces and `* $ ? ! " # % & _ - , . @ ' +`, at least one letter, no white space
 * at either end) or a number of 3 to 15 digits, `+` allowed (E.164, short codes, long numbers).
 */
export function senderIdKind(value: unknown): SenderIdKind | undefined {
  if (typeof value !== 'string') return undefined;
  if (numericSender.test(value)) return 'number';
  if (value.trim() === value && alphanumericSender.test(value)) return 'alphanumeric';
  return undefined;
}

/** `true` for a sender id that `senderIdKind` recognises. */
export function isSenderId(value: unknown): value is string {
  return senderIdKind(value) !== undefined;
}

/** The explanation providers' option errors give for a sender id that is refused. */
export const senderIdRule =
  'must be a number (3 to 15 digits, + allowed) or 1 to 11 letters, digits, spaces or * $ ? ! " # % & _ - , . @ \' + with at least one letter';
