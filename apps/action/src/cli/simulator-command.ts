import { parseArgs } from 'node:util';
import { startManagementSimulator, startSimulator } from '@mfa-sms/simulator';
import { exitCodes, simulatorUsage } from './cli-usage.js';
import type { CommandOutput } from './deploy/deploy-command.js';
import { dotenvLine } from './dotenv.js';
import { simulatedNames, simulatorSecrets } from './simulator-secrets.js';

/**
 * `mfa-sms simulator [--management]`: the simulators a user tries `send` and `deploy` against
 * without an account, with the `.env` lines that point at them. Runs until `stop` resolves
 * (Ctrl-C in a shell).
 */
export async function runSimulatorCommand(
  argv: readonly string[],
  output: CommandOutput,
  stop: Promise<void> = new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  }),
): Promise<number> {
  let values: { management: boolean; port: string; help: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        management: { type: 'boolean', default: false },
        port: { type: 'string', default: '0' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    output.error(`mfa-sms simulator: ${(error as Error).message}\n\n${simulatorUsage}`);
    return exitCodes.usage;
  }
  if (values.help) {
    output.out(simulatorUsage);
    return exitCodes.sent;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    output.error(`mfa-sms simulator: --port must be a whole number from 0 to 65535\n\n${simulatorUsage}`);
    return exitCodes.usage;
  }
  const simulator = await startSimulator({ port });
  const management = values.management ? await startManagementSimulator() : undefined;
  try {
    const providers = simulatedNames(simulator).join(',');
    output.out(`# mfa-sms simulator on ${simulator.url} (inbox: ${simulator.url}/); Ctrl-C stops it.`);
    output.out('# Paste into .env: fake credentials this simulator accepts, and nothing else does.');
    if (management) {
      output.out(`# Auth0 Management API fake (mfa-sms deploy --allow-local): ${management.url}`);
      output.out(dotenvLine('AUTH0_DOMAIN', management.url));
      output.out(dotenvLine('AUTH0_CLIENT_ID', management.clientId));
      output.out(dotenvLine('AUTH0_CLIENT_SECRET', management.clientSecret));
    }
    for (const [name, value] of Object.entries(simulatorSecrets(simulator, providers)))
      output.out(dotenvLine(name, value));
    output.out('# Ready: every line above is printed. Ctrl-C stops the simulators.');
    await stop;
    return exitCodes.sent;
  } finally {
    await management?.close();
    await simulator.close();
  }
}
