import { isMfaSmsError } from '@mfa-sms/core';
import { readDeployInput } from './deploy-input.js';
import { type DeployOptions, deployUsage, parseDeployArgs } from './deploy-options.js';
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
  try {
    const input = readDeployInput(options, environment);
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
