import {
  defineSimulatedProvider,
  randomHex,
  type SimulatorContext,
  type SimulatorRequest,
  type SimulatorResponse,
} from '../../simulated-provider.js';
import { smsPartCount } from '../../sms-parts.js';
import { type TwilioCredentials, twilioActionSecrets, twilioCredentials } from './twilio-credentials.js';
import { isTwilioSender } from './twilio-sender.js';
import {
  apiVersion,
  authenticate,
  codeAnswer,
  errorForKind,
  fieldsOf,
  twilioErrorBody,
} from './twilio-simulator-errors.js';
import { readTwiml, spokenText } from './twilio-twiml.js';

const messagesRoute = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const callsRoute = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\.json$/;

// The patterns of the OpenAPI description (twilio_api_v2010.json, CreateMessage and CreateCall).
const messagingServiceSidPattern = /^MG[0-9a-fA-F]{32}$/;
const applicationSidPattern = /^AP[0-9a-fA-F]{32}$/;
const e164 = /^\+[1-9]\d{1,14}$/;
const voiceEndpoint = /^(?:\+[1-9]\d{1,14}|client:[\w.-]{1,128}|sip:\S{3,255})$/;

const maxBodyLength = 1600;
const maxTwimlLength = 4000;

function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

function createMessage(
  request: SimulatorRequest,
  context: SimulatorContext<TwilioCredentials>,
): SimulatorResponse {
  const accountSid = messagesRoute.exec(request.path)?.[1] ?? '';
  const denied = authenticate(request, context.credentials, accountSid);
  if (denied) return denied;
  const form = fieldsOf(request);
  const to = form.To;
  if (to === undefined || to === '') return twilioErrorBody(400, 21604, "A 'To' phone number is required.");
  if (!e164.test(to)) return codeAnswer(21211, request);
  const from = form.From;
  const service = form.MessagingServiceSid;
  if ((from === undefined || from === '') && (service === undefined || service === '')) {
    return twilioErrorBody(400, 21603, "A 'From' phone number or a 'MessagingServiceSid' is required.");
  }
  if (service !== undefined && !messagingServiceSidPattern.test(service)) {
    return twilioErrorBody(400, 21701, `The Messaging Service Sid ${service} is invalid.`);
  }
  // Twilio's own rule (twilio-sender.ts), not the package's: the simulator checks the package.
  if (from !== undefined && !isTwilioSender(from)) {
    return codeAnswer(21212, request);
  }
  if (form.ApplicationSid !== undefined && !applicationSidPattern.test(form.ApplicationSid)) {
    return twilioErrorBody(400, 21651, 'The ApplicationSid is invalid.');
  }
  const body = form.Body ?? '';
  if (body === '' && form.MediaUrl === undefined && form.ContentSid === undefined) {
    return twilioErrorBody(400, 21602, 'Message body is required.');
  }
  if (body.length > maxBodyLength) {
    return twilioErrorBody(
      400,
      21617,
      `The concatenated message body exceeds the ${maxBodyLength} character limit.`,
    );
  }
  if (form.StatusCallback !== undefined && !URL.canParse(form.StatusCallback)) {
    return twilioErrorBody(400, 21609, 'The StatusCallback URL is not a valid URL.');
  }
  // A Messaging Service picks its sender later: Twilio answers "accepted" and 0 segments until then.
  const viaService = service !== undefined && (from === undefined || from === '');
  const sid = `SM${randomHex(32)}`;
  const reference =
    form.StatusCallback === undefined
      ? undefined
      : new URL(form.StatusCallback).searchParams.get('reference');
  context.record({
    channel: 'sms',
    id: sid,
    to,
    ...(from === undefined ? {} : { from }),
    text: body,
    ...(reference === undefined || reference === null ? {} : { reference }),
    request: form,
  });
  const now = rfc2822(new Date());
  const uri = `/${apiVersion}/Accounts/${accountSid}/Messages/${sid}.json`;
  return {
    status: 201,
    body: {
      account_sid: accountSid,
      api_version: apiVersion,
      body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: viaService ? null : from,
      messaging_service_sid: service ?? null,
      num_media: '0',
      num_segments: viaService ? '0' : String(smsPartCount(body)),
      price: null,
      price_unit: 'USD',
      sid,
      status: viaService ? 'accepted' : 'queued',
      subresource_uris: { media: uri.replace('.json', '/Media.json') },
      to,
      uri,
    },
  };
}

function createCall(
  request: SimulatorRequest,
  context: SimulatorContext<TwilioCredentials>,
): SimulatorResponse {
  const accountSid = callsRoute.exec(request.path)?.[1] ?? '';
  const denied = authenticate(request, context.credentials, accountSid);
  if (denied) return denied;
  const form = fieldsOf(request);
  const to = form.To;
  const from = form.From;
  if (to === undefined || to === '') return twilioErrorBody(400, 21201, "No 'To' number is specified");
  if (from === undefined || from === '') return twilioErrorBody(400, 21213, "No 'From' number is specified");
  if (!voiceEndpoint.test(to)) return codeAnswer(21211, request);
  if (!voiceEndpoint.test(from) || from.startsWith('sip:')) return codeAnswer(21212, request);
  if (form.Url === undefined && form.Twiml === undefined && form.ApplicationSid === undefined) {
    return twilioErrorBody(400, 21205, "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required.");
  }
  if (form.ApplicationSid !== undefined && !applicationSidPattern.test(form.ApplicationSid)) {
    return twilioErrorBody(400, 21651, 'The ApplicationSid is invalid.');
  }
  if (form.Url !== undefined && !URL.canParse(form.Url))
    return twilioErrorBody(400, 21205, 'Url is not a valid URL.');
  if (form.StatusCallback !== undefined && !URL.canParse(form.StatusCallback)) {
    return twilioErrorBody(400, 21609, 'The StatusCallback URL is not a valid URL.');
  }
  let text = '';
  if (form.Twiml !== undefined) {
    if (form.Twiml.length > maxTwimlLength) {
      return twilioErrorBody(
        400,
        21658,
        `The Twiml parameter exceeds the ${maxTwimlLength} character limit.`,
      );
    }
    const document = readTwiml(form.Twiml);
    if (typeof document === 'string')
      return twilioErrorBody(400, 12100, `Document parse failure: ${document}`);
    text = spokenText(document);
  }
  const sid = `CA${randomHex(32)}`;
  const reference =
    form.StatusCallback === undefined
      ? undefined
      : new URL(form.StatusCallback).searchParams.get('reference');
  context.record({
    channel: 'voice',
    id: sid,
    to,
    from,
    text,
    ...(reference === undefined || reference === null ? {} : { reference }),
    request: form,
  });
  const now = rfc2822(new Date());
  const uri = `/${apiVersion}/Accounts/${accountSid}/Calls/${sid}.json`;
  return {
    status: 201,
    body: {
      account_sid: accountSid,
      annotation: null,
      answered_by: null,
      api_version: apiVersion,
      caller_name: null,
      date_created: now,
      date_updated: now,
      direction: 'outbound-api',
      duration: null,
      end_time: null,
      forwarded_from: null,
      from,
      from_formatted: from,
      group_sid: null,
      parent_call_sid: null,
      phone_number_sid: `PN${randomHex(32)}`,
      price: null,
      price_unit: 'USD',
      queue_time: '0',
      sid,
      start_time: null,
      status: 'queued',
      subresource_uris: { notifications: uri.replace('.json', '/Notifications.json') },
      to,
      to_formatted: to,
      trunk_sid: null,
      uri,
    },
  };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The `language` of a call's TwiML `<Say>`. */
function twimlLanguage(request: Readonly<Record<string, unknown>>): string | undefined {
  const twiml = stringField(request.Twiml);
  if (twiml === undefined) return undefined;
  const document = readTwiml(twiml);
  if (typeof document === 'string') return undefined;
  const say = document.children.find((child) => child.name === 'Say');
  return stringField(say?.attributes.language);
}

/** Twilio's Messages and Calls endpoints (API version 2010-04-01). */
export const twilioSimulator = defineSimulatedProvider({
  name: 'twilio',
  credentials: twilioCredentials,
  actionSecrets: twilioActionSecrets,
  spokenLanguage: twimlLanguage,
  routes: [
    { method: 'POST', path: messagesRoute, channel: 'sms', handle: createMessage },
    { method: 'POST', path: callsRoute, channel: 'voice', handle: createCall },
  ],
  errorResponse: errorForKind,
  codeResponse: (fault, request) => {
    const code = Number(fault.code);
    return Number.isInteger(code)
      ? codeAnswer(code, request, fault.status)
      : twilioErrorBody(fault.status ?? 400, 0, String(fault.code));
  },
});
