import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedProvider } from '../simulated-provider.js';
import { type Simulator, startSimulatorWith } from '../simulator.js';
import { startSimulator } from '../start-simulator.js';
import type { InboxMessage } from './inbox-message.js';
import type { FailedRequestView, PendingFaultView } from './inbox-server.js';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator();
});

afterEach(async () => {
  simulator.reset();
});

afterAll(async () => {
  await simulator.close();
});

function twilioSms(to: string, body: string): Promise<Response> {
  const { accountSid, authToken } = simulator.credentials.twilio;
  return fetch(`${simulator.url}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ To: to, From: '+14155550100', Body: body }),
    signal: AbortSignal.timeout(5000),
  });
}

function twilioCall(to: string, twiml: string): Promise<Response> {
  const { accountSid, authToken } = simulator.credentials.twilio;
  return fetch(`${simulator.url}/2010-04-01/Accounts/${accountSid}/Calls.json`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ To: to, From: '+14155550100', Twiml: twiml }),
    signal: AbortSignal.timeout(5000),
  });
}

function mittoSms(to: string, text: string, type?: 'Unicode'): Promise<Response> {
  return fetch(`${simulator.url}/sms.json`, {
    method: 'POST',
    headers: { 'x-mitto-api-key': simulator.credentials.mitto.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ from: 'Acme', to, text, ...(type ? { type } : {}) }),
    signal: AbortSignal.timeout(5000),
  });
}

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${simulator.url}${path}`, { ...init, signal: AbortSignal.timeout(5000) });
  return { status: response.status, body: (await response.json()) as T };
}

function armFault(body: unknown, contentType = 'application/json') {
  return api<{ pending: PendingFaultView[]; error?: string }>('/api/faults', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface ServerEvent {
  type: string;
  data: unknown;
}

/** Opens `/api/events`; `next()` waits for the next event. */
async function openEvents(): Promise<{ next(): Promise<ServerEvent>; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(`${simulator.url}/api/events`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>)
    .pipeThrough(new TextDecoderStream())
    .getReader();
  let buffer = '';
  return {
    async next() {
      const deadline = setTimeout(() => controller.abort(), 5000);
      try {
        while (!buffer.includes('\n\n')) {
          const { value, done } = await reader.read();
          if (done) throw new Error('the event stream ended');
          buffer += value;
        }
      } finally {
        clearTimeout(deadline);
      }
      const end = buffer.indexOf('\n\n');
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      return { type, data: JSON.parse(data) };
    },
    close: () => controller.abort(),
  };
}

/** The status of `GET /api/messages` sent with this Host header (fetch would not send it). */
function statusWithHost(host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const sent = request(`${simulator.url}/api/messages`, { headers: { host }, timeout: 5000 }, (answer) => {
      answer.resume();
      resolve(answer.statusCode);
    });
    sent.on('timeout', () => sent.destroy(new Error('timeout')));
    sent.on('error', reject);
    sent.end();
  });
}

describe('the page', () => {
  it('serves the page at the root, with its script and style, under a policy that allows nothing from elsewhere', async () => {
    const page = await fetch(`${simulator.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('<script src="/inbox.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/inbox.css">');
    for (const provider of ['twilio', 'vonage', 'esendex', 'mitto']) {
      expect(html).toContain(`<option value="${provider}">${provider}</option>`);
      // Once per list (the filter's and the fault form's), though Twilio has two simulators.
      expect(html.split(`<option value="${provider}">`)).toHaveLength(3);
    }
    expect(html).not.toContain('No messages yet');
    const script = await fetch(`${simulator.url}/inbox.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const style = await fetch(`${simulator.url}/inbox.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const text of [html, await script.text(), await style.text()]) {
      expect(text).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    }
  });

  it('does not count its own requests among the providers’ requests', async () => {
    await fetch(`${simulator.url}/`);
    await api('/api/messages');
    expect(simulator.requests).toEqual([]);
  });

  it('refuses a request addressed to another name, as a DNS-rebinding page would send it', async () => {
    expect(await statusWithHost('attacker.example:80')).toBe(403);
    expect(await statusWithHost('attacker.example')).toBe(403);
    for (const host of ['localhost:4010', '127.0.0.1', '[::1]:4010']) {
      expect(await statusWithHost(host)).toBe(200);
    }
  });

  it('answers 405 with the allowed methods for a method a path does not serve', async () => {
    const answer = await fetch(`${simulator.url}/api/messages`, { method: 'PUT' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, DELETE');
  });
});

describe('GET and DELETE /api/messages', () => {
  it('lists messages newest first, with the masked recipient, segments and encoding of an SMS', async () => {
    expect((await twilioSms('+447911123456', 'Your code is 123456')).status).toBe(201);
    expect((await mittoSms('491701234567', 'Dein Code: 654321 ✅', 'Unicode')).status).toBe(200);
    const { status, body } = await api<{ messages: InboxMessage[] }>('/api/messages');
    expect(status).toBe(200);
    expect(body.messages).toMatchObject([
      {
        provider: 'mitto',
        channel: 'sms',
        to: '491701234567',
        maskedTo: '49******567',
        text: 'Dein Code: 654321 ✅',
        segments: { encoding: 'UCS-2', segments: 1, units: 19 },
      },
      {
        provider: 'twilio',
        to: '+447911123456',
        maskedTo: '+44******456',
        from: '+14155550100',
        segments: { encoding: 'GSM-7', segments: 1, units: 19 },
      },
    ]);
  });

  it('gives a call the words it speaks and their language', async () => {
    await twilioCall(
      '+447911123456',
      '<Response><Say language="en-GB" voice="Polly.Amy">Your code is 1, 2, 3.</Say></Response>',
    );
    const { body } = await api<{ messages: InboxMessage[] }>('/api/messages');
    expect(body.messages).toEqual([
      expect.objectContaining({ channel: 'voice', text: 'Your code is 1, 2, 3.', language: 'en-GB' }),
    ]);
    expect(body.messages[0]?.segments).toBeUndefined();
  });

  it('forgets messages and failed requests on DELETE and leaves armed faults armed', async () => {
    await twilioSms('+447911123456', 'one');
    simulator.fail('mitto', 'unavailable');
    simulator.fail('twilio', 'unavailable');
    await twilioSms('+447911123456', 'two');
    const { status } = await api('/api/messages', { method: 'DELETE' });
    expect(status).toBe(200);
    expect(simulator.messages).toEqual([]);
    expect(simulator.requests).toEqual([]);
    expect((await api<{ messages: unknown[] }>('/api/messages')).body.messages).toEqual([]);
    const faults = await api<{ pending: PendingFaultView[]; failed: unknown[] }>('/api/faults');
    expect(faults.body).toEqual({
      pending: [expect.objectContaining({ provider: 'mitto', remaining: 1 })],
      failed: [],
    });
  });
});

describe('/api/faults', () => {
  it('arms a panel fault for the next N requests and lists each request it failed and how', async () => {
    const armed = await armFault({ provider: 'twilio', fault: '503', times: 2, channel: 'sms' });
    expect(armed.status).toBe(201);
    expect(armed.body.pending).toEqual([
      {
        provider: 'twilio',
        fault: { type: 'error', kind: 'unavailable', status: 503 },
        description: 'unavailable (HTTP 503)',
        remaining: 2,
        channel: 'sms',
        probability: 1,
      },
    ]);
    expect((await twilioSms('+447911123456', 'a')).status).toBe(503);
    expect((await twilioSms('+447911123456', 'b')).status).toBe(503);
    expect((await twilioSms('+447911123456', 'c')).status).toBe(201);
    const { body } = await api<{ pending: unknown[]; failed: FailedRequestView[] }>('/api/faults');
    expect(body.pending).toEqual([]);
    expect(body.failed).toHaveLength(2);
    expect(body.failed[0]).toMatchObject({
      provider: 'twilio',
      method: 'POST',
      outcome: 'error',
      description: 'unavailable (HTTP 503)',
    });
  });

  it.each([
    ['429', 429],
    ['invalid-number', 400],
  ])('arms %s, answered in the provider’s own shape', async (fault, status) => {
    await armFault({ provider: 'twilio', fault });
    const answer = await twilioSms('+447911123456', 'x');
    expect(answer.status).toBe(status);
    expect(await answer.json()).toHaveProperty('code');
  });

  it('arms a hang and a reset, which a client sees as a timeout and a broken connection', async () => {
    await armFault({ provider: 'mitto', fault: 'hang' });
    await expect(
      fetch(`${simulator.url}/sms.json`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    await armFault({ provider: 'mitto', fault: 'reset' });
    await expect(mittoSms('491701234567', 'x').then((answer) => answer.text())).rejects.toThrow();
    const { body } = await api<{ failed: FailedRequestView[] }>('/api/faults');
    expect(body.failed.map((request) => request.description)).toEqual([
      'connection reset',
      'no answer (hang)',
    ]);
  });

  it('accepts the simulator’s own fault names too', async () => {
    expect((await armFault({ provider: 'vonage', fault: 'no-credit' })).status).toBe(201);
  });

  it.each([
    [{ provider: 'nope', fault: '503' }, /^provider: /],
    [{ provider: 'twilio', fault: 'explode' }, /^fault: unknown fault "explode"/],
    [{ provider: 'twilio', fault: '503', times: 0 }, /^times: /],
    [{ provider: 'twilio', fault: '503', channel: 'fax' }, /^channel: /],
    [{ provider: 'twilio', fault: '503', extra: true }, /extra/],
    ['{"provider":', /not JSON/],
  ])('refuses %j with a 400 that says why, and arms nothing', async (body, message) => {
    const answer = await armFault(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(message);
    expect((await api<{ pending: unknown[] }>('/api/faults')).body.pending).toEqual([]);
  });

  it('refuses a body that is not sent as JSON', async () => {
    const answer = await armFault('provider=twilio&fault=503', 'application/x-www-form-urlencoded');
    expect(answer.status).toBe(415);
  });

  it('disarms every fault on DELETE', async () => {
    await armFault({ provider: 'twilio', fault: '503', times: 5 });
    const { body } = await api<{ pending: unknown[] }>('/api/faults', { method: 'DELETE' });
    expect(body.pending).toEqual([]);
    expect((await twilioSms('+447911123456', 'x')).status).toBe(201);
  });
});

describe('GET /api/events', () => {
  it('starts with the whole state, then tells of each message, fault, failure and clearing as it happens', async () => {
    await twilioSms('+447911123456', 'before');
    const events = await openEvents();
    try {
      const snapshot = await events.next();
      expect(snapshot.type).toBe('snapshot');
      expect(snapshot.data).toMatchObject({ messages: [{ text: 'before' }], pending: [], failed: [] });

      await mittoSms('491701234567', 'after');
      expect(await events.next()).toMatchObject({
        type: 'message',
        data: { provider: 'mitto', text: 'after', maskedTo: '49******567', segments: { segments: 1 } },
      });

      await armFault({ provider: 'mitto', fault: '429' });
      expect(await events.next()).toMatchObject({
        type: 'faults',
        data: [{ provider: 'mitto', description: 'rate-limit (HTTP 429)', remaining: 1 }],
      });
      await mittoSms('491701234567', 'refused');
      expect(await events.next()).toEqual({ type: 'faults', data: [] });
      expect(await events.next()).toMatchObject({
        type: 'failed',
        data: { provider: 'mitto', description: 'rate-limit (HTTP 429)' },
      });

      await api('/api/messages', { method: 'DELETE' });
      expect(await events.next()).toEqual({ type: 'cleared', data: {} });
    } finally {
      events.close();
    }
  });

  it("shows a client's lines (simulator.note), cut to a log line's length, newest first, until cleared", async () => {
    simulator.note('mfa-sms sent provider=vonage attempts=twilio:resting(3 timeouts in 30 s),vonage:ok');
    const events = await openEvents();
    try {
      const snapshot = await events.next();
      expect(snapshot.data).toMatchObject({ notes: [{ text: expect.stringContaining('twilio:resting(') }] });
      simulator.note(`<b>${'x'.repeat(400)}`);
      const note = await events.next();
      expect(note).toMatchObject({ type: 'note', data: { text: expect.stringMatching(/^<b>x+$/) } });
      expect((note.data as { text: string }).text).toHaveLength(300);
      await api('/api/messages', { method: 'DELETE' });
      expect(await events.next()).toEqual({ type: 'cleared', data: {} });
    } finally {
      events.close();
    }
    const again = await openEvents();
    try {
      expect((await again.next()).data).toMatchObject({ notes: [] });
    } finally {
      again.close();
    }
  });

  it('tells of a rejected request, which is not a fault, with its status', async () => {
    const events = await openEvents();
    try {
      await events.next();
      await twilioSms('12', 'not a number');
      expect(await events.next()).toMatchObject({
        type: 'failed',
        data: { provider: 'twilio', outcome: 'rejected', status: 400, description: 'rejected (HTTP 400)' },
      });
    } finally {
      events.close();
    }
  });
});

describe('paths', () => {
  const provider = (path: RegExp): SimulatedProvider => ({
    name: 'mitto',
    routes: [{ method: 'POST', path, channel: 'sms', handle: () => ({ status: 200 }) }],
    errorResponse: () => ({ status: 500 }),
    codeResponse: () => ({ status: 500 }),
  });

  it('refuses to start when a provider route would answer one of the inbox’s paths', async () => {
    await expect(startSimulatorWith([provider(/^\/api\/[a-z]+$/)])).rejects.toThrow(
      "The mitto route /^\\/api\\/[a-z]+$/ would answer the inbox's /api/messages",
    );
    await expect(startSimulatorWith([provider(/^\/$/)])).rejects.toThrow(/would answer the inbox's \/$/);
  });

  it('starts beside a provider whose API lives under /api/v2, as Auth0’s Management API does', async () => {
    const beside = await startSimulatorWith([provider(/^\/api\/v2\/users\/[^/]+$/)]);
    try {
      expect((await fetch(`${beside.url}/api/v2/users/auth0|1`, { method: 'POST' })).status).toBe(200);
      expect((await fetch(`${beside.url}/api/messages`)).status).toBe(200);
    } finally {
      await beside.close();
    }
  });
});
