import { inspect } from 'node:util';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { PhoneMessage } from '../contract/types.js';
import { isMfaSmsError } from '../errors/errors.js';
import { createHttpClient } from './http.js';
import type { HttpResponse } from './http-types.js';
import { type MessagePost, postMessage } from './post-message.js';
import { createProviderErrors } from './provider-errors.js';

const message: PhoneMessage = {
  to: '+447400123456',
  text: 'Your code is 493817',
  channel: 'sms',
  code: '493817',
};
const errors = createProviderErrors({ provider: 'acme', label: 'Acme' });
const sentSchema = z.object({ id: z.string() });

function answering(status: number, body: string) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const bodies: string[] = [];
  agent
    .get('https://api.acme.test')
    .intercept({ path: '/send', method: 'POST' })
    .reply((request) => {
      bodies.push(String(request.body));
      return { statusCode: status, data: body };
    });
  return { http: createHttpClient({ errors, baseUrl: 'https://api.acme.test', dispatcher: agent }), bodies };
}

const failure = (response: HttpResponse, sensitive: string[]) =>
  errors.fromResponse(response, { code: 'rejected', sensitive });

function post(overrides: Partial<MessagePost<{ id: string }>> = {}): MessagePost<{ id: string }> {
  return {
    path: '/send',
    body: { to: message.to },
    message,
    sendOptions: undefined,
    failure,
    schema: sentSchema,
    ...overrides,
  } as MessagePost<{ id: string }>;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('postMessage', () => {
  it('sends an object as JSON, a string as it is, and reads the answer with the schema', async () => {
    const json = answering(201, '{"id":"m1"}');
    await expect(postMessage(json.http, post())).resolves.toMatchObject({ answer: { id: 'm1' } });
    expect(json.bodies).toEqual(['{"to":"+447400123456"}']);
    const form = answering(200, '{"id":"m2"}');
    await postMessage(form.http, post({ body: 'To=%2B447400123456' }));
    expect(form.bodies).toEqual(['To=%2B447400123456']);
  });

  it("hands a failed answer to the provider's mapper with the message's values to hide", async () => {
    const { http } = answering(400, 'no: 493817 for +447400123456');
    const error = await rejectionOf(postMessage(http, post()));
    expect(isMfaSmsError(error) && error.code).toBe('rejected');
    expect(inspect(error)).not.toContain('493817');
    expect(inspect(error)).not.toContain('447400123456');
  });

  it('takes the statuses the provider accepts, and a refusal inside an accepted answer', async () => {
    const created = answering(202, '{"id":"m1"}');
    const notCreated = await rejectionOf(
      postMessage(created.http, post({ accepted: (status) => status === 201 })),
    );
    expect(isMfaSmsError(notCreated) && notCreated.status).toBe(202);
    const refused = answering(200, '{"id":"m1","error":1}');
    const error = await rejectionOf(
      postMessage(refused.http, post({ refused: (r) => r.body.includes('error') })),
    );
    expect(isMfaSmsError(error) && error.code).toBe('rejected');
  });

  it('is bad_response for an accepted answer the schema refuses, and uses a reader when given', async () => {
    const odd = answering(200, '{"uuid":1}');
    const error = await rejectionOf(postMessage(odd.http, post()));
    expect(isMfaSmsError(error) && error.code).toBe('bad_response');
    const xml = answering(200, '<id>m9</id>');
    const read = (response: HttpResponse) => response.body.slice(4, -5);
    const { schema: _json, ...request } = post() as MessagePost<{ id: string }> & { schema: unknown };
    await expect(postMessage(xml.http, { ...request, read })).resolves.toMatchObject({
      answer: 'm9',
    });
  });

  it('stops at the caller’s signal', async () => {
    const { http } = answering(200, '{"id":"m1"}');
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    const error = await rejectionOf(postMessage(http, post({ sendOptions: { signal: controller.signal } })));
    expect((error as Error).message).toBe('caller gave up');
  });
});
