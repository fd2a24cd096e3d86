// Vonage's own rule for the SMS API's `from` (specs/vonage/sms.yml, "from": "The name or number
// the message should be sent from. [...] If alphanumeric, spaces will be ignored. Numbers are
// specified in E.164 format."), with the limits of its sender-ID guide
// (https://developer.vonage.com/en/messaging/sms/guides/custom-sender-id: up to 11 alphanumeric
// characters, or a number of up to 15 digits): a number in E.164, the `+` optional as the SMS API
// takes digits, or up to 11 characters once the spaces are dropped, at least one of them a letter.
// Vonage documents no other characters, so punctuation is taken as it is sent: printable ASCII.
const number = /^\+?[1-9]\d{2,14}$/;
const alphanumeric = /^(?=[^A-Za-z]*[A-Za-z])[\x21-\x7e]{1,11}$/;

/** Whether Vonage's SMS API takes this as `from`. */
export function isVonageSender(from: string): boolean {
  return number.test(from) || alphanumeric.test(from.replace(/ /g, ''));
}
