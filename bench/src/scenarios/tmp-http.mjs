export const label = 'tmp http only';
export const endpoint = 'twilio';
export function load(require) { return { core: require('@mfa-sms/core') }; }
export function create({ core }, target) {
  const { accountSid, authToken, from } = target.twilio;
  const http = core.createHttpClient({ provider: 'twilio', label: 'Twilio', baseUrl: target.url, headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } });
  return { http, path: `/2010-04-01/Accounts/${accountSid}/Messages.json`, from };
}
export async function send(c, message) {
  const r = await c.http.request({ path: c.path, body: new URLSearchParams({ To: message.to, From: c.from, Body: message.text }).toString() });
  return JSON.parse(r.body).sid;
}
