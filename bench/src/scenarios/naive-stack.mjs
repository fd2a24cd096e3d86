// Our dependencies loaded the obvious way (each package's main entry from node_modules, used at
// face value): what the Action would cost if its cold path were inherited rather than designed.
export const label = 'undici + zod + libphonenumber-js, naive';
export const endpoint = 'twilio';

export function load(require) {
  return { undici: require('undici'), zod: require('zod'), phone: require('libphonenumber-js') };
}

export function create({ undici, zod, phone }, target) {
  const { z } = zod;
  const settings = z
    .object({
      accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
      authToken: z.string().min(8),
      from: z.string().min(1),
      url: z.url(),
    })
    .parse({ ...target.twilio, url: target.url });
  return {
    pool: new undici.Pool(settings.url),
    phone,
    answerSchema: z.object({ sid: z.string().regex(/^SM/), status: z.string() }),
    path: `/2010-04-01/Accounts/${settings.accountSid}/Messages.json`,
    headers: {
      authorization: `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    from: settings.from,
  };
}

export async function send(client, message) {
  const number = client.phone.parsePhoneNumberFromString(message.to);
  if (!number?.isValid()) throw new Error('the recipient is not a valid phone number');
  const { statusCode, body } = await client.pool.request({
    method: 'POST',
    path: client.path,
    headers: client.headers,
    body: new URLSearchParams({ To: number.number, From: client.from, Body: message.text }).toString(),
  });
  const answer = await body.json();
  if (statusCode !== 201) throw new Error(`Twilio simulator answered ${statusCode}: ${answer.message}`);
  return client.answerSchema.parse(answer).sid;
}

export function close(client) {
  return client.pool.close();
}
