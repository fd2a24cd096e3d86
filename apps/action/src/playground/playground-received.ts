import type { SimulatedMessage, Simulator } from '@mfa-sms/simulator';

/** One execution of the playground, as it prints it. */
export interface Row {
  scenario: string;
  entry: string;
  outcome: string;
  log: string;
  received: string;
}

// Long texts are shortened, but a last line (the origin-bound one) is what a reader looks for.
function shortText(text: string): string {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const head = first.length > 48 ? `${first.slice(0, 48)}…` : first;
  return lines.length > 1 ? `${head} ⏎ ${lines.slice(1).join(' ⏎ ')}` : head;
}

/** What the providers received and refused, in a line. */
export function describeReceived(
  messages: readonly SimulatedMessage[],
  requests: Simulator['requests'],
): string {
  const sent = messages.map(
    (message) => `${message.provider}/${message.channel}: "${shortText(message.text)}"`,
  );
  const failed = requests
    .filter((request) => request.outcome !== 'accepted')
    .map((request) => `${request.provider}: ${request.outcome}${request.status ? ` ${request.status}` : ''}`);
  return [...failed, ...sent].join('; ') || 'nothing';
}
