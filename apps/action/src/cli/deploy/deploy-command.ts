import { existsSync } from 'node:fs';
import { isMfaSmsError, MfaSmsError } from '@mfa-sms/core';
import { readDeployInput } from './deploy-input.js';
import { type DeployOptions, deployUsage, parseDeployArgs } from './deploy-options.js';
import { localSecrets } from './local-secrets.js';
import { createManagementClient } from './management-client.js';
import { runRollback } from './rollback.js';
import { runDeploy } from './run-deploy.js';

export { deployUsage } from './deploy-options.js';

export interface CommandOutput {
  out(line: string): void;
  error(line: string): void;
  /** A line that the next one replaces, on a terminal. */
  live?: ((line: string) => void) | undefined;
}

/** `mfa-sms deploy`: exit codes as the CLI's (0 done, 1 failed, 2 usage, 3 configuration). */
export async function runDeployCommand(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  output: CommandOutput,
): Promise<number> {
  let options: DeployOptions | 'help';
  try {
    options = parseDeployArgs(argv);
  } catch (error) {
    output.error(`mfa-sms deploy: ${(error as Error).message}\n\n${deployUsage}`);
    return 2;
  }
  if (options === 'help') {
    output.out(deployUsage);
    return 0;
  }
  if (!options.json) return deploy(options, environment, output);
  // --json: the lines are gathered into one object, printed once at the end.
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await deploy(options, environment, {
    out: (line) => lines.push(line),
    error: (line) => errors.push(line),
  });
  output.out(
    JSON.stringify({
      command: 'deploy',
      ok: code === 0,
      exitCode: code,
      name: options.name,
      trigger: options.trigger,
      dryRun: options.dryRun,
      lines,
      ...(errors.length > 0 ? { error: errors.join('\n').replace(/^mfa-sms deploy: /, '') } : {}),
    }),
  );
  return code;
}

async function deploy(
  options: DeployOptions,
  environment: Readonly<Record<string, string | undefined>>,
  output: CommandOutput,
): Promise<number> {
  try {
    output.out(
      `mfa-sms deploy: ${options.envFileRequired ? `read ${options.envFile}` : existsSync(options.envFile) ? 'read ./.env' : `no .env found in ${process.cwd()}: credentials and secrets from the environment only`}`,
    );
    const input = readDeployInput(options, environment);
    const local = localSecrets(input.secrets);
    if (local.length > 0) {
      const listed = local.map(({ name, host }) => `${name} (${host})`).join(', ');
      // A tenant that is itself local (the Management API fake) is a rehearsal: said, not refused.
      if (localSecrets({ AUTH0_DOMAIN: input.origin }).length > 0 || options.allowLocal)
        output.out(
          `  warning: ${listed} point${local.length > 1 ? '' : 's'} at a local or private address, which Auth0's servers cannot reach`,
        );
      else
        throw new MfaSmsError({
          code: 'invalid_config',
          message: `${listed} point${local.length > 1 ? '' : 's'} at a local or private address, which Auth0's servers cannot reach: remove ${local.length > 1 ? 'them' : 'it'} from the env file (a provider's own host is the default), or pass --allow-local to deploy anyway; nothing was deployed`,
        });
    }
    const client = createManagementClient({
      origin: input.origin,
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      hidden: Object.values(input.secrets),
      notice: (line) => output.out(`  ${line}`),
      ...(options.verbose ? { trace: (line: string) => output.out(`    ${line}`) } : {}),
    });
    output.out(
      `mfa-sms deploy: ${options.rollback ? 'rolling back' : input.source.label} → "${options.name}" on ${options.trigger} at ${input.origin}${options.dryRun ? ' (dry run)' : ''}`,
    );
    if (options.rollback) await runRollback(client, options, output);
    else await runDeploy(client, options, input, output);
    return 0;
  } catch (error) {
    if (isMfaSmsError(error)) {
      output.error(`mfa-sms deploy: ${error.message}`);
      return error.code === 'invalid_config' ? 3 : 1;
    }
    // Anything else is a bug of ours: its name only, as its message might quote a request.
    output.error(`mfa-sms deploy: unexpected ${(error as Error)?.name ?? 'error'}`);
    return 1;
  }
}
