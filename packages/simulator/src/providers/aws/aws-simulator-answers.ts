import { randomUUID } from 'node:crypto';
import type { SimulatorRequest, SimulatorResponse } from '../../simulated-provider.js';
import type { SignatureProblem } from './aws-simulator-sigv4.js';

// AWS's two answer shapes. SNS (Query protocol) answers XML, errors as
// `ErrorResponse/Error/{Type,Code,Message}` + `RequestId`
// (https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html); End User Messaging (JSON 1.0)
// answers `{ __type, Message, Reason? }` with the type also in `x-amzn-ErrorType`
// (https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/CommonErrors.html).

const snsNamespace = 'http://sns.amazonaws.com/doc/2010-03-31/';
const jsonContentType = 'application/x-amz-json-1.0';
const jsonNamespace = 'com.amazonaws.pinpointsmsvoicev2';

/** End User Messaging's requests name their operation in `X-Amz-Target`; SNS's in the form. */
export function isJsonApi(request: SimulatorRequest): boolean {
  return typeof request.headers['x-amz-target'] === 'string';
}

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function snsSuccess(messageId: string): SimulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() },
    body: `<PublishResponse xmlns="${snsNamespace}">\n  <PublishResult>\n    <MessageId>${messageId}</MessageId>\n  </PublishResult>\n  <ResponseMetadata>\n    <RequestId>${randomUUID()}</RequestId>\n  </ResponseMetadata>\n</PublishResponse>\n`,
  };
}

export function snsError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): SimulatorResponse {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return {
    status,
    headers: { 'content-type': 'text/xml', ...headers },
    body: `<ErrorResponse xmlns="${snsNamespace}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${xmlText(code)}</Code>\n    <Message>${xmlText(message)}</Message>\n  </Error>\n  <RequestId>${randomUUID()}</RequestId>\n</ErrorResponse>\n`,
  };
}

export function jsonSuccess(messageId: string): SimulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': jsonContentType, 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify({ MessageId: messageId }),
  };
}

/**
 * A JSON 1.0 error. The service's own exceptions carry its namespace and `Message`; those of
 * AWS's front door (signature, credentials) a bare type and `message`.
 */
export function jsonError(
  status: number,
  type: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): SimulatorResponse {
  const own =
    !/^(UnrecognizedClient|InvalidSignature|IncompleteSignature|MissingAuthenticationToken|ExpiredToken|UnknownOperation|Serialization)/.test(
      type,
    );
  const body = own
    ? { __type: `${jsonNamespace}#${type}`, Message: message, ...extra }
    : { __type: type, message, ...extra };
  return {
    status,
    headers: {
      'content-type': jsonContentType,
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/${jsonNamespace}/`,
      'x-amzn-requestid': randomUUID(),
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

/** A refused signature in the shape of the API that was called. */
export function signatureAnswer(problem: SignatureProblem, json: boolean): SimulatorResponse {
  const codes: Record<SignatureProblem['kind'], { sns: string; json: string }> = {
    missing: { sns: 'MissingAuthenticationToken', json: 'MissingAuthenticationTokenException' },
    'unknown-key': { sns: 'InvalidClientTokenId', json: 'UnrecognizedClientException' },
    expired: { sns: 'RequestExpired', json: 'InvalidSignatureException' },
    incomplete: { sns: 'IncompleteSignature', json: 'IncompleteSignatureException' },
    mismatch: { sns: 'SignatureDoesNotMatch', json: 'InvalidSignatureException' },
  };
  const code = codes[problem.kind];
  // SNS answers 403 to credentials it refuses and 400 to a malformed or stale signature.
  if (!json) {
    const status = problem.kind === 'incomplete' || problem.kind === 'expired' ? 400 : 403;
    return snsError(status, code.sns, problem.message);
  }
  return jsonError(problem.kind === 'missing' ? 403 : 400, code.json, problem.message);
}
