import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type { PhoneMessage } from '@mfa-sms/core';
import { testMessage } from '@mfa-sms/simulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VonageOptions } from './vonage-options.js';
import { createVonage } from './vonage-provider.js';

// A Vonage (or a proxy in front of it) that echoes the request it was sent in its error: every
// form a credential is sent in must be redacted from the error the provider makes of it.
type Echo = (request: IncomingMessage, body: string) => { status: number; type?: string; body: string };
let answer: Echo = () => ({ status: 500, body: '' });
let url = '';
const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  let body = '';
  request.on('data', (chunk: Buffer) => {
    body += chunk.toString('utf8');
  });
  request.on('end', () => {
    const { status, type, body: text } = answer(request, body);
    response.writeHead(status, { 'content-type': type ?? 'application/json' });
    response.end(text);
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const apiKey = 'abcd1234';
const apiSecret = 'Sup3r Secret!';
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const message: PhoneMessage = testMessage();

function vonage(overrides: Partial<VonageOptions> = {}) {
  return createVonage({
    apiKey,
    apiSecret,
    from: 'Acme',
    applicationId: '00000000-0000-4000-8000-000000000000',
    // Pasted with Windows line ends.
    privateKey: privateKey.replaceAll('\n', '\r\n'),
    voice: { from: '447700900000' },
    baseUrl: url,
    timeoutMs: 2000,
    ...overrides,
  });
}

async function shownError(send: Promise<unknown>): Promise<string> {
  const error = await send.then(
    () => expect.unreachable('the send should fail'),
    (caught: unknown) => caught,
  );
  return `${String(error)}\n${inspect(error, { depth: 6 })}\n${JSON.stringify(error)}`;
}

function echoOf(request: IncomingMessage, body: string): string {
  return `${request.method} ${request.url} authorization=${request.headers.authorization ?? ''} body=${body}`;
}

function expectNoCredential(shown: string, ...more: string[]) {
  const basic = Buffer.from(`${apiKey}:${apiSecret}`).toString('base64');
  for (const value of [apiSecret, 'Sup3r+Secret%21', 'Sup3r%20Secret', basic, basic.slice(4, -4), ...more])
    expect(shown).not.toContain(value);
  for (const line of privateKey.split('\n').filter((line) => line && !line.startsWith('-----')))
    expect(shown).not.toContain(line);
  // Nothing left in the text decodes to the secret.
  for (const piece of shown.split(/[^A-Za-z0-9+/=]+/))
    expect(Buffer.from(piece, 'base64').toString('latin1')).not.toContain('Secret');
  expect(shown).not.toContain('493817');
  expect(shown).not.toContain('7400123456');
}

describe('Vonage errors from an echoed request', () => {
  it('SMS API: redacts the form-encoded api_secret (Sup3r+Secret%21)', async () => {
    answer = (request, body) => ({ status: 401, type: 'text/plain', body: echoOf(request, body) });
    const shown = await shownError(vonage().send(message));
    expect(shown).toContain('api_secret=[redacted]');
    expectNoCredential(shown);
  });

  it('Messages API: redacts the Basic header and what decodes to key:secret', async () => {
    answer = (request, body) => ({
      status: 401,
      body: JSON.stringify({ title: 'Unauthorized', detail: echoOf(request, body) }),
    });
    const shown = await shownError(vonage({ api: 'messages' }).send(message));
    expect(shown).toContain('Basic [redacted]');
    expectNoCredential(shown);
  });

  it('Voice API: redacts the bearer JWT', async () => {
    let jwt = '';
    answer = (request) => {
      jwt = String(request.headers.authorization).slice(7);
      return { status: 401, body: JSON.stringify({ title: 'Invalid Token', detail: `${jwt} is not valid` }) };
    };
    const shown = await shownError(vonage().send({ ...message, channel: 'voice' }));

    expect(jwt.split('.')).toHaveLength(3);
    const [, claims = '', signature = ''] = jwt.split('.');
    expectNoCredential(shown, jwt, signature, claims.slice(0, 24));
  });

  it('redacts error-text before shortening it: no digit of the code survives the cut', async () => {
    answer = (_request, body) => {
      const text = new URLSearchParams(body).get('text') ?? '';
      return {
        status: 200,
        body: JSON.stringify({
          'message-count': '1',
          // Cut at 160 characters, this would leave the first five digits of the code.
          messages: [{ status: '4', 'error-text': `${'x'.repeat(140)} ${text} (echoed)` }],
        }),
      };
    };
    const shown = await shownError(vonage().send(message));
    expect(shown).toContain('xxxx');
    expect(shown).not.toMatch(/49381|4938|9381/);
  });

  it('redacts key lines echoed in JSON with their \\r\\n', async () => {
    answer = () => ({
      status: 400,
      type: 'text/plain',
      body: JSON.stringify({ echoed: privateKey.replaceAll('\n', '\r\n') }),
    });
    expectNoCredential(await shownError(vonage({ api: 'messages' }).send(message)));
  });
});
