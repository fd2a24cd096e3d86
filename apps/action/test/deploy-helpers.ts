import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManagementSimulator, Simulator } from '@mfa-sms/simulator';

const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built `mfa-sms` as a user would, with an environment holding nothing of ours. */
export function runCli(args: readonly string[], cwd?: string): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

/** The secrets a tenant would hold for Twilio with voice, pointed at the provider simulator. */
export function twilioSecrets(providers: Simulator): Record<string, string> {
  const twilio = providers.credentials.twilio;
  return {
    MFA_SMS_PROVIDERS: 'twilio',
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: '+15005550006',
    TWILIO_BASE_URL: providers.url,
  };
}

/** Writes an env file with the deploy credentials and the Action's secrets; returns its path. */
export function writeEnvFile(
  management: ManagementSimulator,
  secrets: Record<string, string>,
  overrides: Record<string, string> = {},
): string {
  const directory = mkdtempSync(join(tmpdir(), 'mfa-sms-deploy-'));
  const values = {
    AUTH0_DOMAIN: management.url,
    AUTH0_CLIENT_ID: management.clientId,
    AUTH0_CLIENT_SECRET: management.clientSecret,
    ...secrets,
    ...overrides,
  };
  const file = join(directory, '.env');
  writeFileSync(
    file,
    Object.entries(values)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  );
  return file;
}

/** Requests that change the tenant: everything but reads and the token. */
export function writes(management: ManagementSimulator, since = 0) {
  return management.requests
    .slice(since)
    .filter((request) => request.method !== 'GET' && request.path !== '/oauth/token');
}
