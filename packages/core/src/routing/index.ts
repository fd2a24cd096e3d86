// For users of the router: createRouter with fail-over and deadline, the guard that refuses a
// number before any request, and the velocity limits.
export type { GuardOptions } from './guard.js';
export { createGuard } from './guard.js';
export type { HealthOptions } from './health.js';
export { defaultHealth, parseHealth, resolveHealth } from './health.js';
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
export { createRouter } from './router.js';
export type {
  CheckedSendOptions,
  RoutedSendResult,
  Router,
  RouterOptions,
  RouterSendOptions,
} from './router-options.js';
export { checkedProviders } from './router-options.js';
