export type {
  ManagementRequest,
  ManagementSimulator,
  ManagementSimulatorOptions,
} from './management-simulator.js';
export { managementScopes, startManagementSimulator } from './management-simulator.js';
export type {
  ManagementTenant,
  StoredAction,
  StoredBinding,
  StoredPhoneProvider,
  StoredVersion,
} from './management-tenant.js';
