import {
  defineSimulatedProvider,
  randomHex,
  readForm,
  type SimulatorContext,
  type SimulatorRequest,
  type SimulatorResponse,
} from '../../simulated-provider.js';
import { type TwilioCredentials, twilioCredentials } from './twilio-credentials.js';
import { twilioSimulator } from './twilio-simulator.js';
import { authenticate, errorForKind, twilioErrorBody } from './twilio-simulator-errors.js';

// Verify lives on its own host (verify.twilio.com); its path does not collide with the 2010 API's,
// so one simulator address serves as the base URL of both.
const verificationsRoute = /^\/v2\/Services\/([^/]+)\/Verifications$/;
const serviceSidPattern = /^VA[0-9a-fA-F]{32}$/;
const e164 = /^\+[1-9]\d{1,14}$/;
const customCode = /^[0-9A-Za-z]{4,10}$/;
const channels = new Set(['sms', 'call', 'whatsapp', 'email', 'sna', 'auto']);
const deliverable = new Set(['sms', 'call']);
const locales = new Set(
  'af ar ca cs da de el en en-GB es fi fr he hi hr hu id it ja ko ms nb nl pl pt pt-BR ro ru sv th tl tr vi zh zh-CN zh-HK'.split(
    ' ',
  ),
);

/** Verify's own error codes the simulator can be asked for, with Twilio's HTTP status and wording. */
const verifyCodes: Readonly<Record<number, { status: number; message: string }>> = {
  60200: { status: 400, message: 'Invalid parameter' },
  60203: { status: 429, message: 'Max send attempts reached' },
  60204: { status: 400, message: 'Service does not support this feature' },
  60205: { status: 400, message: 'SMS is not supported by landline phone number' },
  60212: { status: 429, message: 'Too many concurrent requests for phone number' },
  60223: { status: 400, message: 'Delivery channel disabled' },
  60238: { status: 403, message: 'Verification creation attempt blocked by Twilio' },
  60410: { status: 403, message: 'Verification delivery attempt blocked' },
  60605: { status: 403, message: 'Verification delivery attempt blocked' },
};

function invalidParameter(name: string): SimulatorResponse {
  return twilioErrorBody(400, 60200, `Invalid parameter: ${name}`);
}

function channelOf(request: SimulatorRequest): 'sms' | 'voice' {
  return readForm(request.body).Channel === 'call' ? 'voice' : 'sms';
}

function createVerification(
  request: SimulatorRequest,
  context: SimulatorContext<TwilioCredentials>,
): SimulatorResponse {
  const { credentials } = context;
  const denied = authenticate(request, credentials, credentials.accountSid);
  if (denied) return denied;
  const serviceSid = verificationsRoute.exec(request.path)?.[1] ?? '';
  if (!serviceSidPattern.test(serviceSid) || serviceSid !== credentials.verifyServiceSid) {
    return twilioErrorBody(
      404,
      20404,
      `The requested resource /Services/${serviceSid}/Verifications was not found`,
    );
  }
  const form = readForm(request.body);
  const to = form.To;
  if (to === undefined || !e164.test(to)) return invalidParameter('To');
  const channel = form.Channel;
  if (channel === undefined || !channels.has(channel)) return invalidParameter('Channel');
  if (!deliverable.has(channel)) return twilioErrorBody(400, 60223, 'Delivery channel disabled');
  const code = form.CustomCode;
  if (code !== undefined && !customCode.test(code)) return invalidParameter('CustomCode');
  if (form.Locale !== undefined && !locales.has(form.Locale)) return invalidParameter('Locale');
  // Without a custom code Verify would make its own, which Auth0 could not check: the simulator
  // plays a service with custom codes enabled and keeps the code it was given.
  const sid = `VE${randomHex(32)}`;
  const text = `Your verification code is: ${code ?? String(Math.floor(100_000 + Math.random() * 900_000))}`;
  context.record({ channel: channel === 'call' ? 'voice' : 'sms', id: sid, to, text, request: form });
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    status: 201,
    body: {
      sid,
      service_sid: serviceSid,
      account_sid: credentials.accountSid,
      to,
      channel,
      status: 'pending',
      valid: false,
      lookup: {},
      amount: null,
      payee: null,
      send_code_attempts: [{ time: now, channel, attempt_sid: `VL${randomHex(32)}` }],
      date_created: now,
      date_updated: now,
      sna: null,
      url: `https://verify.twilio.com/v2/Services/${serviceSid}/Verifications/${sid}`,
    },
  };
}

/** Twilio Verify's Verifications endpoint (API v2). Faults for `twilio` apply to it too. */
export const twilioVerifySimulator = defineSimulatedProvider({
  name: 'twilio',
  credentials: twilioCredentials,
  routes: [{ method: 'POST', path: verificationsRoute, channel: channelOf, handle: createVerification }],
  errorResponse: (fault, request, route) => {
    // Verify answers a bad number or body with its own 60200 rather than the 2010 API's codes.
    if (fault.kind === 'invalid-number') return { ...invalidParameter('To'), status: fault.status ?? 400 };
    if (fault.kind === 'bad-request') return { ...invalidParameter('Channel'), status: fault.status ?? 400 };
    return errorForKind(fault, request, route);
  },
  codeResponse: (fault, request, route) => {
    const code = Number(fault.code);
    const known = verifyCodes[code];
    if (known === undefined) return twilioSimulator.codeResponse(fault, request, route);
    return twilioErrorBody(fault.status ?? known.status, code, known.message);
  },
});
