import { renameSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ManagementSimulator,
  type Simulator,
  startManagementSimulator,
  startSimulator,
} from '@mfa-sms/simulator';
import { sendPhoneMessageEvent } from '@mfa-sms/simulator/auth0';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulatorSecrets } from '../src/cli/simulator-secrets.js';
import { runCli, writeEnvFile, writes } from './deploy-helpers.js';
import { installPackedAction, type PackedAction } from './packed-action.js';
import { runNode } from './run-node.js';

// Issue 26: a provider package we did not write, installed beside the built Action as a tenant
// adds a dependency, and named in MFA_SMS_PROVIDERS by its package name.
const fixture = fileURLToPath(new URL('../../../fixtures/mfa-sms-provider-acme/', import.meta.url));
const runner = fileURLToPath(new URL('./run-action.cjs', import.meta.url));
const acmeKey = 'acme-live-key-0123456789';

interface AcmeRequest {
  authorization: string | undefined;
  body: { to?: string; from?: string; text?: string };
}

/** A loopback Acme API as its (made-up) documentation says: see the fixture's acme-api.cjs. */
function acmeApi() {
  const received: AcmeRequest[] = [];
  const failures: number[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk;
    });
    request.on('end', () => {
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'POST' || request.url !== '/v1/messages') return answer(404, {});
      const body = JSON.parse(raw || '{}') as AcmeRequest['body'];
      received.push({ authorization: request.headers.authorization, body });
      if (request.headers.authorization !== `Bearer ${acmeKey}`)
        return answer(401, { error: { code: 'unauthorized', message: 'bad key' } });
      const failure = failures.shift();
      if (failure !== undefined) return answer(failure, { error: { code: 'unavailable', message: 'down' } });
      if (!/^\+[1-9]\d{6,14}$/.test(body.to ?? ''))
        return answer(400, { error: { code: 'invalid_number', message: 'bad number' } });
      return answer(201, { id: `acme-${received.length}` });
    });
  });
  return { server, received, failures };
}

const acme = acmeApi();
let acmeUrl: string;
let simulator: Simulator;
let installed: PackedAction;

function acmeSecrets(providers: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...simulatorSecrets(simulator, providers),
    ACME_API_KEY: acmeKey,
    ACME_FROM: 'Acme;US,CA=+14155550100',
    ACME_BASE_URL: acmeUrl,
    ...extra,
  };
}

async function send(secrets: Record<string, string>, recipient = '+447911123456') {
  const event = sendPhoneMessageEvent({ recipient, secrets, code: '602214' });
  const { exitCode, stdout, stderr } = await runNode([runner, installed.folder], {
    input: JSON.stringify({ executions: [{ entry: 'send-phone-message', event }] }),
  });
  if (exitCode !== 0) throw new Error(`runner exited ${exitCode}: ${stderr}`);
  const [result] = (
    JSON.parse(stdout) as {
      results: { resolved?: true; threw?: { code: string; message: string; inspected: string } }[];
    }
  ).results;
  return result;
}

beforeAll(async () => {
  [installed, simulator] = await Promise.all([installPackedAction([fixture]), startSimulator()]);
  await new Promise<void>((resolve) => acme.server.listen(0, '127.0.0.1', resolve));
  const address = acme.server.address();
  acmeUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 240_000);

afterAll(async () => {
  await simulator?.close();
  await new Promise((resolve) => acme.server.close(resolve));
  installed?.remove();
});

beforeEach(() => {
  simulator.reset();
  acme.received.length = 0;
  acme.failures.length = 0;
});

describe('the built Action with a third-party provider package', () => {
  it('sends through it, with the sender of the per-country syntax', async () => {
    expect(await send(acmeSecrets('mfa-sms-provider-acme'))).toMatchObject({ resolved: true });
    expect(await send(acmeSecrets('mfa-sms-provider-acme'), '+14155552671')).toMatchObject({
      resolved: true,
    });
    expect(acme.received.map(({ body }) => [body.to, body.from])).toEqual([
      ['+447911123456', 'Acme'],
      ['+14155552671', '+14155550100'],
    ]);
    expect(acme.received[0]?.authorization).toBe(`Bearer ${acmeKey}`);
    expect(acme.received[0]?.body.text).toContain('602214');
    expect(simulator.messages).toEqual([]);
  });

  it('fails over to Twilio when it answers 503, and routes by package name', async () => {
    acme.failures.push(503);
    expect(await send(acmeSecrets('mfa-sms-provider-acme,twilio'))).toMatchObject({ resolved: true });
    expect(acme.received).toHaveLength(1);
    expect(simulator.messages.map(({ provider, to }) => [provider, to])).toEqual([
      ['twilio', '+447911123456'],
    ]);

    const routed = acmeSecrets('mfa-sms-provider-acme,twilio', {
      MFA_SMS_ROUTES: 'GB=twilio;*=mfa-sms-provider-acme',
    });
    expect(await send(routed, '+14155552671')).toMatchObject({ resolved: true });
    expect(acme.received).toHaveLength(2);
  });

  it('names its missing secret, never a value', async () => {
    const { ACME_API_KEY: _key, ...withoutKey } = acmeSecrets('mfa-sms-provider-acme');
    const result = await send(withoutKey);
    expect(result?.threw).toMatchObject({
      code: 'invalid_config',
      message: 'Secret ACME_API_KEY is missing (MFA_SMS_PROVIDERS lists mfa-sms-provider-acme)',
    });
    const refused = await send(acmeSecrets('mfa-sms-provider-acme', { ACME_API_KEY: 'short' }));
    expect(refused?.threw?.message).toBe(
      'Secret ACME_API_KEY is invalid: must be at least 8 characters without white space',
    );
    expect(acme.received).toEqual([]);
  });

  it("says to add the package to the Action's dependencies when it is not installed", async () => {
    const folder = join(installed.folder, 'node_modules', 'mfa-sms-provider-acme');
    renameSync(folder, `${folder}.away`);
    try {
      const result = await send(acmeSecrets('twilio,mfa-sms-provider-acme'));
      expect(result?.threw).toMatchObject({ code: 'invalid_config' });
      expect(result?.threw?.message).toBe(
        "MFA_SMS_PROVIDERS names a provider whose package is not installed: add mfa-sms-provider-acme to the Action's dependencies (at the version you tested)",
      );
    } finally {
      renameSync(`${folder}.away`, folder);
    }
    expect(simulator.requests).toEqual([]);
  });
});

describe('mfa-sms deploy with a third-party provider package installed where it runs', () => {
  let management: ManagementSimulator;

  beforeEach(async () => {
    management = await startManagementSimulator({ buildDelayMs: 20 });
  });

  afterEach(() => management.close());

  function envFile(extra: Record<string, string> = {}) {
    return writeEnvFile(management, {
      ...acmeSecrets('mfa-sms-provider-acme,twilio'),
      UNRELATED_TOKEN: 'not-for-the-action',
      ...extra,
    });
  }

  it('adds it to the Action at the installed version, shown by --dry-run, with the secrets its plugin reads', async () => {
    const dry = await runCli(['deploy', '--env-file', envFile(), '--dry-run'], installed.folder);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('mfa-sms-provider-acme@1.0.0');
    expect(dry.stdout).not.toContain(acmeKey);
    expect(writes(management)).toEqual([]);

    const deployed = await runCli(['deploy', '--env-file', envFile(), '--poll-ms', '10'], installed.folder);
    expect(deployed.code).toBe(0);
    const [action] = management.tenant.actions;
    expect(action?.dependencies).toContainEqual({ name: 'mfa-sms-provider-acme', version: '1.0.0' });
    expect(action?.dependencies).toContainEqual(expect.objectContaining({ name: '@mfa-sms/twilio' }));
    const names = action?.secrets.map(({ name }) => name) ?? [];
    expect(names).toEqual(
      expect.arrayContaining(['ACME_API_KEY', 'ACME_FROM', 'ACME_BASE_URL', 'TWILIO_ACCOUNT_SID']),
    );
    expect(names).not.toContain('UNRELATED_TOKEN');
  });

  it('takes the version from --dependency name@version', async () => {
    const result = await runCli(
      ['deploy', '--env-file', envFile(), '--dependency', 'mfa-sms-provider-acme@1.2.3', '--dry-run'],
      installed.folder,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mfa-sms-provider-acme@1.2.3');
    expect(result.stdout).not.toContain('mfa-sms-provider-acme@1.0.0');
  });

  it('refuses a provider package that is not installed here, before any request', async () => {
    const result = await runCli(
      ['deploy', '--env-file', envFile({ MFA_SMS_PROVIDERS: 'mfa-sms-provider-absent' }), '--dry-run'],
      installed.folder,
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('mfa-sms-provider-absent');
    expect(management.requests).toEqual([]);
  });
});
