// The official Vonage SMS SDK (node-fetch underneath), its REST host pointed at the loopback target.
export const label = '@vonage/sms SDK';
export const endpoint = 'vonage';

export function load(require) {
  return require('@vonage/sms');
}

export function create({ SMS }, target) {
  const { apiKey, apiSecret, from } = target.vonage;
  // A plain credentials object is turned into the SDK's own Auth by its client constructor.
  return { sms: new SMS({ apiKey, apiSecret }, { restHost: target.url }), from };
}

export async function send({ sms, from }, message) {
  // Vonage wants the number without the "+"; a failed message makes the SDK throw.
  const answer = await sms.send({ to: message.to.slice(1), from, text: message.text });
  return answer.messages[0].messageId;
}
