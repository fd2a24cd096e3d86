import { isSenderId } from '@mfa-sms/core';
import type { TwilioCredentials } from './credentials.js';
import type { ErrorKind } from './faults.js';
import {
  randomHex,
  readBasicAuth,
  readForm,
  type SimulatedProvider,
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
} from './simulated-provider.js';

const apiVersion = '2010-04-01';
const messagesRoute = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const callsRoute = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\.json$/;

// The patterns of the OpenAPI description (twilio_api_v2010.json, CreateMessage and CreateCall).
const accountSidPattern = /^AC[0-9a-fA-F]{32}$/;
const messagingServiceSidPattern = /^MG[0-9a-fA-F]{32}$/;
const applicationSidPattern = /^AP[0-9a-fA-F]{32}$/;
const e164 = /^\+[1-9]\d{1,14}$/;
const voiceEndpoint = /^(?:\+[1-9]\d{1,14}|client:[\w.-]{1,128}|sip:\S{3,255})$/;

const maxBodyLength = 1600;
const maxTwimlLength = 4000;

/** Twilio's error body: `{code, message, more_info, status}`. */
export function twilioErrorBody(status: number, code: number, message: string): SimulatorResponse {
  return {
    status,
    ...(status === 401 ? { headers: { 'www-authenticate': 'Basic realm="Twilio API"' } } : {}),
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  };
}

function fieldsOf(request: SimulatorRequest): Record<string, string> {
  return readForm(request.body);
}

/** The HTTP status and wording Twilio uses for the codes the simulator can be asked for. */
const knownCodes: Readonly<
  Record<number, { status: number; message: (fields: Record<string, string>, path: string) => string }>
> = {
  10001: { status: 401, message: () => 'Account is not active' },
  13224: {
    status: 400,
    message: (fields) => `The phone number you are attempting to call, ${fields.To ?? ''}, is not valid.`,
  },
  13227: { status: 400, message: (fields) => `No international authorization to call ${fields.To ?? ''}.` },
  20003: { status: 401, message: () => 'Authenticate' },
  20004: { status: 405, message: () => 'Method not allowed' },
  20005: { status: 401, message: () => 'Account not active' },
  20404: { status: 404, message: (_fields, path) => `The requested resource ${path} was not found` },
  20429: { status: 429, message: () => 'Too Many Requests' },
  20500: { status: 500, message: () => 'Internal Server Error' },
  20503: { status: 503, message: () => 'Service Unavailable' },
  21210: {
    status: 400,
    message: (fields) =>
      `The source phone number provided, ${fields.From ?? ''}, is not yet verified for your account.`,
  },
  21211: {
    status: 400,
    message: (fields) => `The 'To' number ${fields.To ?? ''} is not a valid phone number.`,
  },
  21212: {
    status: 400,
    message: (fields) =>
      `The 'From' number ${fields.From ?? ''} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
  },
  21215: {
    status: 400,
    message: (fields) =>
      `Account not authorized to call ${fields.To ?? ''}. Perhaps you need to enable some international permissions.`,
  },
  21408: {
    status: 400,
    message: (fields) =>
      `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${fields.To ?? ''}.`,
  },
  21606: {
    status: 400,
    message: (fields) =>
      `The 'From' phone number provided (${fields.From ?? ''}) is not a valid message-capable Twilio phone number for this destination.`,
  },
  21608: {
    status: 400,
    message: (fields) =>
      `The number ${fields.To ?? ''} is unverified. Trial accounts cannot send messages to unverified numbers.`,
  },
  21610: { status: 400, message: () => 'Attempt to send to unsubscribed recipient' },
  21612: {
    status: 400,
    message: (fields) =>
      `The 'To' phone number: ${fields.To ?? ''}, is not currently reachable using the 'From' phone number via SMS.`,
  },
  21614: { status: 400, message: (fields) => `'To' number ${fields.To ?? ''} is not a valid mobile number` },
  21635: { status: 400, message: (fields) => `'To' number ${fields.To ?? ''} cannot be a landline` },
  21659: {
    status: 400,
    message: (fields) =>
      `'From' ${fields.From ?? ''} is not a Twilio phone number or Short Code country mismatch`,
  },
  21660: {
    status: 400,
    message: (fields) => `Mismatch between the 'From' number ${fields.From ?? ''} and the account`,
  },
};

function codeAnswer(code: number, request: SimulatorRequest, status?: number): SimulatorResponse {
  const known = knownCodes[code];
  const fields = fieldsOf(request);
  return twilioErrorBody(
    status ?? known?.status ?? 400,
    code,
    known?.message(fields, request.path) ?? `Twilio error ${code}`,
  );
}

export function errorForKind(
  fault: { kind: ErrorKind; status?: number; retryAfter?: number },
  request: SimulatorRequest,
  route: SimulatorRoute,
): SimulatorResponse {
  switch (fault.kind) {
    case 'invalid-number':
      return codeAnswer(21211, request, fault.status);
    case 'auth':
      return codeAnswer(20003, request, fault.status);
    // Twilio answers a request from an account that ran out of funds with 20005 "Account not active".
    case 'no-credit':
      return codeAnswer(20005, request, fault.status);
    case 'rate-limit': {
      const answer = codeAnswer(20429, request, fault.status);
      return fault.retryAfter === undefined
        ? answer
        : { ...answer, headers: { ...answer.headers, 'retry-after': String(fault.retryAfter) } };
    }
    case 'unavailable':
      return codeAnswer(20500, request, fault.status);
    case 'transient':
      return codeAnswer(20503, request, fault.status);
    case 'not-found':
      return codeAnswer(20404, request, fault.status);
    case 'method-not-allowed':
      return codeAnswer(20004, request, fault.status);
    case 'bad-request':
      return route.channel === 'sms'
        ? twilioErrorBody(fault.status ?? 400, 21602, 'Message body is required.')
        : twilioErrorBody(
            fault.status ?? 400,
            21205,
            "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required.",
          );
  }
}

/** Basic authentication as Twilio checks it, and the account in the path. */
export function authenticate(
  request: SimulatorRequest,
  credentials: TwilioCredentials,
  pathAccountSid: string,
): SimulatorResponse | undefined {
  const auth = readBasicAuth(request.headers);
  const byToken = auth?.username === credentials.accountSid && auth.password === credentials.authToken;
  const byKey = auth?.username === credentials.apiKeySid && auth.password === credentials.apiKeySecret;
  if (!byToken && !byKey) return twilioErrorBody(401, 20003, 'Authenticate');
  if (!accountSidPattern.test(pathAccountSid)) {
    return twilioErrorBody(
      404,
      20404,
      `The requested resource /${apiVersion}/Accounts/${pathAccountSid} was not found`,
    );
  }
  // Credentials of one account cannot act on another.
  if (pathAccountSid !== credentials.accountSid) return twilioErrorBody(401, 20003, 'Authenticate');
  return undefined;
}

function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

// GSM 03.38: the basic set (one septet) and the extension table (two septets each).
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtension = new Set('\f^{}\\[~]|€');

/** Segments Twilio would bill for a body: GSM-7 when every character allows it, else UCS-2. */
export function twilioSegmentCount(body: string): number {
  let septets = 0;
  let gsm = true;
  for (const character of body) {
    if (gsmBasic.has(character)) septets += 1;
    else if (gsmExtension.has(character)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  return body.length <= 70 ? 1 : Math.ceil(body.length / 67);
}

/** An element of a TwiML document. */
export interface TwimlElement {
  name: string;
  attributes: Record<string, string>;
  children: TwimlElement[];
  text: string;
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(value: string): string | undefined {
  let failed = false;
  const decoded = value.replace(/&([^;&\s]{0,10});?/g, (whole, entity: string) => {
    if (!whole.endsWith(';')) failed = true;
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16) || 0xfffd);
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10) || 0xfffd);
    const known = entities[entity];
    if (known === undefined) failed = true;
    return known ?? whole;
  });
  return failed ? undefined : decoded;
}

/**
 * Reads a TwiML document as strictly as an XML parser would (a stray `&` or `<`, an unclosed or
 * mismatched tag, a DOCTYPE are errors), so that a request Twilio would refuse is refused here.
 */
export function readTwiml(source: string): TwimlElement | string {
  const root: TwimlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<!|<\/([A-Za-z][\w.-]*)\s*>|<([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|[^<]+/gy;
  for (const match of source.matchAll(token)) {
    const current = stack[stack.length - 1] as TwimlElement;
    const [whole, cdata, closing, opening, attributes, selfClosing] = match;
    if (whole.startsWith('<?') || whole.startsWith('<!--')) continue;
    if (cdata !== undefined) {
      current.text += cdata;
    } else if (whole === '<!') {
      return 'a DOCTYPE or declaration is not allowed';
    } else if (closing !== undefined) {
      if (current.name !== closing || stack.length < 2) return `unexpected closing tag </${closing}>`;
      stack.pop();
    } else if (opening !== undefined) {
      const element: TwimlElement = { name: opening, attributes: {}, children: [], text: '' };
      for (const attribute of (attributes ?? '').matchAll(
        /([A-Za-z][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
      )) {
        const value = decodeText(attribute[2] ?? attribute[3] ?? '');
        if (value === undefined) return `attribute ${attribute[1]} has an invalid entity`;
        element.attributes[attribute[1] as string] = value;
      }
      current.children.push(element);
      if (selfClosing !== '/') stack.push(element);
    } else if (whole === '<') {
      return 'a "<" does not start a tag';
    } else {
      const text = decodeText(whole);
      if (text === undefined) return 'a "&" does not start an entity';
      current.text += text;
    }
  }
  if (stack.length !== 1) return `<${stack[stack.length - 1]?.name}> is not closed`;
  if (root.children.length !== 1 || root.text.trim() !== '') return 'expected exactly one root element';
  const document = root.children[0] as TwimlElement;
  if (document.name !== 'Response') return `the root element is <${document.name}>, not <Response>`;
  return document;
}

function spokenText(element: TwimlElement): string {
  return element.children
    .filter((child) => child.name === 'Say')
    .map((say) => say.text.trim())
    .join(' ');
}

function createMessage(
  request: SimulatorRequest,
  context: Parameters<SimulatorRoute['handle']>[1],
): SimulatorResponse {
  const accountSid = messagesRoute.exec(request.path)?.[1] ?? '';
  const denied = authenticate(request, context.credentials.twilio, accountSid);
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
  // The rule every provider package applies, from the providers' docs.
  if (from !== undefined && !isSenderId(from)) {
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
      num_segments: viaService ? '0' : String(twilioSegmentCount(body)),
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
  context: Parameters<SimulatorRoute['handle']>[1],
): SimulatorResponse {
  const accountSid = callsRoute.exec(request.path)?.[1] ?? '';
  const denied = authenticate(request, context.credentials.twilio, accountSid);
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

/** Twilio's Messages and Calls endpoints (API version 2010-04-01). */
export const twilioSimulator: SimulatedProvider = {
  name: 'twilio',
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
};
