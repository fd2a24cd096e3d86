import { type ActionHandlers, createActionHandlers } from '@mfa-sms/core';
import { policyFromSecrets } from './secrets.js';

/** The Action's handlers: core's composition, configured by the Action's secrets alone. */
export function createHandlers(): ActionHandlers {
  return createActionHandlers(policyFromSecrets);
}
