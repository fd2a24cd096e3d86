import { MfaSmsError } from '@mfa-sms/core';
import type { DeployOptions } from './deploy-options.js';
import type { ManagementClient } from './management-client.js';
import { versionList, versionSchema } from './management-schemas.js';
import { type DeployOutput, findAction } from './run-deploy.js';

function cannot(message: string): MfaSmsError {
  return new MfaSmsError({ code: 'invalid_config', message });
}

/** Deploys the version before the live one again; Auth0 makes a new version identical to it. */
export async function runRollback(
  client: ManagementClient,
  options: DeployOptions,
  output: DeployOutput,
): Promise<void> {
  const action = await findAction(client, options);
  if (!action) throw cannot(`There is no Action "${options.name}" in the tenant: nothing to roll back.`);
  const { versions } = await client.call({
    method: 'GET',
    path: `/api/v2/actions/actions/${encodeURIComponent(action.id)}/versions`,
    schema: versionList,
    scope: 'read:actions',
    what: "list the Action's versions",
  });
  const live = versions.find((version) => version.deployed);
  if (!live) throw cannot(`"${options.name}" has no deployed version: deploy it first.`);
  const previous = versions
    .filter((version) => version.number < live.number)
    .sort((a, b) => b.number - a.number)[0];
  if (!previous)
    throw cannot(
      `"${options.name}" has only version ${live.number}: there is no earlier version to roll back to.`,
    );
  output.out(`  rollback: version ${live.number} is live; deploy version ${previous.number} again`);
  if (options.dryRun) {
    output.out('Dry run: nothing was changed.');
    return;
  }
  const deployed = await client.call({
    method: 'POST',
    path: `/api/v2/actions/actions/${encodeURIComponent(action.id)}/versions/${encodeURIComponent(previous.id)}/deploy`,
    body: {},
    schema: versionSchema,
    scope: 'create:actions',
    what: 'deploy the earlier version',
  });
  output.out(
    `Rolled back: "${options.name}" runs version ${previous.number}'s code again, deployed as version ${deployed.number}. Its draft still holds the newer code: \`mfa-sms deploy\` deploys it again.`,
  );
}
