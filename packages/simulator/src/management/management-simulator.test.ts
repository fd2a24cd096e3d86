import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ManagementSimulator, startManagementSimulator } from './management-simulator.js';

let management: ManagementSimulator;
let token: string;

async function call(method: string, path: string, body?: unknown, bearer: string | undefined = token) {
  const response = await fetch(`${management.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

async function issueToken(overrides: Record<string, string> = {}) {
  return call(
    'POST',
    '/oauth/token',
    {
      grant_type: 'client_credentials',
      client_id: management.clientId,
      client_secret: management.clientSecret,
      audience: `${management.url}/api/v2/`,
      ...overrides,
    },
    undefined,
  );
}

const newAction = {
  name: 'mfa-sms',
  supported_triggers: [{ id: 'custom-phone-provider', version: 'v1' }],
  code: 'exports.onExecuteCustomPhoneProvider = async () => {};',
  runtime: 'node22',
  dependencies: [{ name: 'zod', version: '4.1.0' }],
  secrets: [{ name: 'MFA_SMS_PROVIDERS', value: 'twilio' }],
};

beforeEach(async () => {
  // Long enough to be seen unbuilt on a busy machine; setBuildDelay(0) ends the builds under way.
  management = await startManagementSimulator({ buildDelayMs: 10_000 });
  token = (await issueToken()).body.access_token;
});
afterEach(() => management.close());

describe('Management API simulator', () => {
  it('issues tokens only to its application, for its own audience', async () => {
    expect((await issueToken({ client_secret: 'wrong' })).body).toEqual({
      error: 'access_denied',
      error_description: 'Unauthorized',
    });
    expect((await issueToken({ audience: 'https://elsewhere/api/v2/' })).status).toBe(403);
    expect((await call('GET', '/api/v2/actions/actions', undefined, 'forged')).status).toBe(401);
  });

  it('checks the scope of each endpoint', async () => {
    management.setScopes(['read:actions']);
    const reader = (await issueToken()).body.access_token;
    expect((await call('GET', '/api/v2/actions/actions', undefined, reader)).status).toBe(200);
    expect(await call('POST', '/api/v2/actions/actions', newAction, reader)).toMatchObject({
      status: 403,
      body: {
        errorCode: 'insufficient_scope',
        message: 'Insufficient scope, expected any of: create:actions',
      },
    });
  });

  it('refuses bodies Auth0 would refuse', async () => {
    const extra = await call('POST', '/api/v2/actions/actions', { ...newAction, deploy: true });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toContain('Additional properties not allowed: deploy');
    const { supported_triggers: _missing, ...noTrigger } = newAction;
    expect((await call('POST', '/api/v2/actions/actions', noTrigger)).status).toBe(400);
    expect((await call('POST', '/api/v2/actions/actions', { ...newAction, runtime: 'node8' })).status).toBe(
      400,
    );
  });

  it('builds a draft before it can be deployed, keeps versions and never returns secret values', async () => {
    const created = await call('POST', '/api/v2/actions/actions', newAction);
    expect(created).toMatchObject({ status: 201, body: { status: 'pending', all_changes_deployed: false } });
    expect(created.body.secrets).toEqual([{ name: 'MFA_SMS_PROVIDERS', updated_at: expect.any(String) }]);
    const early = await call('POST', `/api/v2/actions/actions/${created.body.id}/deploy`);
    expect(early.body.message).toBe("A draft must be in the 'built' state before it can be deployed.");
    management.setBuildDelay(0);
    expect((await call('GET', `/api/v2/actions/actions/${created.body.id}`)).body.status).toBe('built');
    const first = await call('POST', `/api/v2/actions/actions/${created.body.id}/deploy`);
    expect(first.body).toMatchObject({ number: 1, deployed: true, status: 'built' });

    // A PATCH replaces the whole secrets list.
    await call('PATCH', `/api/v2/actions/actions/${created.body.id}`, {
      secrets: [{ name: 'OTHER', value: 'x' }],
    });
    expect(management.tenant.actions[0]?.secrets.map((secret) => secret.name)).toEqual(['OTHER']);
    await call('POST', `/api/v2/actions/actions/${created.body.id}/deploy`);
    const rolledBack = await call(
      'POST',
      `/api/v2/actions/actions/${created.body.id}/versions/${first.body.id}/deploy`,
      {},
    );
    expect(rolledBack.body).toMatchObject({ number: 3, deployed: true });
    expect(management.tenant.versions.map((version) => [version.number, version.deployed])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(management.tenant.versions[2]?.secrets.map((secret) => secret.name)).toEqual([
      'MFA_SMS_PROVIDERS',
    ]);
  });

  it('creates a custom phone provider only with empty credentials and a deployed custom-phone-provider Action', async () => {
    const provider = { name: 'custom', configuration: { delivery_methods: ['text'] }, credentials: {} };
    const { credentials: _missing, ...withoutCredentials } = provider;
    expect((await call('POST', '/api/v2/branding/phone/providers', withoutCredentials)).status).toBe(400);
    expect((await call('POST', '/api/v2/branding/phone/providers', provider)).body.message).toContain(
      'deployed custom-phone-provider Action',
    );
    management.setBuildDelay(0);
    const created = await call('POST', '/api/v2/actions/actions', newAction);
    await call('POST', `/api/v2/actions/actions/${created.body.id}/deploy`);
    const made = await call('POST', '/api/v2/branding/phone/providers', provider);
    expect(made).toMatchObject({ status: 201, body: { name: 'custom', disabled: false } });
    expect(made.body.credentials).toBeUndefined();
    expect((await call('POST', '/api/v2/branding/phone/providers', provider)).status).toBe(409);
  });

  it('answers 429 with rate-limit headers when told to', async () => {
    management.rateLimit({ times: 1, resetMs: 2000 });
    const limited = await call('GET', '/api/v2/actions/actions');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect((await call('GET', '/api/v2/actions/actions')).status).toBe(200);
  });
});
