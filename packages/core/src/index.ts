export { createActionHandlers } from './action/action-handlers.js';
export type {
  ActionEventContext,
  ActionHandlers,
  ActionHandlersOptions,
  ActionPolicy,
  PolicyForEvent,
} from './action/action-policy.js';
export {
  fromCustomPhoneProviderEvent,
  fromHook,
  fromSendPhoneMessageEvent,
} from './auth0/auth0-adapters.js';
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
} from './auth0/auth0-types.js';
export type {
  Channel,
  DeliveryRequest,
  PhoneMessage,
  Provider,
  Purpose,
  SendOptions,
  SendResult,
} from './contract/types.js';
export type { MfaSmsErrorCode, MfaSmsErrorOptions, SendAttempt } from './errors/errors.js';
export { errorCodes, isMfaSmsError, isRetryableCode, MfaSmsError } from './errors/errors.js';
export { maskPhoneNumber } from './errors/redact.js';
export { normalizePhoneNumber, phoneNumberInfo } from './phone/phone-number.js';
export type { NormalizedPhoneNumber, NormalizeOptions, PhoneNumberType } from './phone/phone-number-types.js';
export { isSmsCapableType, phoneNumberTypes } from './phone/phone-number-types.js';
export type { Dispatcher } from './provider-kit/http.js';
export { closeHttpPools } from './provider-kit/http-pool.js';
export type { GuardOptions } from './routing/guard.js';
export { createGuard } from './routing/guard.js';
export type { HealthOptions } from './routing/health.js';
export { defaultHealth, parseHealth, resolveHealth } from './routing/health.js';
export type {
  VelocityLimit,
  VelocityLimiter,
  VelocityLimiterOptions,
  VelocityLimitName,
  VelocityLimits,
} from './routing/limits.js';
export {
  callingCodeOf,
  createVelocityLimiter,
  defaultVelocityLimits,
  numberRangeOf,
  parseVelocityLimits,
  resolveVelocityLimits,
} from './routing/limits.js';
export { createRouter } from './routing/router.js';
export type { RoutedSendResult, Router, RouterOptions, RouterSendOptions } from './routing/router-options.js';
export type { SenderIdKind } from './sender/sender-id.js';
export { isSenderId, senderIdKind } from './sender/sender-id.js';
export type { SenderOption } from './sender/sender-map.js';
export { alphanumericRefusedCountries } from './sender/sender-map.js';
export type { Auth0CacheStoreOptions } from './store/auth0-cache-store.js';
export { createAuth0CacheStore } from './store/auth0-cache-store.js';
export type { RedisClientLike, RedisStore, RedisStoreOptions } from './store/redis-store.js';
export { createRedisStore } from './store/redis-store.js';
export type { MemoryStoreOptions, Store, StoreHit } from './store/store.js';
export { createMemoryStore } from './store/store.js';
export type { StoreKeyer } from './store/store-keys.js';
export { checkStoreKey, createStoreKeyer, storeKeyerFor } from './store/store-keys.js';
export type { AutofillOptions } from './text/autofill.js';
export { appendAutofillLines, parseAutofillOptions } from './text/autofill.js';
export { toBcp47 } from './text/bcp47.js';
export type { CatalogMessageOptions } from './text/message-catalog.js';
export { defaultMessage, negotiateLanguage, supportedLanguages } from './text/message-catalog.js';
export type { SegmentCount } from './text/segments.js';
export { countSegments, isGsm7 } from './text/segments.js';
export { speakableCode, speakCodesInText } from './text/speakable-code.js';
export { renderTemplate } from './text/template.js';
