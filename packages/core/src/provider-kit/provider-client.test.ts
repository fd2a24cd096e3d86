import { inspect } from 'node:util';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isMfaSmsError } from '../errors/errors.js';
import { basicAuthorization, chosenSender, createProviderClient } from './provider-client.js';

const schema = z.strictObject({
  user: z.string(),
  password: z.string().check(z.minLength(1)),
  from: z.optional(z.string()),
  baseUrl: z._default(z.string(), 'https://api.acme.test'),
  timeoutMs: z._default(z.number(), 10_000),
  dispatcher: z.optional(z.custom<MockAgent>((value) => value instanceof MockAgent)),
});
type Options = z.input<typeof schema>;

function mockApi(answer: (headers: Record<string, string>) => [number, string]) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const seen: Record<string, string>[] = [];
  agent
    .get('https://api.acme.test')
    .intercept({ path: () => true, method: 'POST' })
    .reply((request) => {
      const headers = request.headers as Record<string, string>;
      seen.push(headers);
      const [status, body] = answer(headers);
      return { statusCode: status, data: body };
    })
    .persist();
  return { agent, seen };
}

function acme(options: Options, userListed = false) {
  return createProviderClient(schema, options, {
    name: 'acme',
    label: 'Acme',
    version: '1.2.3',
    secrets: (checked) => (userListed ? [checked.password, checked.user] : [checked.password]),
    authorization: (checked) => basicAuthorization(checked.user, checked.password),
    encoding: 'form',
    senderRequired: { sms: true, voice: false },
  });
}

const credentials = { user: 'AC0123456789', password: 'Sup3r+Secret/Password' };

describe('createProviderClient', () => {
  it('checks the options first: a bad one is invalid_config naming it, never its value', () => {
    const error = (() => {
      try {
        acme({ ...credentials, password: '' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(isMfaSmsError(error) && error.code).toBe('invalid_config');
    expect(String((error as Error).message)).toContain('"password"');
    expect(inspect(error)).not.toContain('Sup3r');
  });

  it('sends the authentication, encoding and user agent with every request', async () => {
    const { agent, seen } = mockApi(() => [200, '{}']);
    const { http, settings } = acme({ ...credentials, dispatcher: agent });
    expect(settings.timeoutMs).toBe(10_000);
    await http.request({ path: '/send', body: 'a=1' });
    expect(seen[0]).toMatchObject({
      authorization: `Basic ${Buffer.from('AC0123456789:Sup3r+Secret/Password').toString('base64')}`,
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'mfa-sms-acme/1.2.3',
    });
  });

  // Each Basic-header provider's layout, with the shortest credentials its schema accepts: only
  // the raw values are listed (as each factory lists them), and the header is hidden whole.
  it.each([
    ['Twilio, auth token', `AC${'0'.repeat(32)}`, 'Tw1l+o/8', false],
    ['Twilio, API key', `SK${'f'.repeat(32)}`, 'S3cr+t/k', false],
    ['Plivo', 'MA0123456789ABCDEFGH', 'Pl1v0!ok', false],
    ['ClickSend', 'acme-user', 'C1ick+Ky', false],
    ['Telesign', 'C', 'k', true],
    ['Esendex', 'me@x.io', 'pw5!x', true],
    ['a long password', 'AC0123456789', 'Sup3r+Secret/Password', false],
  ])('hides the Basic header an answer echoes: %s', async (_, user, password, userListed) => {
    const { agent } = mockApi((headers) => [401, `refused: ${headers.authorization}`]);
    const { http } = acme({ user, password, dispatcher: agent }, userListed);
    const response = await http.request({ path: '/send', body: 'a=1' });
    const visible = inspect(http.errors.fromResponse(response));
    expect(visible).toContain('Acme answered HTTP 401: refused: Basic [redacted]');
    const windows = [...password].map((_, at) => password.slice(at, at + 3)).filter((w) => w.length === 3);
    for (const piece of visible.split(/[^A-Za-z0-9+/]+/)) {
      for (let shift = 0; shift < 4; shift += 1) {
        const decoded = Buffer.from(piece.slice(shift), 'base64').toString('latin1');
        for (const window of windows) expect(decoded).not.toContain(window);
      }
    }
  });

  it('connects a second host with the same headers and errors, and makes http on first use', async () => {
    const { agent, seen } = mockApi(() => [200, '{}']);
    const client = acme({ ...credentials, baseUrl: 'https://elsewhere.test', dispatcher: agent });
    const other = client.connect('https://api.acme.test');
    await other.request({ path: '/x' });
    expect(seen[0]?.['user-agent']).toBe('mfa-sms-acme/1.2.3');
    expect(other.errors).toBe(client.errors);
    expect(client.http).toBe(client.http);
  });

  it('resolves the sender from option from, with the required channels', () => {
    const { senders } = acme({ ...credentials, from: '+14155550100' });
    expect(senders({ to: '+447400123456', channel: 'sms' })).toEqual({ sender: '+14155550100' });
    const none = acme(credentials).senders;
    expect(none({ to: '+447400123456', channel: 'sms' }).problem?.code).toBe('invalid_config');
    expect(none({ to: '+447400123456', channel: 'voice' })).toEqual({});
    const callers = acme(credentials).senderResolver('Acme', 'voice.from', { sms: false, voice: true });
    expect(callers({ to: '+447400123456', channel: 'voice' }).problem?.message).toContain('"voice.from"');
    expect(chosenSender(senders({ to: '+447400123456', channel: 'sms' }))).toBe('+14155550100');
    expect(() => chosenSender(none({ to: '+447400123456', channel: 'sms' }))).toThrow(/option "from"/);
  });
});

describe('basicAuthorization', () => {
  it('is RFC 7617 Basic with UTF-8 credentials', () => {
    expect(basicAuthorization('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(basicAuthorization('test', '123£')).toBe('Basic dGVzdDoxMjPCow==');
  });
});
