export type {
  AwsCredentials,
  EsendexCredentials,
  MittoCredentials,
  ProviderName,
  SimulatorCredentials,
  SimulatorCredentialsInput,
  TwilioCredentials,
  VonageCredentials,
} from './credentials.js';
export { resolveCredentials } from './credentials.js';
export type { ErrorKind, FailOptions, Fault, FaultName } from './faults.js';
export { errorKinds, toFault } from './faults.js';
export type { PanelFaultName } from './inbox/inbox-faults.js';
export type { InboxMessage } from './inbox/inbox-message.js';
export type { FailedRequestView, PendingFaultView } from './inbox/inbox-server.js';
export type {
  ManagementRequest,
  ManagementSimulator,
  ManagementSimulatorOptions,
  ManagementTenant,
  StoredAction,
  StoredBinding,
  StoredPhoneProvider,
  StoredVersion,
} from './management/index.js';
export { managementScopes, startManagementSimulator } from './management/index.js';
export { builtInProviders } from './providers/index.js';
export type {
  Credentials,
  SimulatedMessage,
  SimulatedProvider,
  SimulatedRequest,
  SimulatorContext,
  SimulatorEndpoint,
  SimulatorRequest,
  SimulatorResponse,
  SimulatorRoute,
} from './simulated-provider.js';
export {
  defineSimulatedProvider,
  randomHex,
  readBasicAuth,
  readBearer,
  readForm,
  readJson,
} from './simulated-provider.js';
export type { Simulator, SimulatorOptions } from './simulator.js';
export { startSimulatorWith } from './simulator.js';
export { startSimulator } from './start-simulator.js';
