import { afterEach, describe, expect, it, vi } from 'vitest';
import { startManagementSimulator } from './management/management-simulator.js';
import { rawRequest } from './raw-request.test-helper.js';
import type { Simulator } from './simulator.js';
import { startSimulator } from './start-simulator.js';

// What a web page in the developer's browser can do to a simulator on their machine: post a
// form to it (no preflight), or point its own name at 127.0.0.1 (DNS rebinding).
const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const server of started.splice(0)) await server.close();
});

async function simulatorWith(options: Parameters<typeof startSimulator>[0]): Promise<Simulator> {
  const simulator = await startSimulator(options);
  started.push(simulator);
  return simulator;
}

/** A Vonage SMS API send as an HTML form would post it: credentials in the form, no custom header. */
function vonageForm(simulator: Simulator, headers: Record<string, string>) {
  const { apiKey, apiSecret } = simulator.credentials.vonage;
  return rawRequest(`${simulator.url}/sms/json`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({
      api_key: apiKey,
      api_secret: apiSecret,
      from: 'Acme',
      to: '447911123456',
      text: 'Your code is 123456',
    }).toString(),
  });
}

describe('the simulator faces this machine only', () => {
  it('listens on loopback when given an empty host, and keeps refusing other names', async () => {
    const simulator = await simulatorWith({ host: '' });
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const rebound = await rawRequest(`${simulator.url}/api/messages`, {
      method: 'GET',
      headers: { host: 'attacker.example' },
    });
    expect(rebound.status).toBe(403);
  });

  it.each(['0.0.0.0', '::', '192.0.2.10'])('refuses host %s unless told it may, then warns', async (host) => {
    await expect(startSimulator({ host })).rejects.toThrow(/allowNonLoopback/);
    if (host === '192.0.2.10') return; // not an address of this machine: it cannot listen there
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const simulator = await simulatorWith({ host, allowNonLoopback: true });
    expect(simulator.port).toBeGreaterThan(0);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/not a loopback address/);
  });

  it('refuses a provider request addressed to another name (DNS rebinding) and records nothing', async () => {
    const simulator = await simulatorWith({});
    const answer = await vonageForm(simulator, { host: `attacker.example:${simulator.port}` });
    expect(answer.status).toBe(403);
    expect(simulator.messages).toEqual([]);
  });

  it.each(['http://attacker.example', 'null', 'http://localhost:1'])(
    'refuses a provider request a web page at %s posts, and records nothing',
    async (origin) => {
      const simulator = await simulatorWith({});
      const answer = await vonageForm(simulator, { origin });
      expect(answer.status).toBe(403);
      expect(simulator.messages).toEqual([]);
      expect(simulator.requests).toEqual([]);
    },
  );

  it('refuses a cross-site request the browser marks without an Origin', async () => {
    const simulator = await simulatorWith({});
    const answer = await vonageForm(simulator, { 'sec-fetch-site': 'cross-site' });
    expect(answer.status).toBe(403);
    expect(simulator.messages).toEqual([]);
  });

  it('answers a server-side client (no Origin) and its own page (same origin)', async () => {
    const simulator = await simulatorWith({});
    expect((await vonageForm(simulator, {})).status).toBe(200);
    const own = await rawRequest(`${simulator.url}/api/faults`, {
      headers: { origin: simulator.url, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ provider: 'vonage', fault: '503' }),
    });
    expect(own.status).toBe(201);
  });

  it('refuses a fault armed or messages cleared from another origin', async () => {
    const simulator = await simulatorWith({});
    const armed = await rawRequest(`${simulator.url}/api/faults`, {
      headers: { origin: 'http://attacker.example', 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'vonage', fault: '503' }),
    });
    expect(armed.status).toBe(403);
    const cleared = await rawRequest(`${simulator.url}/api/messages`, {
      method: 'DELETE',
      headers: { origin: 'http://attacker.example' },
    });
    expect(cleared.status).toBe(403);
  });

  it('guards the Management API simulator the same way', async () => {
    const management = await startManagementSimulator();
    started.push(management);
    const body = JSON.stringify({
      grant_type: 'client_credentials',
      client_id: management.clientId,
      client_secret: management.clientSecret,
      audience: `${management.url}/api/v2/`,
    });
    const headers = { 'content-type': 'application/json' };
    expect((await rawRequest(`${management.url}/oauth/token`, { headers, body })).status).toBe(200);
    const foreign: Record<string, string>[] = [
      { origin: 'http://attacker.example' },
      { host: 'attacker.example' },
    ];
    for (const extra of foreign) {
      const answer = await rawRequest(`${management.url}/oauth/token`, {
        headers: { ...headers, ...extra },
        body,
      });
      expect(answer.status).toBe(403);
    }
  });
});

describe('credentials', () => {
  it('are random for each simulator unless given, so no web page can know them', async () => {
    const [first, second] = await Promise.all([simulatorWith({}), simulatorWith({})]);
    const a = first?.credentials as Simulator['credentials'];
    const b = second?.credentials as Simulator['credentials'];
    for (const [x, y] of [
      [a.twilio.authToken, b.twilio.authToken],
      [a.twilio.accountSid, b.twilio.accountSid],
      [a.twilio.apiKeySecret, b.twilio.apiKeySecret],
      [a.vonage.apiSecret, b.vonage.apiSecret],
      [a.esendex.password, b.esendex.password],
      [a.mitto.apiKey, b.mitto.apiKey],
    ])
      expect(x).not.toBe(y);
    expect(a.twilio.accountSid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(a.vonage.apiKey).toMatch(/^[0-9a-f]{8}$/);
    // One simulator's credentials are refused by the other.
    const answer = await vonageForm(second as Simulator, {}).then((reply) => reply.body);
    expect(answer).toContain('"status":"0"');
    const crossed = await rawRequest(`${(second as Simulator).url}/sms/json`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: a.vonage.apiKey,
        api_secret: a.vonage.apiSecret,
        from: 'Acme',
        to: '447911123456',
        text: 'x',
      }).toString(),
    });
    expect(crossed.body).not.toContain('"status":"0"');
    const given = await simulatorWith({ credentials: { mitto: { apiKey: 'my-own-mitto-key-0000' } } });
    expect(given.credentials.mitto.apiKey).toBe('my-own-mitto-key-0000');
  });
});
