import { MfaSmsError } from '@mfa-sms/core';
import { planConnection, type StepPlan } from './connect-trigger.js';
import { type DeployInput, markedCode, markerOf, secretsFingerprint, stripMarker } from './deploy-input.js';
import { type DeployOptions, deployTriggers } from './deploy-options.js';
import type { ManagementClient } from './management-client.js';
import { type Action, actionList, actionSchema, versionSchema } from './management-schemas.js';
import { waitForBuild } from './wait-for-build.js';

export interface DeployOutput {
  out(line: string): void;
  /** A line that the next one replaces (a terminal's progress line); absent elsewhere. */
  live?: ((line: string) => void) | undefined;
}

export const actionRuntime = 'node22';

/** Finds the Action by its exact name; one for another trigger is a mistake to report, not to change. */
export async function findAction(
  client: ManagementClient,
  options: DeployOptions,
): Promise<Action | undefined> {
  const { actions } = await client.call({
    method: 'GET',
    path: `/api/v2/actions/actions?actionName=${encodeURIComponent(options.name)}`,
    schema: actionList,
    scope: 'read:actions',
    what: 'look the Action up',
  });
  const action = actions.find((candidate) => candidate.name === options.name);
  if (action && !action.supported_triggers.some((trigger) => trigger.id === options.trigger))
    throw new MfaSmsError({
      code: 'invalid_config',
      message: `The Action "${options.name}" in the tenant serves ${action.supported_triggers.map((trigger) => trigger.id).join(', ')}, not ${options.trigger}: choose another --name.`,
    });
  return action;
}

/** What differs between the tenant's draft and what we deploy; empty when nothing does. */
function differences(action: Action, code: string, input: DeployInput): string[] {
  const changed: string[] = [];
  if (stripMarker(action.code ?? '') !== stripMarker(code)) changed.push('code');
  const key = (list: readonly { name: string; version: string }[]) =>
    list
      .map(({ name, version }) => `${name}@${version}`)
      .sort()
      .join(' ');
  if (key(action.dependencies ?? []) !== key(input.source.dependencies)) changed.push('dependencies');
  if (action.runtime !== actionRuntime) changed.push('runtime');
  const names = (action.secrets ?? []).map((secret) => secret.name).sort();
  // The values are known only by their digest on the code's last line.
  if (
    names.join(' ') !== Object.keys(input.secrets).sort().join(' ') ||
    markerOf(action.code) !== markerOf(code)
  )
    changed.push('secrets');
  return changed;
}

export async function runDeploy(
  client: ManagementClient,
  options: DeployOptions,
  input: DeployInput,
  output: DeployOutput,
): Promise<void> {
  const say = (line: string) => output.out(line);
  const code = markedCode(input.source.code, secretsFingerprint(input.secrets, input.clientSecret));
  const found = await findAction(client, options);
  // The list may leave out an Action's code; its own answer has all of it.
  const action = found
    ? await client.call({
        method: 'GET',
        path: `/api/v2/actions/actions/${encodeURIComponent(found.id)}`,
        schema: actionSchema,
        scope: 'read:actions',
        what: 'read the Action',
      })
    : undefined;
  const changed = action ? differences(action, code, input) : [];
  const actionPlan: StepPlan = !action ? 'create' : changed.length > 0 ? 'update' : 'unchanged';
  const deployPlan: StepPlan =
    actionPlan !== 'unchanged' || !action?.all_changes_deployed || !action.deployed_version
      ? 'create'
      : 'unchanged';
  const connection = await planConnection(
    client,
    options.trigger,
    { id: action?.id, name: options.name },
    input.deliveryMethods,
  );
  const secretCount = Object.keys(input.secrets).length;
  const detail = `${(Buffer.byteLength(code) / 1024).toFixed(1)} kB, ${input.source.dependencies.length} dependencies, ${secretCount} secrets`;
  say(
    `  action "${options.name}": ${actionPlan}${actionPlan === 'update' ? ` (${changed.join(', ')})` : ''}${actionPlan === 'unchanged' ? '' : ` — ${detail}`}`,
  );
  if (options.verbose) say(`    secrets: ${Object.keys(input.secrets).sort().join(', ') || '(none)'}`);
  // A dry run shows what Auth0 would install: a third party's provider package among them.
  if (options.verbose || options.dryRun)
    say(
      `    dependencies: ${input.source.dependencies.map((d) => `${d.name}@${d.version}`).join(', ') || '(none)'}`,
    );
  say(
    `  deploy: ${deployPlan === 'create' ? 'a new version' : `unchanged (version ${action?.deployed_version?.number} is live)`}`,
  );
  say(`  ${connection.label}: ${connection.plan}`);
  if (options.dryRun) {
    say('Dry run: nothing was changed.');
    return;
  }
  if (actionPlan === 'unchanged' && deployPlan === 'unchanged' && connection.plan === 'unchanged') {
    say(
      `Nothing to change: "${options.name}" version ${action?.deployed_version?.number} is live on ${options.trigger}.`,
    );
    return;
  }

  const body = {
    code,
    dependencies: input.source.dependencies,
    runtime: actionRuntime,
    // Auth0 replaces the whole list on every update, so every secret is always sent.
    secrets: Object.entries(input.secrets).map(([name, value]) => ({ name, value })),
  };
  let actionId = action?.id;
  if (actionPlan === 'create') {
    const created = await client.call({
      method: 'POST',
      path: '/api/v2/actions/actions',
      body: {
        name: options.name,
        supported_triggers: [{ id: options.trigger, version: deployTriggers[options.trigger] }],
        ...body,
      },
      schema: actionSchema,
      scope: 'create:actions',
      what: 'create the Action',
    });
    actionId = created.id;
    say(`Created the Action "${options.name}".`);
  } else if (actionPlan === 'update' && actionId) {
    await client.call({
      method: 'PATCH',
      path: `/api/v2/actions/actions/${encodeURIComponent(actionId)}`,
      body,
      schema: actionSchema,
      scope: 'update:actions',
      what: 'update the Action',
    });
    say(`Updated the Action "${options.name}" (${changed.join(', ')}).`);
  }
  if (!actionId) throw new Error('no Action id after create');
  let versionNumber = action?.deployed_version?.number;
  if (deployPlan === 'create') {
    await waitForBuild(client, actionId, {
      pollMs: options.pollMs,
      timeoutMs: options.buildTimeoutMs,
      progress: say,
      live: output.live,
    });
    const version = await client.call({
      method: 'POST',
      path: `/api/v2/actions/actions/${encodeURIComponent(actionId)}/deploy`,
      schema: versionSchema,
      scope: 'create:actions',
      what: 'deploy the Action',
    });
    versionNumber = version.number;
    say(`Deployed version ${versionNumber}.`);
  }
  if (connection.plan !== 'unchanged') {
    await connection.apply(actionId);
    say(`${connection.plan === 'create' ? 'Created' : 'Updated'} the ${connection.label}.`);
  }
  say(`Done: "${options.name}" version ${versionNumber} is live on ${options.trigger}.`);
}
