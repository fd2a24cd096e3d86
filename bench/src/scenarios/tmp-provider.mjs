export const label = 'tmp provider only';
export const endpoint = 'twilio';
export function load(require) { return { core: require('@mfa-sms/core'), twilio: require('@mfa-sms/twilio') }; }
export function create({ core, twilio }, target) {
  const { accountSid, authToken, from } = target.twilio;
  return { core, provider: twilio.createTwilio({ accountSid, authToken, from, baseUrl: target.url }) };
}
export async function send({ provider }, message) {
  const r = await provider.send({ to: message.to, text: message.text, channel: 'sms', code: message.code });
  return r.id;
}
