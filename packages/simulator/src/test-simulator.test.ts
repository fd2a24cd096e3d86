import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { mittoSimulator } from './providers/mitto/mitto-simulator.js';
import { useSimulator } from './test-simulator.js';

/** A send Mitto's simulator accepts. */
function mittoSms(apiKey: string) {
  return {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', 'x-mitto-api-key': apiKey },
    body: JSON.stringify({ from: 'Acme', to: '491775682913', text: 'Your code is 123456' }),
  };
}

const outside = useSimulator();
let readBeforeStart: unknown;
try {
  readBeforeStart = outside.simulator.url;
} catch (error) {
  readBeforeStart = error;
}

describe('useSimulator', () => {
  const { simulator, agent, record } = useSimulator();

  it('refuses a read of the simulator before its beforeAll, saying where to read it', () => {
    expect(readBeforeStart).toBeInstanceOf(Error);
    expect((readBeforeStart as Error).message).toMatch(/read it in a test or hook/);
  });

  it('gives a started simulator, its methods bound, its properties spreadable', async () => {
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { fail } = simulator;
    expect(() => fail('mitto', 'auth')).not.toThrow();
    expect({ ...simulator.credentials }.mitto?.apiKey).toEqual(expect.any(String));
    expect('credentials' in simulator).toBe(true);
  });

  it('resets before each test: the fault above is gone, and record() keeps what is sent', async () => {
    const { dispatcher, sent } = record();
    const answer = await request(`${simulator.url}/sms.json`, {
      ...mittoSms(simulator.credentials.mitto.apiKey),
      dispatcher,
    });
    await answer.body.text();
    expect(answer.statusCode).toBe(200);
    expect(sent).toMatchObject([{ path: '/sms.json', body: expect.stringContaining('491775682913') }]);
    expect(simulator.requests).toHaveLength(1);
    expect(agent.closed).toBe(false);
  });

  it('reset before this one too', () => {
    expect(simulator.requests).toHaveLength(0);
  });
});

describe('useSimulator with providers and reset: false', () => {
  const { simulator } = useSimulator({ providers: [mittoSimulator], reset: false });

  it('starts only the providers given', () => {
    expect(simulator.providers.map((provider) => provider.name)).toEqual(['mitto']);
    simulator.fail('mitto', 'auth');
  });

  it('keeps what a test left when reset is false: the fault above answers', async () => {
    const answer = await request(`${simulator.url}/sms.json`, mittoSms(simulator.credentials.mitto.apiKey));
    await answer.body.text();
    expect(answer.statusCode).toBe(401);
  });
});
