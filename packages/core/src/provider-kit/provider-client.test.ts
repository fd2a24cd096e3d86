import { inspect } from 'node:util';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isMfaSmsError } from '../errors/errors.js';
import { basicAuthorization, createProviderClient } from './provider-client.js';

const schema = z.strictObject({
  user: z.string(),
  password: z.string().check(z.minLength(5)),
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

function acme(options: Options) {
  return createProviderClient(schema, options, {
    name: 'acme',
    label: 'Acme',
    version: '1.2.3',
    secrets: (checked) => [checked.password],
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
        acme({ ...credentials, password: 'shrt' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(isMfaSmsError(error) && error.code).toBe('invalid_config');
    expect(String((error as Error).message)).toContain('"password"');
    expect(inspect(error)).not.toContain('shrt');
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

  // A long secret is hidden by its base64 runs, which need no user name; a short one's base64 is
  // too short to be told from chance, and only the header hidden whole keeps it out.
  it.each([
    ['a long', 'Sup3r+Secret/Password', /Sup3r|Secret|Password|\+Sec|t\/Pa/],
    ['a short', 'Pa5!w', /Pa5|a5!|5!w/],
  ])(
    'hides its Basic header echoed in an answer, with %s password listed raw',
    async (_, password, pieces) => {
      const { agent } = mockApi((headers) => [401, `refused: ${headers.authorization}`]);
      const { http, errors } = acme({ ...credentials, password, dispatcher: agent });
      const response = await http.request({ path: '/send', body: 'a=1' });
      const visible = inspect(errors.fromResponse(response));
      expect(visible).toMatch(/Acme answered HTTP 401: refused: Basic [\w+/]*\[redacted\]/);
      for (const piece of visible.split(/[\s[\]:'"]+/)) {
        for (let shift = 0; shift < 4; shift += 1) {
          expect(Buffer.from(piece.slice(shift), 'base64').toString('latin1')).not.toMatch(pieces);
        }
      }
    },
  );

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
  });
});

describe('basicAuthorization', () => {
  it('is RFC 7617 Basic with UTF-8 credentials', () => {
    expect(basicAuthorization('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(basicAuthorization('test', '123£')).toBe('Basic dGVzdDoxMjPCow==');
  });
});
