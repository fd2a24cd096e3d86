export { createActionHandlers } from './action-handlers.js';
export type {
  ActionEventContext,
  ActionHandlers,
  ActionHandlersOptions,
  ActionPolicy,
  PolicyForEvent,
} from './action-policy.js';
export {
  fromCustomPhoneProviderEvent,
  fromHook,
  fromSendPhoneMessageEvent,
} from './auth0-adapters.js';
export type {
  Auth0Cache,
  Auth0CacheResult,
  Auth0Secrets,
  CustomPhoneProviderApi,
  CustomPhoneProviderEvent,
  HookCallback,
  HookContext,
  SendPhoneMessageApi,
  SendPhoneMessageEvent,
  SendPhoneMessageHook,
} from './auth0-types.js';
export type { AutofillOptions } from './autofill.js';
export { appendAutofillLines, parseAutofillOptions } from './autofill.js';
export { toBcp47 } from './bcp47.js';
export type { MfaSmsErrorCode, MfaSmsErrorOptions, SendAttempt } from './errors.js';
export { errorCodes, isMfaSmsError, isRetryableCode, MfaSmsError } from './errors.js';
export type { GuardOptions } from './guard.js';
export { createGuard } from './guard.js';
export type { HealthOptions } from './health.js';
export { defaultHealth, parseHealth, resolveHealth } from './health.js';
export type { Dispatcher } from './http.js';
export { closeHttpPools } from './http-pool.js';
export type {
  VelocityLimit,
  VelocityLimiter,
  VelocityLimiterOptions,
  VelocityLimitName,
  VelocityLimits,
} from './limits.js';
export {
  callingCodeOf,
  createVelocityLimiter,
  defaultVelocityLimits,
  numberRangeOf,
  parseVelocityLimits,
  resolveVelocityLimits,
} from './limits.js';
export type { CatalogMessageOptions } from './message-catalog.js';
export { defaultMessage, negotiateLanguage, supportedLanguages } from './message-catalog.js';
export { normalizePhoneNumber, phoneNumberInfo } from './phone-number.js';
export type { NormalizedPhoneNumber, NormalizeOptions, PhoneNumberType } from './phone-number-types.js';
export { isSmsCapableType, phoneNumberTypes } from './phone-number-types.js';
export { maskPhoneNumber } from './redact.js';
export type { RedisClientLike, RedisStore, RedisStoreOptions } from './redis-store.js';
export { createRedisStore } from './redis-store.js';
export type { RoutedSendResult, Router, RouterOptions, RouterSendOptions } from './router.js';
export { createRouter } from './router.js';
export type { SegmentCount } from './segments.js';
export { countSegments, isGsm7 } from './segments.js';
export type { SenderIdKind } from './sender-id.js';
export { isSenderId, senderIdKind } from './sender-id.js';
export type { SenderOption } from './sender-map.js';
export { alphanumericRefusedCountries } from './sender-map.js';
export { speakableCode, speakCodesInText } from './speakable-code.js';
export type { MemoryStoreOptions, Store, StoreHit } from './store.js';
export { createAuth0CacheStore, createMemoryStore } from './store.js';
export type { StoreKeyer } from './store-keys.js';
export { createStoreKeyer, storeKeyerFor } from './store-keys.js';
export { renderTemplate } from './template.js';
export type {
  Channel,
  DeliveryRequest,
  PhoneMessage,
  Provider,
  Purpose,
  SendOptions,
  SendResult,
} from './types.js';
