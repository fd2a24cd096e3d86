import { inspect } from 'node:util';
import { startManagementSimulator } from '@mfa-sms/simulator';
import { describe, expect, it } from 'vitest';
import { createManagementClient, rateLimitWaitMs } from '../src/cli/deploy/management-client.js';
import { listActions } from './deploy-helpers.js';

describe('Management API client', () => {
  it('waits as Retry-After says, else until x-ratelimit-reset, within a minute', () => {
    const now = 1_800_000_000_000;
    expect(rateLimitWaitMs({ 'retry-after': '3' }, now)).toBe(3000);
    expect(rateLimitWaitMs({ 'x-ratelimit-reset': String(now / 1000 + 2) }, now)).toBe(2000);
    expect(rateLimitWaitMs({ 'x-ratelimit-reset': String(now / 1000 - 5) }, now)).toBe(0);
    expect(rateLimitWaitMs({ 'retry-after': '3600' }, now)).toBe(60_000);
    expect(rateLimitWaitMs({}, now)).toBe(1000);
  });

  it('keeps the client secret and the Action secrets out of its errors, inspected or not', async () => {
    const management = await startManagementSimulator();
    try {
      const clientSecret = `${management.clientSecret}-but-wrong`;
      const client = createManagementClient({
        origin: management.url,
        clientId: management.clientId,
        clientSecret,
        hidden: ['an-action-secret'],
        notice: () => {},
      });
      const failure = await listActions(client).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'auth_failed', provider: 'auth0' });
      const shown = `${String(failure)} ${inspect(failure, { depth: 5 })}`;
      expect(shown).toContain('AUTH0_CLIENT_SECRET');
      expect(shown).not.toContain(clientSecret);
      expect(shown).not.toContain(management.clientSecret);
    } finally {
      await management.close();
    }
  });
});
