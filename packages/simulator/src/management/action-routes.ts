import { createActionBody, deployVersionBody, knownTriggers, updateActionBody } from './management-bodies.js';
import {
  actionView,
  buildStatus,
  markDeployed,
  newId,
  nextVersionNumber,
  replaceSecrets,
  type StoredAction,
  type StoredVersion,
  versionView,
} from './management-tenant.js';
import { type ApiAnswer, apiError, now, parse, type RouteContext } from './route-helpers.js';

export function findAction(context: RouteContext): StoredAction | ApiAnswer {
  const action = context.tenant.actions.find((candidate) => candidate.id === context.params[0]);
  return action ?? apiError(404, 'The action does not exist.', 'action_not_found');
}

export function listActions(context: RouteContext): ApiAnswer {
  const name = context.url.searchParams.get('actionName');
  const trigger = context.url.searchParams.get('triggerId');
  const actions = context.tenant.actions.filter(
    (action) =>
      (name === null || action.name === name) &&
      (trigger === null || action.supported_triggers.some((candidate) => candidate.id === trigger)),
  );
  return {
    status: 200,
    body: {
      actions: actions.map((action) => actionView(action, context.tenant)),
      total: actions.length,
      page: 0,
      per_page: 50,
    },
  };
}

export function createAction(context: RouteContext): ApiAnswer {
  const parsed = parse(createActionBody, context.body);
  if (!parsed.ok) return parsed.answer;
  const body = parsed.value;
  const trigger = body.supported_triggers[0];
  if (!trigger || knownTriggers[trigger.id] !== trigger.version)
    return apiError(
      400,
      `Unknown trigger or trigger version: ${trigger?.id}@${trigger?.version}`,
      'invalid_body',
    );
  if (context.tenant.actions.some((action) => action.name === body.name))
    return apiError(409, `An action with the name '${body.name}' already exists.`, 'action_conflict');
  const created = now();
  const action: StoredAction = {
    id: newId(),
    name: body.name,
    supported_triggers: body.supported_triggers,
    code: body.code ?? '',
    dependencies: body.dependencies ?? [],
    runtime: body.runtime ?? 'node22',
    secrets: replaceSecrets([], body.secrets ?? [], created),
    created_at: created,
    updated_at: created,
    builtAt: Date.now() + context.buildDelayMs,
    all_changes_deployed: false,
  };
  context.tenant.actions.push(action);
  return { status: 201, body: actionView(action, context.tenant) };
}

export function updateAction(context: RouteContext): ApiAnswer {
  const action = findAction(context);
  if ('status' in action) return action;
  const parsed = parse(updateActionBody, context.body);
  if (!parsed.ok) return parsed.answer;
  const body = parsed.value;
  const updated = now();
  if (body.name !== undefined) action.name = body.name;
  if (body.supported_triggers !== undefined) action.supported_triggers = body.supported_triggers;
  if (body.code !== undefined) action.code = body.code;
  if (body.dependencies !== undefined) action.dependencies = body.dependencies;
  if (body.runtime !== undefined) action.runtime = body.runtime;
  if (body.secrets !== undefined) action.secrets = replaceSecrets(action.secrets, body.secrets, updated);
  action.updated_at = updated;
  action.builtAt = Date.now() + context.buildDelayMs;
  action.all_changes_deployed = false;
  return { status: 200, body: actionView(action, context.tenant) };
}

export function deployDraft(context: RouteContext): ApiAnswer {
  const action = findAction(context);
  if ('status' in action) return action;
  if (buildStatus(action) !== 'built')
    return apiError(
      400,
      "A draft must be in the 'built' state before it can be deployed.",
      'invalid_argument',
    );
  const version: StoredVersion = {
    id: newId(),
    action_id: action.id,
    number: nextVersionNumber(context.tenant, action.id),
    code: action.code,
    dependencies: action.dependencies.map((dependency) => ({ ...dependency })),
    runtime: action.runtime,
    secrets: action.secrets.map((secret) => ({ ...secret })),
    deployed: false,
    created_at: now(),
  };
  context.tenant.versions.push(version);
  markDeployed(context.tenant, version);
  action.all_changes_deployed = true;
  return { status: 200, body: versionView(version, action) };
}

export function listVersions(context: RouteContext): ApiAnswer {
  const action = findAction(context);
  if ('status' in action) return action;
  const versions = context.tenant.versions
    .filter((version) => version.action_id === action.id)
    .sort((a, b) => b.number - a.number);
  return {
    status: 200,
    body: {
      versions: versions.map((version) => versionView(version, action)),
      total: versions.length,
      page: 0,
      per_page: 50,
    },
  };
}

export function deployVersion(context: RouteContext): ApiAnswer {
  const action = findAction(context);
  if ('status' in action) return action;
  const parsed = parse(deployVersionBody, context.body);
  if (!parsed.ok) return parsed.answer;
  const source = context.tenant.versions.find(
    (version) => version.action_id === action.id && version.id === context.params[1],
  );
  if (!source) return apiError(404, 'The version does not exist.', 'version_not_found');
  // Deploying an old version creates a new version identical to it.
  const version: StoredVersion = {
    ...source,
    id: newId(),
    number: nextVersionNumber(context.tenant, action.id),
    created_at: now(),
  };
  context.tenant.versions.push(version);
  markDeployed(context.tenant, version);
  if (parsed.value?.update_draft) {
    Object.assign(action, {
      code: source.code,
      dependencies: source.dependencies,
      runtime: source.runtime,
      secrets: source.secrets,
    });
    action.all_changes_deployed = true;
  } else {
    action.all_changes_deployed = false;
  }
  return { status: 200, body: versionView(version, action) };
}
