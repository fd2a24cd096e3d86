export const label = 'tmp provider + phoneNumberInfo';
export const endpoint = 'twilio';
export function load(require) { return { core: require('@mfa-sms/core'), twilio: require('@mfa-sms/twilio') }; }
export function create({ core, twilio }, target) {
  const { accountSid, authToken, from } = target.twilio;
  return { core, provider: twilio.createTwilio({ accountSid, authToken, from, baseUrl: target.url }) };
}
export async function send(c, message) {
  c.core.phoneNumberInfo(message.to).type;
  const r = await c.provider.send({ to: message.to, text: message.text, channel: 'sms', code: message.code });
  return r.id;
}
