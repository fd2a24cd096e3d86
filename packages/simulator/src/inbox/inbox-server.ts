import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FailOptions, Fault } from '../faults.js';
import type { SimulatedMessage, SimulatedProvider, SimulatedRequest } from '../simulated-provider.js';
import { describeFault, faultFromName, faultRequestSchema } from './inbox-faults.js';
import { type InboxMessage, toInboxMessage } from './inbox-message.js';
import { createNotes, type InboxNotes } from './inbox-notes.js';
import { inboxPage } from './inbox-page.js';
import { inboxScript } from './inbox-script.js';
import { inboxStyle } from './inbox-style.js';

/** A fault waiting for its requests, as `GET /api/faults` and the page list it. */
export interface PendingFaultView {
  provider: string;
  fault: Fault;
  description: string;
  remaining: number;
  channel?: 'sms' | 'voice';
  probability: number;
}

/** A request the simulator did not accept: a fault it served, or a request it rejected. */
export interface FailedRequestView extends SimulatedRequest {
  description: string;
}

/** What the inbox reads and changes of the simulator it is part of. */
export interface InboxState {
  providers: readonly SimulatedProvider[];
  messages: readonly SimulatedMessage[];
  requests: readonly SimulatedRequest[];
  pendingFaults(): Omit<PendingFaultView, 'description'>[];
  fail(provider: string, fault: Fault, options: FailOptions): void;
  /** Forgets messages and requests; pending faults stay armed. */
  clearMessages(): void;
  clearFaults(): void;
}

export type InboxEvent =
  | { type: 'message'; message: SimulatedMessage }
  | { type: 'request'; request: SimulatedRequest }
  | { type: 'faults' }
  | { type: 'cleared' };

export interface Inbox extends InboxNotes {
  /** True for the paths the inbox answers; they are checked against every provider route at start. */
  serves(path: string): boolean;
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
  /** Tells every open page (server-sent events) what changed. */
  publish(event: InboxEvent): void;
}

const maxBodyBytes = 16 * 1024;

// The page loads nothing from elsewhere; the policy makes that a promise the browser keeps.
const pageSecurity = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function describeRequest(request: SimulatedRequest): FailedRequestView {
  const description = request.fault
    ? describeFault(request.fault)
    : `${request.outcome}${request.status === undefined ? '' : ` (HTTP ${request.status})`}`;
  return { ...request, description };
}

function isFailed(request: SimulatedRequest): boolean {
  return request.outcome !== 'accepted';
}

function readSmallBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}

function answer(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
    'content-length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  answer(response, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8' });
}

function methodNotAllowed(response: ServerResponse, allow: string): void {
  answer(response, 405, JSON.stringify({ error: 'method not allowed', allow }), {
    'content-type': 'application/json; charset=utf-8',
    allow,
  });
}

/**
 * The inbox: a page at the simulator's root, its script and style, and a JSON API beside it.
 * Throws when a provider route would answer one of its paths, so neither can hide the other.
 */
export function createInbox(state: InboxState): Inbox {
  // One name per provider: Twilio's Messages and Verify simulators are both `twilio`.
  const names = [...new Set(state.providers.map((provider) => provider.name))];
  const [first, ...rest] = names;
  if (first === undefined) throw new Error('The inbox needs at least one simulated provider');
  const faultRequest = faultRequestSchema([first, ...rest]);
  const page = inboxPage(names);
  const streams = new Set<ServerResponse>();
  const notes = createNotes();

  const routes: Record<
    string,
    Record<string, (request: IncomingMessage, response: ServerResponse) => unknown>
  > = {
    '/': {
      GET: (_request, response) =>
        answer(response, 200, page, { ...pageSecurity, 'content-type': 'text/html; charset=utf-8' }),
    },
    '/inbox.js': {
      GET: (_request, response) =>
        answer(response, 200, inboxScript, {
          ...pageSecurity,
          'content-type': 'text/javascript; charset=utf-8',
        }),
    },
    '/inbox.css': {
      GET: (_request, response) =>
        answer(response, 200, inboxStyle, { ...pageSecurity, 'content-type': 'text/css; charset=utf-8' }),
    },
    '/api/messages': {
      GET: (_request, response) => json(response, 200, { messages: newestFirst() }),
      DELETE: (_request, response) => {
        state.clearMessages();
        json(response, 200, { cleared: true });
      },
    },
    '/api/faults': {
      GET: (_request, response) => json(response, 200, faultsView()),
      POST: (request, response) => armFault(request, response),
      DELETE: (_request, response) => {
        state.clearFaults();
        json(response, 200, faultsView());
      },
    },
    '/api/events': { GET: (_request, response) => openStream(response) },
  };

  for (const path of Object.keys(routes)) {
    for (const provider of state.providers) {
      for (const route of provider.routes) {
        if (route.path.test(path)) {
          throw new Error(
            `The ${provider.name} route ${String(route.path)} would answer the inbox's ${path}`,
          );
        }
      }
    }
  }

  function newestFirst(): InboxMessage[] {
    const views: InboxMessage[] = [];
    for (let index = state.messages.length - 1; index >= 0; index -= 1) {
      views.push(toInboxMessage(state.messages[index] as SimulatedMessage, state.providers));
    }
    return views;
  }

  function pendingView(): PendingFaultView[] {
    return state.pendingFaults().map((entry) => ({ ...entry, description: describeFault(entry.fault) }));
  }

  function faultsView(): { pending: PendingFaultView[]; failed: FailedRequestView[] } {
    return { pending: pendingView(), failed: state.requests.filter(isFailed).map(describeRequest).reverse() };
  }

  async function armFault(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readSmallBody(request);
    if (!/^application\/json\b/i.test(String(request.headers['content-type'] ?? ''))) {
      json(response, 415, { error: 'send the fault as application/json' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body ?? '');
    } catch {
      json(response, 400, { error: 'the body is not JSON' });
      return;
    }
    const checked = faultRequest.safeParse(parsed);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      json(response, 400, { error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    let fault: Fault;
    try {
      fault = faultFromName(checked.data.fault);
    } catch {
      json(response, 400, { error: `fault: unknown fault "${checked.data.fault}"` });
      return;
    }
    const { provider, times, channel } = checked.data;
    state.fail(provider, fault, { times, ...(channel ? { channel } : {}) });
    json(response, 201, faultsView());
  }

  function write(stream: ServerResponse, type: string, data: unknown): void {
    stream.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  function openStream(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    // A page that (re)connects starts from the whole state, so nothing sent meanwhile is missed.
    write(response, 'snapshot', { messages: newestFirst(), ...faultsView(), notes: notes.newestFirst() });
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  return {
    serves: (path) => Object.hasOwn(routes, path),
    async handle(request, response, url) {
      const methods = routes[url.pathname] ?? {};
      const method = request.method ?? 'GET';
      const handler = methods[method];
      // Only POST reads a body; any other is drained so that the connection can be reused.
      if (method !== 'POST' || !handler) request.resume();
      if (!handler) {
        methodNotAllowed(response, Object.keys(methods).join(', '));
        return;
      }
      await handler(request, response);
    },
    publish(event) {
      if (event.type === 'cleared') notes.clear();
      if (streams.size === 0) return;
      switch (event.type) {
        case 'message':
          for (const stream of streams)
            write(stream, 'message', toInboxMessage(event.message, state.providers));
          return;
        case 'request':
          if (!isFailed(event.request)) return;
          for (const stream of streams) write(stream, 'failed', describeRequest(event.request));
          return;
        case 'faults': {
          const pending = pendingView();
          for (const stream of streams) write(stream, 'faults', pending);
          return;
        }
        case 'cleared':
          for (const stream of streams) write(stream, 'cleared', {});
          return;
      }
    },
    note(text) {
      const note = notes.add(text);
      for (const stream of streams) write(stream, 'note', note);
    },
  };
}
