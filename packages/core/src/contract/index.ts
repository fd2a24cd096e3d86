// The shapes every package agrees on (Provider, PhoneMessage, SendResult, DeliveryRequest) and
// how options are checked against a schema (parseOptions).
export type { Schema, SchemaIssue } from './options.js';
export { lazySchema, parseOptions, providerOption } from './options.js';
export type {
  Channel,
  DeliveryRequest,
  PhoneMessage,
  Provider,
  Purpose,
  SendOptions,
  SendResult,
} from './types.js';
