// Twilio's own rule for `From`, stated here so that the simulator checks the Twilio package
// instead of sharing its rule:
// - a Twilio phone number in E.164, `+` and up to 15 digits
//   (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource);
// - a short code, 5 or 6 digits in most countries and 3 to 8 in a few
//   (https://www.twilio.com/docs/glossary/what-is-a-short-code);
// - an alphanumeric sender ID of up to 11 characters: upper- and lower-case ASCII letters, the
//   digits 0-9 and the space, at least one letter
//   (https://www.twilio.com/docs/glossary/what-alphanumeric-sender-id), plus `-`, `+`, `_` and
//   `&`, which the AlphaSender resource also takes
//   (https://www.twilio.com/docs/messaging/api/alphasender-resource).
const e164 = /^\+[1-9]\d{1,14}$/;
const shortCode = /^\d{3,8}$/;
// A space between words, not around them: Twilio trims nothing and a sender is shown as sent.
const alphanumeric = /^(?=[^A-Za-z]*[A-Za-z])(?! )[A-Za-z0-9 +\-_&]{1,11}(?<! )$/;

/** Whether Twilio takes this as the `From` of a message. */
export function isTwilioSender(from: string): boolean {
  return e164.test(from) || shortCode.test(from) || alphanumeric.test(from);
}
