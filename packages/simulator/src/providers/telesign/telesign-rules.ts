// What Telesign documents of POST /v1/messaging and POST /v1/voice, stated here on its own (never
// imported from the packages), so that the simulator checks them independently.
// Codes and texts: https://developer.telesign.com/enterprise/docs/all-status-and-error-codes
// SMS request and its 400 codes: https://developer.telesign.com/enterprise/reference/sms
// Voice request and voices: https://standard.telesign.com/api-reference/apis/voice-api/send-a-voice-message/post-voice
import documentedVoices from './telesign-voices.json' with { type: 'json' };

/** The texts Telesign sends with the codes the simulator answers with. */
export const telesignTexts: Readonly<Record<number, string>> = {
  103: 'Call in progress',
  290: 'Message in progress',
  237: 'Message blocked in requested country',
  500: 'Transaction not attempted',
  10000: 'System Unavailable, Please try again later.',
  10002: "'x-ts-nonce' header value has been used recently",
  10003: "'x-ts-nonce' header value is either too long or too short",
  10004: "'Date' or 'x-ts-date' header is not within tolerable range",
  10005: "'Date' or 'x-ts-date' header is not RFC822 compliant",
  10006: "Invalid 'x-ts-auth-method' header.",
  10007: "Missing required 'Date' or 'x-ts-date' header",
  10008: 'Invalid Signature.',
  10009: 'Missing required `Authorization` header',
  10015: 'Invalid Customer ID.',
  10019: 'Rate Limit Exceeded',
  10022: 'Invalid API Key.',
  10028: "Required 'Authorization' header is not in the correct format",
  10030: 'Insufficient funds in prepaid wallet.',
  10032: 'Message blocked by TeleSign',
  11000: 'Invalid value for parameter phone_number.',
  11001: 'Invalid country code for parameter phone_number.',
  11009: 'Invalid value for parameter message.',
  11016: 'Invalid value for parameter external_id',
  11017: 'Invalid value for parameter message_type.',
  12000: 'Missing Required Parameter phone_number',
  12009: 'Missing Required Parameter message',
  12017: 'Missing Required Parameter message_type',
};

/** The voices the Voice API documents (data with its source). */
const telesignVoices: ReadonlySet<string> = new Set(documentedVoices.voices);

const messageTypes = new Set(['OTP', 'ARN', 'MKT']);

/** "Phone number is too long, too short, or contains non-digit values" (11000); E.164 bounds. */
const phoneNumber = /^\d{7,15}$/;

/** The voice text limit; the SMS reference states none, so SMS text is not bounded here. */
const maxVoiceMessage = 1600;

/** A problem with a request's fields: Telesign's code, and for a bad voice the generic -10001. */
export type FieldProblem = { code: number; description?: string };

/** The first problem Telesign reports for a form, in the order of its documented checks. */
export function validateForm(
  form: Record<string, string>,
  channel: 'sms' | 'voice',
): FieldProblem | undefined {
  const { phone_number: number, message, message_type: type, external_id: externalId, voice } = form;
  if (number === undefined || number === '') return { code: 12000 };
  if (!phoneNumber.test(number)) return { code: 11000 };
  if (number.startsWith('0')) return { code: 11001 };
  if (message === undefined || message === '') return { code: 12009 };
  if (message.trim() === '' || (channel === 'voice' && [...message].length > maxVoiceMessage)) {
    return { code: 11009 };
  }
  if (type === undefined || type === '') return { code: 12017 };
  if (!messageTypes.has(type)) return { code: 11017 };
  // "longer than 100 or contains non-ASCII characters"
  if (externalId !== undefined && !/^[\x20-\x7e]{0,100}$/.test(externalId)) return { code: 11016 };
  if (channel === 'voice' && voice !== undefined && !telesignVoices.has(voice)) {
    // No code of its own is documented: Telesign's generic "Invalid Request: {parameter} Parameter".
    return { code: -10001, description: 'Invalid Request: voice Parameter' };
  }
  return undefined;
}
