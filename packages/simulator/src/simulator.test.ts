import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { type Answer, rawRequest } from './raw-request.test-helper.js';
import type { SimulatedProvider } from './simulated-provider.js';
import { readBasicAuth, readForm } from './simulated-provider.js';
import { startSimulatorWith } from './simulator.js';
import { useSimulator } from './test-simulator.js';

// A minimal provider for exercising the framework on its own: Basic auth, a form body, JSON errors.
const echo: SimulatedProvider = {
  name: 'mitto',
  credentials: (given) => ({ apiKey: 'sim-mitto-api-key-00000000000000', ...given }),
  routes: [
    {
      method: 'POST',
      path: /^\/echo$/,
      channel: 'sms',
      handle(request, context) {
        const auth = readBasicAuth(request.headers);
        if (auth?.password !== context.credentials.apiKey) return { status: 401, body: { error: 'auth' } };
        const form = readForm(request.body);
        const message = context.record({
          channel: 'sms',
          id: `id-${form.to}`,
          to: form.to ?? '',
          text: form.text ?? '',
          request: form,
        });
        return { status: 200, body: { id: message.id } };
      },
    },
  ],
  errorResponse: (fault) => ({
    status: fault.status ?? (fault.kind === 'rate-limit' ? 429 : 400),
    headers:
      fault.retryAfter === undefined
        ? {}
        : ({ 'retry-after': String(fault.retryAfter) } as Record<string, string>),
    body: { error: fault.kind },
  }),
  codeResponse: (fault) => ({ status: fault.status ?? 400, body: { code: fault.code } }),
};

function post(
  url: string,
  body: string,
  password = 'sim-mitto-api-key-00000000000000',
  timeoutMs = 2000,
): Promise<Answer> {
  return rawRequest(`${url}/echo`, {
    headers: {
      authorization: `Basic ${Buffer.from(`user:${password}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body,
    timeoutMs,
  });
}

// The simulator's credentials are random unless given; these tests give the echo provider's.
const fixed = { credentials: { mitto: { apiKey: 'sim-mitto-api-key-00000000000000' } } };

describe('startSimulatorWith', () => {
  const { simulator } = useSimulator({ providers: [echo], ...fixed });

  it('listens on loopback and journals accepted messages', async () => {
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await post(simulator.url, 'to=447700900123&text=hello');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ id: 'id-447700900123' });
    expect(simulator.messages).toMatchObject([{ provider: 'mitto', to: '447700900123', text: 'hello' }]);
    expect(simulator.requests).toMatchObject([{ provider: 'mitto', outcome: 'accepted', status: 200 }]);
  });

  it('checks credentials', async () => {
    const answer = await post(simulator.url, 'to=1&text=x', 'wrong');
    expect(answer.status).toBe(401);
    expect(simulator.messages).toHaveLength(0);
    expect(simulator.requests).toMatchObject([{ outcome: 'rejected', status: 401 }]);
  });

  it('answers 404 for unknown paths', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      request(`${simulator.url}/nowhere`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(answer).toBe(404);
  });

  it('applies a provider-shaped error fault the given number of times', async () => {
    simulator.fail('mitto', { type: 'error', kind: 'rate-limit', retryAfter: 2 }, { times: 2 });
    const first = await post(simulator.url, 'to=1&text=a');
    const second = await post(simulator.url, 'to=1&text=b');
    const third = await post(simulator.url, 'to=1&text=c');
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers['retry-after']).toBe('2');
    expect(JSON.parse(first.body)).toEqual({ error: 'rate-limit' });
    expect(simulator.messages.map((message) => message.text)).toEqual(['c']);
  });

  it('passes provider codes and raw statuses through', async () => {
    simulator.fail('mitto', { type: 'code', code: 8 });
    simulator.fail('mitto', { type: 'status', status: 503, body: 'down' });
    expect(JSON.parse((await post(simulator.url, 'to=1&text=a')).body)).toEqual({ code: 8 });
    const raw = await post(simulator.url, 'to=1&text=a');
    expect([raw.status, raw.body]).toEqual([503, 'down']);
  });

  it('serves malformed bodies', async () => {
    simulator.fail('mitto', 'malformed-json');
    simulator.fail('mitto', 'html');
    simulator.fail('mitto', 'empty');
    simulator.fail('mitto', 'wrong-shape');
    const bodies: string[] = [];
    for (let index = 0; index < 4; index += 1) bodies.push((await post(simulator.url, 'to=1&text=a')).body);
    expect(() => JSON.parse(bodies[0] ?? '')).toThrow();
    expect(bodies[1]).toContain('<html>');
    expect(bodies[2]).toBe('');
    expect(JSON.parse(bodies[3] ?? '')).toEqual({ hello: 'world' });
    expect(simulator.messages).toHaveLength(0);
  });

  it('streams a 5 MB body for the huge fault', async () => {
    simulator.fail('mitto', 'huge');
    const answer = await post(simulator.url, 'to=1&text=a');
    expect(answer.body.length).toBe(5 * 1024 * 1024);
  });

  it('resets the connection mid-response', async () => {
    simulator.fail('mitto', 'reset');
    await expect(post(simulator.url, 'to=1&text=a')).rejects.toThrow();
  });

  it('holds the socket open for no-answer, until the client gives up', async () => {
    simulator.fail('mitto', 'no-answer');
    const started = Date.now();
    await expect(post(simulator.url, 'to=1&text=a', undefined, 300)).rejects.toThrow('client timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('delays and then answers normally', async () => {
    simulator.fail('mitto', { type: 'delay', ms: 150 });
    const started = Date.now();
    const answer = await post(simulator.url, 'to=1&text=a');
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('limits faults to a channel and applies them with a probability', async () => {
    simulator.fail('mitto', 'unavailable', { channel: 'voice' });
    expect((await post(simulator.url, 'to=1&text=a')).status).toBe(200);
    simulator.reset();
    simulator.fail('mitto', 'unavailable', { times: Number.POSITIVE_INFINITY, probability: 0 });
    expect((await post(simulator.url, 'to=1&text=a')).status).toBe(200);
  });

  it('rejects unknown fault names', () => {
    expect(() => simulator.fail('mitto', 'nope' as never)).toThrow(/Unknown simulator fault/);
  });
});

describe('close', () => {
  it('ends held connections so that close does not hang', async () => {
    const simulator = await startSimulatorWith([echo], fixed);
    simulator.fail('mitto', 'no-answer');
    const pending = post(simulator.url, 'to=1&text=a', undefined, 10_000).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await simulator.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
