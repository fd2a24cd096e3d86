// The floor: what the Twilio request costs with nothing but an undici keep-alive pool.
export const label = 'raw undici Pool';
export const endpoint = 'twilio';

export function load(require) {
  return require('undici');
}

export function create(undici, target) {
  const { accountSid, authToken, from } = target.twilio;
  return {
    pool: new undici.Pool(target.url),
    path: `/2010-04-01/Accounts/${accountSid}/Messages.json`,
    headers: {
      authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    from,
  };
}

export async function send(client, message) {
  const { statusCode, body } = await client.pool.request({
    method: 'POST',
    path: client.path,
    headers: client.headers,
    body: new URLSearchParams({ To: message.to, From: client.from, Body: message.text }).toString(),
  });
  const answer = await body.json();
  if (statusCode !== 201) throw new Error(`Twilio simulator answered ${statusCode}: ${answer.message}`);
  return answer.sid;
}

export function close(client) {
  return client.pool.close();
}
