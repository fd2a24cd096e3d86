import {
  type ActionHandlers,
  type Auth0Secrets,
  countSegments,
  createActionHandlers,
  MfaSmsError,
  maskPhoneNumber,
  normalizePhoneNumber,
  type PhoneMessage,
  type Provider,
} from '@mfa-sms/core';
import { createSenderResolver, type ProviderPlugin } from '@mfa-sms/core/provider';
import { packageOfEntry } from '../action/provider-entries.js';
import { loadPlugin, type PackageLoader } from '../action/provider-plugins.js';
import { policyFromSecrets } from '../action/secrets.js';
import { parseSenderSecret } from '../action/sender-secret.js';

/** What one provider would have been given, in the order the router would try them. */
export interface Recorded {
  provider: string;
  message: PhoneMessage;
}

// Each provider records the message and answers "not sent", retryably: the router then hands the
// same message to the next, so the record is the failover order with what each would send.
function recording(provider: Provider, recorded: Recorded[]): Provider {
  return {
    name: provider.name,
    channels: provider.channels,
    ...(provider.cannotSend ? { cannotSend: provider.cannotSend.bind(provider) } : {}),
    async send(message) {
      recorded.push({ provider: provider.name, message: { ...message } });
      throw new MfaSmsError({
        code: 'provider_unavailable',
        message: 'dry run: not sent',
        provider: provider.name,
      });
    },
  };
}

/** The Action's handlers with every provider replaced by a recorder: nothing leaves the machine. */
export function dryRunHandlers(load: PackageLoader): { handlers: ActionHandlers; recorded: Recorded[] } {
  const recorded: Recorded[] = [];
  const handlers = createActionHandlers((secrets) => {
    const policy = policyFromSecrets(secrets, load);
    const { providers } = policy;
    return {
      ...policy,
      providers:
        typeof providers === 'function'
          ? (given: Auth0Secrets) => providers(given).map((provider) => recording(provider, recorded))
          : providers.map((provider) => recording(provider, recorded)),
    };
  });
  return { handlers, recorded };
}

/**
 * The sender each provider would use, as its own resolver picks it (core's `createSenderResolver`:
 * Auth0's From where usable, else its sender secret for the destination, no name where networks
 * refuse one or for a call), with where it came from. Plugins are loaded once per dry run.
 */
function senderDescriber(
  secrets: Readonly<Record<string, string | undefined>>,
  load: PackageLoader,
): (record: Recorded) => string {
  const plugins = new Map<string, ProviderPlugin>();
  for (const entry of (secrets.MFA_SMS_PROVIDERS ?? '').split(',')) {
    try {
      const plugin = loadPlugin(packageOfEntry(entry.trim().toLowerCase()), load);
      plugins.set(plugin.name, plugin);
    } catch {
      // An entry that does not load was reported by the run itself.
    }
  }
  return (record) => {
    const plugin = plugins.get(record.provider);
    if (plugin === undefined) return 'unknown';
    const name = plugin.secrets.from?.find((candidate) => secrets[candidate]);
    const option = name === undefined ? undefined : parseSenderSecret(secrets[name]);
    const { sender } = createSenderResolver(option, {
      provider: plugin.name,
      label: plugin.name,
      required: { sms: false, voice: false },
    })(record.message);
    if (sender !== undefined && sender === record.message.from)
      return `${sender} (the Phone Template's From)`;
    if (typeof option === 'string' || option === undefined) {
      return sender === undefined
        ? `the account's default sender (${name === undefined ? 'no sender secret set' : `${name} is not usable here`})`
        : `${sender} (${name})`;
    }
    const country = normalizePhoneNumber(record.message.to).country ?? '*';
    return sender === undefined ? `none for ${country} in ${name}` : `${sender} (${name}, for ${country})`;
  };
}

/** What a dry run shows: the message as it would leave, without its one-time code. */
export function describeDryRun(
  recorded: readonly Recorded[],
  secrets: Readonly<Record<string, string | undefined>>,
  load: PackageLoader,
): { lines: string[]; json: Record<string, unknown> } {
  const first = recorded[0];
  if (!first) return { lines: ['dry run: no provider would be tried'], json: { providers: [] } };
  const { message } = first;
  const text = message.code
    ? message.text.split(message.code).join('•'.repeat(message.code.length))
    : message.text;
  const segments = message.channel === 'sms' ? countSegments(message.text) : undefined;
  const senderOf = senderDescriber(secrets, load);
  const senders = recorded.map((record) => ({ provider: record.provider, sender: senderOf(record) }));
  const lines = [
    `dry run: nothing sent to ${maskPhoneNumber(message.to)} (${message.channel})`,
    `  providers: ${recorded.map((record) => record.provider).join(' → ')} (the order they would be tried in)`,
    ...senders.map(({ provider, sender }) => `  sender:    ${provider}: ${sender}`),
    `  text:      "${text}"`,
    ...(segments
      ? [
          `  segments:  ${segments.segments} (${segments.encoding}, ${segments.units} ${segments.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units'})`,
        ]
      : []),
  ];
  return {
    lines,
    json: {
      to: maskPhoneNumber(message.to),
      channel: message.channel,
      providers: recorded.map((record) => record.provider),
      senders,
      text,
      ...(segments ? { segments } : {}),
    },
  };
}
