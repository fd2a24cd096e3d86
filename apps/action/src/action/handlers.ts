import { type ActionHandlers, createActionHandlers } from '@mfa-sms/core';
import type { PackageLoader } from './provider-plugins.js';
import { policyFromSecrets } from './secrets.js';

/** The Action's handlers: core's composition, configured by the Action's secrets alone. */
export function createHandlers(load?: PackageLoader): ActionHandlers {
  return createActionHandlers((secrets) => policyFromSecrets(secrets, load));
}
