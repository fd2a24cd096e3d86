import { everythingVisible, rejection } from '@mfa-sms/simulator/testing';
import { MockAgent } from 'undici';
import { expect, it } from 'vitest';
import { createEsendex } from './esendex-provider.js';

// Esendex lists its login as a secret too. Its base64 inside the Basic token was once replaced
// before the token itself, which then no longer matched: the end of the token, a short
// password's base64, stayed readable in an answer that echoed the request.
it('keeps a short password out of an answer that echoes the Basic header', async () => {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get('https://esendex.echo.test')
    .intercept({ path: '/v1.0/messagedispatcher', method: 'POST' })
    .reply((request) => ({ statusCode: 401, data: `echo: ${Object(request.headers).authorization}` }));
  const esendex = createEsendex({
    accountReference: 'EX0000000',
    username: 'me@x.io',
    password: 'pw5!x',
    baseUrl: 'https://esendex.echo.test',
    dispatcher: agent,
  });
  const error = await rejection(esendex.send({ to: '+447400123456', text: 'Code 493817', channel: 'sms' }));
  expect(error.code).toBe('auth_failed');
  expect(everythingVisible(error)).toContain('echo: Basic [redacted]');
  expect(everythingVisible(error)).not.toContain(Buffer.from('me@x.io:pw5!x').toString('base64').slice(-8));
});
