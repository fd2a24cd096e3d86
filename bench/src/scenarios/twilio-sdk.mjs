// The official twilio SDK, sending through its own RequestClient (axios with keep-alive). Only the
// origin changes: every request is for https://api.twilio.com or this throws, so nothing can leave
// the machine, and the request goes to the loopback target with an http agent configured like the
// https agent the SDK built for itself.
export const label = 'twilio SDK';
export const endpoint = 'twilio';

const twilioOrigin = 'https://api.twilio.com';

export function load(require) {
  return { twilio: require('twilio'), http: require('node:http') };
}

export function create({ twilio, http }, target) {
  const { accountSid, authToken, from } = target.twilio;
  const requestClient = new twilio.RequestClient({ keepAlive: true });
  const httpsAgent = requestClient.axios.defaults.httpsAgent;
  requestClient.axios.defaults.httpAgent = new http.Agent({
    keepAlive: httpsAgent.keepAlive,
    keepAliveMsecs: httpsAgent.keepAliveMsecs,
    maxSockets: httpsAgent.maxSockets,
    maxTotalSockets: httpsAgent.maxTotalSockets,
    maxFreeSockets: httpsAgent.maxFreeSockets,
    timeout: httpsAgent.options.timeout,
  });
  const loopbackClient = {
    request(options) {
      const uri = new URL(options.uri);
      if (uri.origin !== twilioOrigin) {
        throw new Error(
          `the twilio SDK asked for ${uri.origin}; only ${twilioOrigin} is redirected to loopback`,
        );
      }
      return requestClient.request({ ...options, uri: `${target.url}${uri.pathname}${uri.search}` });
    },
  };
  return { client: twilio(accountSid, authToken, { httpClient: loopbackClient }), from };
}

export async function send({ client, from }, message) {
  const created = await client.messages.create({ to: message.to, from, body: message.text });
  return created.sid;
}
