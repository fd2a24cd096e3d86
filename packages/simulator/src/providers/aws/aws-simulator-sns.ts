import { randomUUID } from 'node:crypto';
import {
  readForm,
  type SimulatorContext,
  type SimulatorRequest,
  type SimulatorResponse,
} from '../../simulated-provider.js';
import type { AwsCredentials } from './aws-credentials.js';
import { signatureAnswer, snsError, snsSuccess } from './aws-simulator-answers.js';
import { checkSignature } from './aws-simulator-sigv4.js';

// SNS Publish to a phone number, as AWS documents it:
// https://docs.aws.amazon.com/sns/latest/api/API_Publish.html (parameters, errors),
// https://docs.aws.amazon.com/sns/latest/dg/sms_publish-to-phone.html (the SMS attributes),
// https://docs.aws.amazon.com/sns/latest/dg/sns-supported-regions-countries.html and the SNS
// developer guide's sender rules: a sender ID of 3 to 11 letters and digits with at least one
// letter; an origination number of 5 to 14 digits, with or without +; a message of at most 1,600
// characters for SMS.

const e164 = /^\+[1-9]\d{1,14}$/;
const senderIdPattern = /^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/;
const originationNumberPattern = /^\+?\d{5,14}$/;
const smsTypes = new Set(['Promotional', 'Transactional']);
const maxSmsLength = 1600;

/** The message attributes of a Query request: `MessageAttributes.entry.N.{Name,Value.DataType,Value.StringValue}`. */
function attributesOf(form: Record<string, string>): Map<string, { type?: string; value?: string }> {
  const attributes = new Map<string, { type?: string; value?: string }>();
  for (const [key, name] of Object.entries(form)) {
    const entry = /^MessageAttributes\.entry\.(\d+)\.Name$/.exec(key)?.[1];
    if (entry === undefined) continue;
    const type = form[`MessageAttributes.entry.${entry}.Value.DataType`];
    const value = form[`MessageAttributes.entry.${entry}.Value.StringValue`];
    attributes.set(name, {
      ...(type === undefined ? {} : { type }),
      ...(value === undefined ? {} : { value }),
    });
  }
  return attributes;
}

const invalid = (reason: string) => snsError(400, 'InvalidParameter', `Invalid parameter: ${reason}`);

export function publish(
  request: SimulatorRequest,
  context: SimulatorContext<AwsCredentials>,
): SimulatorResponse {
  const denied = checkSignature(request, context.credentials, 'sns');
  if (denied) return signatureAnswer(denied, false);
  const form = readForm(request.body);
  if (form.Action !== 'Publish') {
    return snsError(
      400,
      'InvalidAction',
      `The action ${form.Action ?? '(none)'} is not valid for this endpoint.`,
    );
  }
  if (form.Version !== '2010-03-31') {
    return snsError(400, 'InvalidParameterValue', 'Version must be 2010-03-31.');
  }
  const to = form.PhoneNumber;
  if (to === undefined || form.TopicArn !== undefined || form.TargetArn !== undefined) {
    // This simulator sends SMS only: a topic or endpoint target is not one of its messages.
    return invalid('PhoneNumber Reason: a phone number is required for an SMS');
  }
  // AWS echoes the number it refused, as here: packages must redact it.
  if (!e164.test(to)) return invalid(`PhoneNumber Reason: ${to} is not valid to publish to`);
  const text = form.Message;
  if (text === undefined || text === '') return invalid('Message Reason: Empty message');
  if (text.length > maxSmsLength) return invalid('Message Reason: Message too long');
  const attributes = attributesOf(form);
  for (const [name, attribute] of attributes) {
    if (attribute.type !== 'String' || attribute.value === undefined) {
      return snsError(
        400,
        'ParameterValueInvalid',
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type 'String'.`,
      );
    }
  }
  const smsType = attributes.get('AWS.SNS.SMS.SMSType')?.value;
  if (smsType !== undefined && !smsTypes.has(smsType)) {
    return snsError(
      400,
      'ParameterValueInvalid',
      `Value ${smsType} for AWS.SNS.SMS.SMSType is not valid: Promotional or Transactional.`,
    );
  }
  const senderId = attributes.get('AWS.SNS.SMS.SenderID')?.value;
  if (senderId !== undefined && !senderIdPattern.test(senderId)) {
    return snsError(
      400,
      'ParameterValueInvalid',
      'AWS.SNS.SMS.SenderID must be 3 to 11 letters and digits with at least one letter.',
    );
  }
  const originationNumber = attributes.get('AWS.MM.SMS.OriginationNumber')?.value;
  if (originationNumber !== undefined && !originationNumberPattern.test(originationNumber)) {
    return snsError(400, 'ParameterValueInvalid', 'AWS.MM.SMS.OriginationNumber must be 5 to 14 digits.');
  }
  const from = originationNumber ?? senderId;
  const message = context.record({
    channel: 'sms',
    id: randomUUID(),
    to,
    ...(from === undefined ? {} : { from }),
    text,
    request: { ...form },
  });
  return snsSuccess(message.id);
}
