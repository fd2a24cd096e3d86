import type { PhoneMessage, Provider } from '../contract/types.js';
import { createSenderResolver } from '../sender/sender-map.js';

// Every step of a send that reads the number's country, switched on: a route per country, a
// country allow list, a per-country velocity limit, and a provider whose sender map has a sender
// per country, asked in `cannotSend` and again in `send`, as the provider packages do.
export const countryPolicy = {
  routes: { GB: ['mapped'], '*': ['mapped'] },
  guard: { allowedCountries: ['GB', 'FR'] },
  limits: { country: { count: 100, windowMs: 60_000 } },
};

export function mappedProvider() {
  const senders = createSenderResolver(
    { GB: '+447700900001', FR: '+33700000001' },
    { provider: 'mapped', label: 'Mapped', required: { sms: true, voice: true } },
  );
  const sent: { message: PhoneMessage; from: string | undefined }[] = [];
  const provider: Provider = {
    name: 'mapped',
    channels: ['sms'],
    cannotSend: (message) => senders(message).problem,
    async send(message) {
      const choice = senders(message);
      if (choice.problem) throw choice.problem;
      sent.push({ message, from: choice.sender });
      return { provider: 'mapped', channel: 'sms', id: `id-${sent.length}`, to: message.to };
    },
  };
  return { provider, sent };
}
