// mfa-sms as a library: @mfa-sms/core's router in front of @mfa-sms/twilio, both from their built
// dist/ (CommonJS, as Auth0 loads code), dependencies from node_modules.
import { unbuilt } from '../lib/builds.mjs';

export const label = 'mfa-sms router + twilio (packages)';
export const endpoint = 'twilio';

const builds = ['packages/core/dist/index.cjs', 'packages/twilio/dist/index.cjs'];

export function missing(root) {
  return unbuilt(root, builds);
}

export function load(require) {
  const core = require('@mfa-sms/core');
  const twilio = require('@mfa-sms/twilio');
  if (typeof core.createRouter !== 'function' || typeof twilio.createTwilio !== 'function') {
    throw new Error(
      'the built @mfa-sms/core or @mfa-sms/twilio lacks createRouter/createTwilio: rebuild them',
    );
  }
  return { core, twilio };
}

export function create({ core, twilio }, target) {
  const { accountSid, authToken, from } = target.twilio;
  const provider = twilio.createTwilio({ accountSid, authToken, from, baseUrl: target.url });
  return { core, router: core.createRouter({ providers: [provider] }) };
}

export async function send({ router }, message) {
  const result = await router.send({
    to: message.to,
    text: message.text,
    channel: 'sms',
    code: message.code,
  });
  return result.id;
}

export function close({ core }) {
  return core.closeHttpPools?.();
}
