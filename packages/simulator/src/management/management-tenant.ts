import { randomUUID } from 'node:crypto';

/** One secret as the tenant keeps it; the API never returns `value`. */
export interface StoredSecret {
  name: string;
  value: string;
  updated_at: string;
}

export interface StoredDependency {
  name: string;
  version: string;
  registry_url?: string;
}

/** The editable draft of an Action. */
export interface StoredAction {
  id: string;
  name: string;
  supported_triggers: { id: string; version: string }[];
  code: string;
  dependencies: StoredDependency[];
  runtime: string;
  secrets: StoredSecret[];
  created_at: string;
  updated_at: string;
  /** When the draft's build finishes (ms since the epoch): `pending`, then `building`, until then. */
  builtAt: number;
  all_changes_deployed: boolean;
}

/** An immutable deployed version. */
export interface StoredVersion {
  id: string;
  action_id: string;
  number: number;
  code: string;
  dependencies: StoredDependency[];
  runtime: string;
  secrets: StoredSecret[];
  deployed: boolean;
  created_at: string;
}

export interface StoredBinding {
  id: string;
  trigger_id: string;
  action_id: string;
  display_name: string;
  created_at: string;
  updated_at: string;
}

export interface StoredPhoneProvider {
  id: string;
  name: 'twilio' | 'custom';
  channel: 'phone';
  disabled: boolean;
  configuration: Record<string, unknown>;
  credentials: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** Everything the fake tenant holds; tests read it to check what a deploy did. */
export interface ManagementTenant {
  actions: StoredAction[];
  versions: StoredVersion[];
  bindings: Record<string, StoredBinding[]>;
  phoneProviders: StoredPhoneProvider[];
}

export function createTenant(): ManagementTenant {
  return { actions: [], versions: [], bindings: {}, phoneProviders: [] };
}

export function newId(prefix = ''): string {
  return `${prefix}${randomUUID()}`;
}

export function buildStatus(action: StoredAction, now = Date.now()): 'pending' | 'building' | 'built' {
  if (now >= action.builtAt) return 'built';
  // The first half of the wait reads `pending`, the second `building`, as Auth0's build queue does.
  return action.builtAt - now > (action.builtAt - Date.parse(action.updated_at)) / 2 ? 'pending' : 'building';
}

function secretViews(secrets: readonly StoredSecret[]) {
  return secrets.map(({ name, updated_at }) => ({ name, updated_at }));
}

export function versionView(version: StoredVersion, action: StoredAction) {
  return {
    id: version.id,
    action_id: version.action_id,
    number: version.number,
    code: version.code,
    dependencies: version.dependencies,
    runtime: version.runtime,
    secrets: secretViews(version.secrets),
    deployed: version.deployed,
    status: 'built',
    created_at: version.created_at,
    updated_at: version.created_at,
    built_at: version.created_at,
    errors: [],
    supported_triggers: action.supported_triggers,
    action: { id: action.id, name: action.name, supported_triggers: action.supported_triggers },
  };
}

export function actionView(action: StoredAction, tenant: ManagementTenant) {
  const deployed = tenant.versions.find((version) => version.action_id === action.id && version.deployed);
  const status = buildStatus(action);
  return {
    id: action.id,
    name: action.name,
    supported_triggers: action.supported_triggers,
    all_changes_deployed: action.all_changes_deployed,
    created_at: action.created_at,
    updated_at: action.updated_at,
    code: action.code,
    dependencies: action.dependencies,
    runtime: action.runtime,
    secrets: secretViews(action.secrets),
    status,
    ...(status === 'built' ? { built_at: new Date(action.builtAt).toISOString() } : {}),
    ...(deployed ? { deployed_version: versionView(deployed, action) } : {}),
  };
}

export function bindingView(binding: StoredBinding, tenant: ManagementTenant) {
  const action = tenant.actions.find((candidate) => candidate.id === binding.action_id);
  return {
    id: binding.id,
    trigger_id: binding.trigger_id,
    display_name: binding.display_name,
    created_at: binding.created_at,
    updated_at: binding.updated_at,
    action: action
      ? { id: action.id, name: action.name, supported_triggers: action.supported_triggers }
      : { id: binding.action_id },
  };
}

export function phoneProviderView(provider: StoredPhoneProvider, tenantId: string) {
  const { credentials: _hidden, ...visible } = provider;
  return { ...visible, tenant: tenantId };
}

/** Replaces the draft's secrets as Auth0 does: the list given is the whole list. */
export function replaceSecrets(
  previous: readonly StoredSecret[],
  given: readonly { name: string; value?: string | undefined }[],
  now: string,
): StoredSecret[] {
  return given.map((secret) => {
    const earlier = previous.find((candidate) => candidate.name === secret.name);
    // A secret sent without a value keeps the value it had (Auth0's editor does this).
    if (secret.value === undefined) return earlier ?? { name: secret.name, value: '', updated_at: now };
    if (earlier && earlier.value === secret.value) return earlier;
    return { name: secret.name, value: secret.value, updated_at: now };
  });
}

/** Makes `version` the one deployed version of its Action. */
export function markDeployed(tenant: ManagementTenant, version: StoredVersion): void {
  for (const other of tenant.versions) if (other.action_id === version.action_id) other.deployed = false;
  version.deployed = true;
}

export function nextVersionNumber(tenant: ManagementTenant, actionId: string): number {
  let highest = 0;
  for (const version of tenant.versions)
    if (version.action_id === actionId) highest = Math.max(highest, version.number);
  return highest + 1;
}
