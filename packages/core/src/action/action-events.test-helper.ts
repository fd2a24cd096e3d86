import {
  type Auth0EventInput,
  createFakeAuth0Cache,
  customPhoneProviderApi,
  customPhoneProviderEvent,
  sendPhoneMessageEvent,
} from '@mfa-sms/simulator/auth0';

// The message these tests send, on the simulator's fake Auth0 runtime: a national number that the
// request's country (GB) completes, and a fixed code and correlation id that log lines show.
export const secrets = { TOKEN: 'token-value-that-is-secret' };
export const fixed = { code: '493817', text: 'Your code is 493817', secrets };
export const sendEvent = (input: Auth0EventInput = {}) =>
  sendPhoneMessageEvent({
    recipient: '07400 123456',
    language: 'de-DE',
    ...fixed,
    event: { transaction: { correlation_id: 'corr-123' } },
    ...input,
  });
export const customEvent = (recipient = '+447400123456') =>
  customPhoneProviderEvent({ recipient, ...fixed, event: { client: undefined } });
export const cache = () => createFakeAuth0Cache();
export const customApi = () => {
  const api = customPhoneProviderApi();
  return { api, calls: api.calls };
};
