import { randomUUID } from 'node:crypto';
import {
  readJson,
  type SimulatorContext,
  type SimulatorRequest,
  type SimulatorResponse,
} from '../../simulated-provider.js';
import type { AwsCredentials } from './aws-credentials.js';
import { jsonError, jsonSuccess, signatureAnswer } from './aws-simulator-answers.js';
import { checkSignature } from './aws-simulator-sigv4.js';

// End User Messaging SMS and Voice v2, as its API reference states the two sends:
// https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_SendTextMessage.html
// https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_SendVoiceMessage.html

export const sendText = 'PinpointSMSVoiceV2.SendTextMessage';
export const sendVoice = 'PinpointSMSVoiceV2.SendVoiceMessage';

const phonePattern = /^\+?[1-9][0-9]{1,18}$/;
const identityPattern = /^[A-Za-z0-9_:/+-]{1,256}$/;
const messageTypes = new Set(['TRANSACTIONAL', 'PROMOTIONAL']);
const textTypes = new Set(['TEXT', 'SSML']);
// SendVoiceMessage's VoiceId enum.
const voiceIds = new Set(
  'AMY ASTRID BIANCA BRIAN CAMILA CARLA CARMEN CELINE CHANTAL CONCHITA CRISTIANO DORA EMMA ENRIQUE EWA FILIZ GERAINT GIORGIO GWYNETH HANS INES IVY JACEK JAN JOANNA JOEY JUSTIN KARL KENDRA KIMBERLY LEA LIV LOTTE LUCIA LUPE MADS MAJA MARLENE MATHIEU MATTHEW MAXIM MIA MIGUEL MIZUKI NAJA NICOLE PENELOPE RAVEENA RICARDO RUBEN RUSSELL SALLI SEOYEON TAKUMI TATYANA VICKI VITORIA ZEINA ZHIYU'.split(
    ' ',
  ),
);

function invalidField(field: string, message: string, reason = 'FIELD_VALIDATION_FAILED'): SimulatorResponse {
  return jsonError(400, 'ValidationException', message, {
    Reason: reason,
    Fields: [{ Name: field, Message: message }],
  });
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** The first documented constraint the body breaks, as AWS reports it, or `undefined`. */
function validate(body: Record<string, unknown>, voice: boolean): SimulatorResponse | undefined {
  const to = stringField(body, 'DestinationPhoneNumber');
  if (to === undefined)
    return invalidField('DestinationPhoneNumber', 'DestinationPhoneNumber is required.', 'MISSING_PARAMETER');
  // AWS echoes the refused value, as here: packages must redact it.
  if (!phonePattern.test(to)) {
    return invalidField(
      'DestinationPhoneNumber',
      `1 validation error detected: Value '${to}' at 'destinationPhoneNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\+?[1-9][0-9]{1,18}$`,
    );
  }
  const identity = stringField(body, 'OriginationIdentity');
  if (voice && identity === undefined) {
    return invalidField('OriginationIdentity', 'OriginationIdentity is required.', 'MISSING_PARAMETER');
  }
  if (identity !== undefined && !identityPattern.test(identity)) {
    return invalidField(
      'OriginationIdentity',
      "Value at 'originationIdentity' failed to satisfy constraint.",
    );
  }
  const text = stringField(body, 'MessageBody');
  const textType = stringField(body, 'MessageBodyTextType') ?? 'TEXT';
  const limit = voice ? (textType === 'SSML' ? 6000 : 3000) : 1600;
  if (text === undefined || text.length < 1 || text.length > limit) {
    return invalidField('MessageBody', `MessageBody must have 1 to ${limit} characters.`);
  }
  if (voice && !textTypes.has(textType))
    return invalidField('MessageBodyTextType', 'MessageBodyTextType must be TEXT or SSML.');
  const voiceId = stringField(body, 'VoiceId');
  if (voice && voiceId !== undefined && !voiceIds.has(voiceId))
    return invalidField('VoiceId', `VoiceId ${voiceId} is not a valid voice.`);
  const messageType = stringField(body, 'MessageType');
  if (!voice && messageType !== undefined && !messageTypes.has(messageType)) {
    return invalidField('MessageType', 'MessageType must be TRANSACTIONAL or PROMOTIONAL.');
  }
  return undefined;
}

export function sendMessage(
  request: SimulatorRequest,
  context: SimulatorContext<AwsCredentials>,
): SimulatorResponse {
  const denied = checkSignature(request, context.credentials, 'sms-voice');
  if (denied) return signatureAnswer(denied, true);
  const target = request.headers['x-amz-target'];
  if (target !== sendText && target !== sendVoice) {
    return jsonError(400, 'UnknownOperationException', `Unknown operation ${String(target)}.`);
  }
  const body = readJson(request.body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return jsonError(400, 'SerializationException', 'The request body is not a JSON object.');
  }
  const fields = body as Record<string, unknown>;
  const voice = target === sendVoice;
  const problem = validate(fields, voice);
  if (problem) return problem;
  const from = stringField(fields, 'OriginationIdentity');
  const context_ = fields.Context as Record<string, unknown> | undefined;
  const reference = typeof context_?.reference === 'string' ? context_.reference : undefined;
  const message = context.record({
    channel: voice ? 'voice' : 'sms',
    id: randomUUID(),
    to: fields.DestinationPhoneNumber as string,
    ...(from === undefined ? {} : { from }),
    text: fields.MessageBody as string,
    ...(reference === undefined ? {} : { reference }),
    request: fields,
  });
  return jsonSuccess(message.id);
}
