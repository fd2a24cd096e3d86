// The Auth0 Action as Auth0 runs it: apps/action/dist/action.cjs required in a fresh process, its
// providers built from the event's secrets on the first execution, one `send-phone-message`
// execution per message.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asTyped } from './messages.mjs';

export const label = 'mfa-sms Action (dist/action.cjs)';
export const endpoint = 'twilio';

const bundle = 'apps/action/dist/action.cjs';

export function missing(root) {
  return existsSync(fileURLToPath(new URL(bundle, root)))
    ? undefined
    : `${bundle} not built yet (npm run build --workspace apps/action)`;
}

export function load(require, root) {
  const action = require(fileURLToPath(new URL(bundle, root)));
  if (typeof action.onExecuteSendPhoneMessage !== 'function') {
    throw new Error(`${bundle} does not export onExecuteSendPhoneMessage`);
  }
  return action;
}

/** Auth0's `api.cache`: at most 20 entries per trigger, oldest dropped first. */
function actionCache() {
  const entries = new Map();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return { value: entry.value };
    },
    set(key, value, options = {}) {
      const expiresAt = options.expires_at ?? Date.now() + (options.ttl ?? 15 * 60_000);
      entries.delete(key);
      entries.set(key, { value, expiresAt });
      if (entries.size > 20) entries.delete(entries.keys().next().value);
      return { type: 'success' };
    },
    delete(key) {
      entries.delete(key);
      return { type: 'success' };
    },
  };
}

export function create(action, target) {
  const { accountSid, authToken, from } = target.twilio;
  return {
    action,
    api: { cache: actionCache() },
    secrets: {
      MFA_SMS_PROVIDERS: 'twilio',
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_FROM: from,
      TWILIO_BASE_URL: target.url,
      // The bench sends to 10,000 numbers of one range, which the default limits stop after 30:
      // the send path is measured here, the limit check in its own section.
      MFA_SMS_LIMITS: 'off',
    },
    executions: 0,
  };
}

export async function send(client, message) {
  client.executions += 1;
  const execution = client.executions;
  const event = {
    message_options: {
      recipient: asTyped(message.to),
      text: message.text,
      code: message.code,
      action: 'second-factor-authentication',
      message_type: 'sms',
    },
    request: {
      ip: '203.0.113.7',
      method: 'POST',
      language: 'fr-FR',
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64) mfa-sms-bench',
      hostname: 'bench.eu.auth0.com',
      geoip: {
        countryCode: 'FR',
        countryCode3: 'FRA',
        countryName: 'France',
        cityName: 'Paris',
        continentCode: 'EU',
        timeZone: 'Europe/Paris',
      },
    },
    user: {
      user_id: `auth0|bench${execution}`,
      email: `user${execution}@example.com`,
      phone_number: message.to,
      app_metadata: {},
      user_metadata: {},
    },
    client: { client_id: 'benchClientId0000000000000000000', name: 'mfa-sms bench', metadata: {} },
    tenant: { id: 'mfa-sms-bench' },
    transaction: { correlation_id: `bench-${execution}` },
    secrets: client.secrets,
  };
  await client.action.onExecuteSendPhoneMessage(event, client.api);
  return `execution ${execution}`;
}
