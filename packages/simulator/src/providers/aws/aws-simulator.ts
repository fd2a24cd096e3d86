import {
  defineSimulatedProvider,
  plain,
  readForm,
  readJson,
  type SimulatorResponse,
} from '../../simulated-provider.js';
import { awsActionSecrets, awsCredentials } from './aws-credentials.js';
import { isJsonApi, jsonError, snsError } from './aws-simulator-answers.js';
import { sendMessage, sendVoice } from './aws-simulator-sms-voice.js';
import { publish } from './aws-simulator-sns.js';

// The simulator answers for AWS under /aws (aws-credentials.ts says why); the operation tells
// the APIs apart: SNS's in the form (`Action=Publish`), End User Messaging's in `X-Amz-Target`.

// HTTP status of SNS's Query error codes (API_Publish "Errors" and CommonErrors) and of End User
// Messaging's exceptions (its JSON 1.0 protocol: client errors 400, server errors 500).
const snsStatus: Readonly<Record<string, number>> = {
  AuthorizationError: 403,
  InvalidSecurity: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  NotFound: 404,
  Throttled: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
};

function destinationOf(body: string, json: boolean): string {
  if (!json) return readForm(body).PhoneNumber ?? '';
  const parsed = readJson(body) as { DestinationPhoneNumber?: unknown } | undefined;
  return typeof parsed?.DestinationPhoneNumber === 'string' ? parsed.DestinationPhoneNumber : '';
}

function retryAfter(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { 'retry-after': String(seconds) };
}

export const awsSimulator = defineSimulatedProvider({
  name: 'aws',
  credentials: awsCredentials,
  actionSecrets: awsActionSecrets,
  routes: [
    {
      method: 'POST',
      path: /^\/aws\/?$/,
      channel: (request) => (request.headers['x-amz-target'] === sendVoice ? 'voice' : 'sms'),
      handle: (request, context) =>
        isJsonApi(request) ? sendMessage(request, context) : publish(request, context),
    },
  ],
  errorResponse(fault, request, route) {
    const json = isJsonApi(request);
    const voice = typeof route.channel === 'function' && route.channel(request) === 'voice';
    // AWS echoes the refused number in its message: the packages must redact it.
    const to = destinationOf(request.body, json);
    switch (fault.kind) {
      case 'invalid-number':
        return json
          ? jsonError(
              fault.status ?? 400,
              'ValidationException',
              `1 validation error detected: Value '${to}' at 'destinationPhoneNumber' failed to satisfy constraint: Member must satisfy regular expression pattern`,
              {
                Reason: 'FIELD_VALIDATION_FAILED',
                Fields: [{ Name: 'DestinationPhoneNumber', Message: 'invalid phone number' }],
              },
            )
          : snsError(
              fault.status ?? 400,
              'InvalidParameter',
              `Invalid parameter: PhoneNumber Reason: ${to} is not valid to publish to`,
            );
      case 'auth':
        return json
          ? jsonError(
              fault.status ?? 400,
              'UnrecognizedClientException',
              'The security token included in the request is invalid.',
            )
          : snsError(
              fault.status ?? 403,
              'InvalidClientTokenId',
              'The security token included in the request is invalid.',
            );
      case 'no-credit':
        // SNS documents no answer of Publish for a spend limit reached (it drops the message and
        // logs the failure): the simulator sends the generic HTTP 402 there.
        return json
          ? jsonError(
              fault.status ?? 400,
              'ServiceQuotaExceededException',
              'You have reached your monthly spend limit.',
              {
                Reason: voice
                  ? 'MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE'
                  : 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
              },
            )
          : plain(fault.status ?? 402, 'Payment Required');
      case 'rate-limit':
        return json
          ? jsonError(
              fault.status ?? 400,
              'ThrottlingException',
              'Rate exceeded',
              {},
              retryAfter(fault.retryAfter),
            )
          : snsError(fault.status ?? 400, 'Throttling', 'Rate exceeded', retryAfter(fault.retryAfter));
      case 'unavailable':
        return json
          ? jsonError(fault.status ?? 503, 'ServiceUnavailableException', 'Service Unavailable')
          : snsError(fault.status ?? 503, 'ServiceUnavailable', 'Service Unavailable');
      case 'transient':
        return json
          ? jsonError(fault.status ?? 500, 'InternalServerException', 'Internal server error')
          : snsError(fault.status ?? 500, 'InternalError', 'Internal error');
      case 'not-found':
        return plain(fault.status ?? 404, 'Not Found');
      case 'method-not-allowed':
        return plain(fault.status ?? 405, 'Method Not Allowed', { allow: 'POST' });
      case 'bad-request':
        return json
          ? jsonError(
              fault.status ?? 400,
              'SerializationException',
              'Start of structure or map found where not expected.',
            )
          : snsError(fault.status ?? 400, 'MalformedQueryString', 'The query string is malformed.');
    }
  },
  // An AWS error code, with End User Messaging's `Reason` after a slash:
  // `OptedOut`, `ConflictException/DESTINATION_PHONE_NUMBER_OPTED_OUT`.
  codeResponse(fault, request): SimulatorResponse {
    const [code = 'InternalError', reason] = String(fault.code).split('/');
    if (isJsonApi(request)) {
      const status = fault.status ?? (/^Internal|Unavailable/.test(code) ? 500 : 400);
      return jsonError(
        status,
        code,
        `${code}${reason ? `: ${reason}` : ''}`,
        reason ? { Reason: reason } : {},
      );
    }
    return snsError(fault.status ?? snsStatus[code] ?? 400, code, `${code}${reason ? `: ${reason}` : ''}`);
  },
});
