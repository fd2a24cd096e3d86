// Sender IDs: which kinds of sender a message may carry, and the sender chosen per country.
export type { SenderIdKind } from './sender-id.js';
export { isSenderId, senderIdKind, senderIdRule } from './sender-id.js';
export type { SenderChoice, SenderOption, SenderResolverOptions } from './sender-map.js';
export { alphanumericRefusedCountries, createSenderResolver, senderCountryKey } from './sender-map.js';
