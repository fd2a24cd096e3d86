import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createManagementClient } from '../src/cli/deploy/management-client.js';
import { listActions } from './deploy-helpers.js';

// A Management API that echoes what it was sent, as a misbehaving proxy or a verbose error page
// would: every error the deploy client makes from it must hold none of it.
type Answer = (request: IncomingMessage, body: string) => { status: number; body: string };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function echoingApi(token: Answer, api: Answer): Promise<string> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      const answer = (request.url === '/oauth/token' ? token : api)(request, body);
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const clientSecret = 'TopSecret"Client\\Value/2026';
const pem = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
  '-----END PRIVATE KEY-----',
].join('\r\n');
const actionSecret = 'action-secret "quoted" & more';

async function failureOf(origin: string): Promise<string> {
  const client = createManagementClient({
    origin,
    clientId: 'client-id',
    clientSecret,
    hidden: [actionSecret, pem],
    notice: () => {},
  });
  const failure = await listActions(client).then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error,
  );
  return `${String(failure)}\n${inspect(failure, { depth: 5 })}`;
}

function expectNothingOf(shown: string, ...values: string[]) {
  for (const value of values) expect(shown).not.toContain(value);
  expect(shown).not.toContain('TopSecret');
  expect(shown).not.toContain('Client\\\\Value');
  expect(shown).not.toContain('quoted');
  expect(shown).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj');
  expect(shown).not.toContain('MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu');
}

describe('Management API client errors from echoed requests', () => {
  it.each([401, 403])('keeps the client secret out of a %i token answer that echoes it', async (status) => {
    const origin = await echoingApi(
      (_request, body) => ({
        status,
        body: JSON.stringify({
          error: 'access_denied',
          error_description: `client_secret ${JSON.parse(body).client_secret} is not valid; sent ${body}`,
        }),
      }),
      () => ({ status: 500, body: '{}' }),
    );
    const shown = await failureOf(origin);
    expect(shown).toContain('access_denied');
    expectNothingOf(shown, clientSecret);
  });

  it('keeps the bearer token, JSON-escaped secret values and key lines out of an echoed API error', async () => {
    let bearer = '';
    const origin = await echoingApi(
      () => ({
        status: 200,
        body: JSON.stringify({
          access_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVlLTEyMzQ1Njc4OTA',
        }),
      }),
      (request) => {
        bearer = String(request.headers.authorization);
        return {
          status: 400,
          body: JSON.stringify({
            statusCode: 400,
            message: `Invalid request ${bearer}: secrets ${JSON.stringify([actionSecret, pem, clientSecret])}`,
          }),
        };
      },
    );
    const shown = await failureOf(origin);
    expect(shown).toContain('Invalid request');
    expectNothingOf(
      shown,
      bearer.slice(7),
      'c2lnbmF0dXJlLXZhbHVlLTEyMzQ1Njc4OTA',
      actionSecret,
      clientSecret,
    );
  });

  it('keeps them out of a non-JSON echo of the whole request', async () => {
    const origin = await echoingApi(
      (_request, body) => ({ status: 502, body: `<html><pre>${body}</pre></html>` }),
      () => ({ status: 500, body: '{}' }),
    );
    const shown = await failureOf(origin);
    expect(shown).toContain('HTTP 502');
    expectNothingOf(shown, clientSecret);
  });
});

describe('Management API client and huge answers', () => {
  it('summarises an 8 MiB error answer, transfer included, in well under the seconds it took', async () => {
    let slowest = 0;
    for (const filler of ['<', '1 ', 'QUFB', 'x']) {
      const origin = await echoingApi(
        () => ({ status: 200, body: JSON.stringify({ access_token: 'token-value-0123456789' }) }),
        () => ({ status: 500, body: `${filler.repeat((8 * 1024 * 1024) / filler.length)}${clientSecret}` }),
      );
      const started = performance.now();
      const shown = await failureOf(origin);
      slowest = Math.max(slowest, performance.now() - started);
      expect(shown).toContain('HTTP 500');
      expectNothingOf(shown, clientSecret);
    }
    expect(slowest).toBeLessThan(1500);
  });
});
