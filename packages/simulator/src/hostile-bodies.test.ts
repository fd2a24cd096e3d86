import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawRequest } from './raw-request.test-helper.js';
import type { Simulator } from './simulator.js';
import { startSimulator } from './start-simulator.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

const paths = ['/sms/json', '/v1/messages', '/v1/calls', '/sms.json', '/v1.0/messagedispatcher'];

it('lets no request body reach Object.prototype, form or JSON', async () => {
  const bodies = [
    [
      'application/x-www-form-urlencoded',
      '__proto__[polluted]=yes&constructor[prototype][polluted]=yes&__proto__=x',
    ],
    ['application/json', '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'],
  ] as const;
  for (const path of paths) {
    for (const [type, body] of bodies) {
      // Refused for want of credentials (Vonage's SMS API says so with HTTP 200 and a status).
      const answer = await rawRequest(`${simulator.url}${path}`, { headers: { 'content-type': type }, body });
      expect(answer.status, `${path} ${type}`).toBeGreaterThanOrEqual(200);
    }
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(simulator.messages).toEqual([]);
});
