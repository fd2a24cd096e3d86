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

/** The sender a provider would use: Auth0's From, else its sender secret for the destination. */
function senderOf(
  record: Recorded,
  secrets: Readonly<Record<string, string | undefined>>,
  load: PackageLoader,
): string {
  if (record.message.from) return `${record.message.from} (the Phone Template's From)`;
  for (const entry of (secrets.MFA_SMS_PROVIDERS ?? '').split(',')) {
    try {
      const plugin = loadPlugin(packageOfEntry(entry.trim().toLowerCase()), load);
      if (plugin.name !== record.provider) continue;
      const name = plugin.secrets.from?.find((candidate) => secrets[candidate]);
      if (name === undefined) return "the account's default sender (no sender secret set)";
      const parsed = parseSenderSecret(secrets[name]);
      if (typeof parsed === 'string') return `${parsed} (${name})`;
      const country = normalizePhoneNumber(record.message.to).country ?? '*';
      const sender = parsed?.[country] ?? parsed?.['*'];
      return sender ? `${sender} (${name}, for ${country})` : `none for ${country} in ${name}`;
    } catch {
      // An entry that does not load was reported by the run itself.
    }
  }
  return 'unknown';
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
  const senders = recorded.map((record) => ({
    provider: record.provider,
    sender: senderOf(record, secrets, load),
  }));
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
