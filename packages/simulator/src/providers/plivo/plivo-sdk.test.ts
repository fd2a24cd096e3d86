import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-simulator.js';

// Plivo's official Node SDK, pointed at the simulator: it must accept what Plivo accepts from it.
const require = createRequire(import.meta.url);

interface PlivoModule {
  Client: new (
    authId: string,
    authToken: string,
    options: { url: string },
  ) => {
    messages: {
      create(input: {
        src: string;
        dst: string;
        text: string;
      }): Promise<{ messageUuid: string[]; message: string }>;
    };
  };
}

const { simulator } = useSimulator();

describe('the plivo SDK', () => {
  const plivo = require('plivo') as PlivoModule;

  it('sends an SMS through messages.create', async () => {
    const { authId, authToken } = simulator.credentials.plivo;
    // Only the origin changes: the SDK's default is https://api.plivo.com/v1/Account/{authId}.
    const client = new plivo.Client(authId, authToken, { url: `${simulator.url}/v1/Account/${authId}` });
    const answer = await client.messages.create({
      src: '+14155550100',
      dst: '+447400123456',
      text: 'Your code is 493817',
    });
    expect(answer.message).toBe('message(s) queued');
    expect(answer.messageUuid).toEqual([simulator.messages[0]?.id]);
    expect(simulator.messages).toMatchObject([
      { provider: 'plivo', from: '+14155550100', to: '+447400123456', text: 'Your code is 493817' },
    ]);
  });

  it('gets a 401 with wrong credentials', async () => {
    const { authId } = simulator.credentials.plivo;
    const client = new plivo.Client(authId, 'not-the-token', {
      url: `${simulator.url}/v1/Account/${authId}`,
    });
    await expect(
      client.messages.create({ src: '+14155550100', dst: '+447400123456', text: 'x' }),
    ).rejects.toMatchObject({ message: 'authentication_failed', status: 401 });
    expect(simulator.messages).toHaveLength(0);
  });
});
