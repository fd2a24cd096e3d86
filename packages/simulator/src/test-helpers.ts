import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { type Dispatcher, isMfaSmsError, type MfaSmsError } from '@mfa-sms/core';

/** A loopback port nothing listens on: one the system just gave us and that we closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The `MfaSmsError` a promise rejects with; anything else (or a success) fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<MfaSmsError> {
  const caught = await promise.then(
    () => new Error('expected a rejection, got a success'),
    (error: unknown) => error,
  );
  if (!isMfaSmsError(caught)) throw new Error(`expected an MfaSmsError, got ${inspect(caught)}`);
  return caught;
}

export interface RecordedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A dispatcher that keeps what was sent, for assertions on the raw request: `base` (an undici
 * Agent) with a recording interceptor, so the client dispatches through it as through any pool.
 */
export function recordingDispatcher(base: Dispatcher): { dispatcher: Dispatcher; sent: RecordedRequest[] } {
  const sent: RecordedRequest[] = [];
  const dispatcher = base.compose((dispatch) => (options, handler) => {
    sent.push({
      path: options.path,
      headers: options.headers as Record<string, string>,
      body: String(options.body),
    });
    return dispatch(options, handler);
  });
  return { dispatcher, sent };
}

/** Every way an error can be seen (messages and stacks down its causes, inspect, JSON), for leak checks. */
export function everythingVisible(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof Error) parts.push(current.message, current.stack ?? '');
    current = (current as { cause?: unknown }).cause;
  }
  parts.push(inspect(error, { depth: null }));
  try {
    parts.push(JSON.stringify(error));
  } catch {
    // A circular error is still inspected above.
  }
  return parts.join('\n');
}
