// What the classic Auth0 "custom SMS provider with Twilio" guides have people paste: axios posting
// the form with Basic auth, axios left at its defaults.
export const label = 'axios (classic guide code)';
export const endpoint = 'twilio';

export function load(require) {
  return { axios: require('axios'), querystring: require('node:querystring') };
}

export function create(modules, target) {
  const { accountSid, authToken, from } = target.twilio;
  return {
    ...modules,
    url: `${target.url}/2010-04-01/Accounts/${accountSid}/Messages.json`,
    auth: { username: accountSid, password: authToken },
    from,
  };
}

export async function send(client, message) {
  const response = await client.axios.post(
    client.url,
    client.querystring.stringify({ Body: message.text, To: message.to, From: client.from }),
    { auth: client.auth },
  );
  return response.data.sid;
}
