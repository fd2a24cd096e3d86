import { senderIdKind } from '@mfa-sms/core';
import { parseXml, type XmlElement } from '@mfa-sms/core/provider';

// SNS Publish to a phone number, Query protocol: https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
// and the SMS attributes of https://docs.aws.amazon.com/sns/latest/dg/sms_publish-to-phone.html.

export const snsVersion = '2010-03-31';
/** SNS's limit for an SMS `Message` (the SNS developer guide's SMS quotas). */
export const snsMaxMessageLength = 1600;

/** The form body of `Action=Publish` to one phone number, transactional, with its sender attribute. */
export function snsPublishForm(input: { to: string; text: string; sender?: string | undefined }): string {
  const attributes: [string, string][] = [['AWS.SNS.SMS.SMSType', 'Transactional']];
  if (input.sender !== undefined) {
    attributes.push([
      senderIdKind(input.sender) === 'alphanumeric' ? 'AWS.SNS.SMS.SenderID' : 'AWS.MM.SMS.OriginationNumber',
      input.sender,
    ]);
  }
  const form = new URLSearchParams({
    Action: 'Publish',
    Version: snsVersion,
    PhoneNumber: input.to,
    Message: input.text,
  });
  attributes.forEach(([name, value], index) => {
    const entry = `MessageAttributes.entry.${index + 1}`;
    form.set(`${entry}.Name`, name);
    form.set(`${entry}.Value.DataType`, 'String');
    form.set(`${entry}.Value.StringValue`, value);
  });
  return form.toString();
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

function parsed(body: string): XmlElement | undefined {
  try {
    return parseXml(body);
  } catch {
    return undefined;
  }
}

/** `PublishResponse/PublishResult/MessageId`, or `undefined` when the body is not that. */
export function snsMessageId(body: string): string | undefined {
  const root = parsed(body);
  if (root?.name !== 'PublishResponse') return undefined;
  const id = child(child(root, 'PublishResult'), 'MessageId')?.text.trim();
  return id ? id : undefined;
}

/** An SNS `ErrorResponse/Error`: its `Code` and `Message`. */
export interface SnsErrorBody {
  code: string;
  message?: string;
}

/** The error of an `ErrorResponse` body, or `undefined` when the body is not one. */
export function snsErrorBody(body: string): SnsErrorBody | undefined {
  const root = parsed(body);
  const error = root?.name === 'ErrorResponse' ? child(root, 'Error') : undefined;
  const code = child(error, 'Code')?.text.trim();
  if (!code) return undefined;
  const message = child(error, 'Message')?.text.trim();
  return message ? { code, message } : { code };
}
