export const label = 'tmp provider varying timeout';
export const endpoint = 'twilio';
export function load(require) { return { core: require('@mfa-sms/core'), twilio: require('@mfa-sms/twilio') }; }
export function create({ core, twilio }, target) {
  const { accountSid, authToken, from } = target.twilio;
  return { core, i: 0, provider: twilio.createTwilio({ accountSid, authToken, from, baseUrl: target.url }) };
}
export async function send(c, message) {
  c.i++;
  const r = await c.provider.send({ to: message.to, text: message.text, channel: 'sms', code: message.code }, { timeoutMs: 14000 + (c.i % 1000) });
  return r.id;
}
