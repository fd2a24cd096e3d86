import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ManagementSimulator,
  type Simulator,
  startManagementSimulator,
  startSimulator,
} from '@mfa-sms/simulator';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { ManagementClient } from '../src/cli/deploy/management-client.js';
import { actionList } from '../src/cli/deploy/management-schemas.js';

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

export interface DeployFixture {
  providers: Simulator;
  /** A fresh fake tenant for each test. */
  management: ManagementSimulator;
  /** The Action's secrets the next `deploy` writes to its env file. */
  secrets: Record<string, string>;
  /** dist/dependencies.json, as the build wrote it. */
  dependencies: Record<string, string>;
  /** Polls the build every 10 ms, so that the simulator's short builds keep tests fast. */
  fast: string[];
  deploy(...args: string[]): Promise<CliResult>;
  expectNoSecretIn(text: string): void;
}

/** Registers the hooks: one provider simulator per file, one fake tenant (40 ms builds) per test. */
export function deployFixture(): DeployFixture {
  const fixture = {
    dependencies: JSON.parse(readFileSync(new URL('../dist/dependencies.json', import.meta.url), 'utf8')),
    fast: ['--poll-ms', '10'],
  } as DeployFixture;
  fixture.deploy = (...args) =>
    runCli([
      'deploy',
      '--env-file',
      writeEnvFile(fixture.management, fixture.secrets),
      ...fixture.fast,
      ...args,
    ]);
  fixture.expectNoSecretIn = (text) => {
    // URLs, sender numbers and the providers' names (the Action's dependencies name them) are
    // configuration, not secrets.
    const hidden = Object.entries(fixture.secrets)
      .filter(([name, value]) => name !== 'MFA_SMS_PROVIDERS' && !/^(?:http|\+)/.test(value))
      .map(([, value]) => value);
    for (const value of [...hidden, fixture.management.clientSecret]) expect(text).not.toContain(value);
  };
  beforeAll(async () => {
    fixture.providers = await startSimulator();
    fixture.secrets = twilioSecrets(fixture.providers);
  });
  afterAll(() => fixture.providers.close());
  beforeEach(async () => {
    fixture.management = await startManagementSimulator({ buildDelayMs: 40 });
  });
  afterEach(() => fixture.management.close());
  return fixture;
}

/** One Management API call through `client`: the tenant's Actions, as deploy lists them. */
export function listActions(client: ManagementClient) {
  return client.call({
    method: 'GET',
    path: '/api/v2/actions/actions',
    schema: actionList,
    scope: 'read:actions',
    what: 'list',
  });
}
