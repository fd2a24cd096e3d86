// For Auth0 Action authors: createActionHandlers, the whole Auth0 behaviour (policy, dedupe, logs),
// built on every other folder.
export { createActionHandlers } from './action-handlers.js';
export type {
  ActionEventContext,
  ActionHandlers,
  ActionHandlersOptions,
  ActionPolicy,
  PolicyForEvent,
} from './action-policy.js';
