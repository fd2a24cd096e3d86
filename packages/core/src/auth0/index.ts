// Auth0's own shapes (events, api, the legacy Hook) and their translation into a DeliveryRequest.
export {
  channelOfDeliveryMethod,
  fromCustomPhoneProviderEvent,
  fromHook,
  fromSendPhoneMessageEvent,
} from './auth0-adapters.js';
export type {
  Auth0Cache,
  Auth0CacheResult,
  Auth0Client,
  Auth0Connection,
  Auth0Organization,
  Auth0Secrets,
  CustomPhoneProviderApi,
  CustomPhoneProviderEvent,
  HookCallback,
  HookContext,
  SendPhoneMessageApi,
  SendPhoneMessageEvent,
  SendPhoneMessageHook,
} from './auth0-types.js';
