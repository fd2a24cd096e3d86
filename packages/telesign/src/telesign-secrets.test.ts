import { everythingVisible, rejection } from '@mfa-sms/simulator/testing';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createTelesign } from './telesign-provider.js';

// Answers that echo the request (a proxy's error page, a debugging gateway) carry the Basic
// header. Only the Customer ID and the API key are listed as secrets: core hides the header built
// from them, for a short API key too.
function echoingApi(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const reply = (request: { headers?: unknown }) => ({
    statusCode: 401,
    data: `{"message":"denied: ${(request.headers as Record<string, string>).authorization}"}`,
  });
  agent
    .get('https://echo.test')
    .intercept({ path: () => true, method: 'POST' })
    .reply(reply);
  return agent;
}

describe('createTelesign: the API key inside the Basic header', () => {
  it.each(['VGVs+ZXNpZ24/S2V5', 'k3y!'])(
    'stays out of an error that echoes the header (%s)',
    async (secret) => {
      const provider = createTelesign({
        customerId: 'C-1',
        apiKey: secret,
        baseUrl: 'https://echo.test',
        dispatcher: echoingApi(),
      });
      const sms = {
        to: '+447400123456',
        text: 'Your code is 493817',
        channel: 'sms',
        code: '493817',
      } as const;
      const visible = everythingVisible(await rejection(provider.send(sms)));
      expect(visible).toContain('denied: Basic ');
      const token = Buffer.from(`C-1:${secret}`).toString('base64');
      // What the shown base64 decodes to, from each offset, holds no piece of the secret.
      for (const piece of visible.split(/[^A-Za-z0-9+/]+/)) {
        for (const shift of [0, 1, 2, 3]) {
          const decoded = Buffer.from(piece.slice(shift), 'base64').toString('latin1');
          expect(decoded.includes(secret.slice(0, 3)) || decoded.includes(secret.slice(-3))).toBe(false);
        }
      }
      expect(visible).not.toContain(token.slice(-8));
    },
  );
});
