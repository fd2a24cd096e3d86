import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  type ProviderName,
  resolveCredentials,
  type SimulatorCredentials,
  type SimulatorCredentialsInput,
} from './credentials.js';
import { type FailOptions, type Fault, type FaultName, toFault } from './faults.js';
import { createInbox, type Inbox } from './inbox/inbox-server.js';
import { isLoopbackHost } from './inbox/loopback.js';
import { listenHost, requestRefusal } from './request-guard.js';
import { serveFault } from './serve-fault.js';
import type {
  Credentials,
  SimulatedMessage,
  SimulatedProvider,
  SimulatedRequest,
  SimulatorRequest,
  SimulatorRoute,
} from './simulated-provider.js';
import { listen, readBody, send } from './simulator-http.js';

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback by default; the simulator is never meant to face a network. */
  host?: string;
  /**
   * Lets `host` be an address beyond loopback (`0.0.0.0`, a LAN address): anyone who reaches it
   * reads every code and can send with the simulator's credentials. A warning is emitted.
   */
  allowNonLoopback?: boolean;
  /** Credentials each provider accepts; defaults are filled in (see `simulator.credentials`). */
  credentials?: SimulatorCredentialsInput;
}

export interface Simulator extends Pick<Inbox, 'note'> {
  /** `http://127.0.0.1:PORT`: the `baseUrl` for every provider package; the inbox page is at `${url}/`. */
  readonly url: string;
  readonly port: number;
  readonly credentials: SimulatorCredentials & Readonly<Record<string, Credentials>>;
  /** The simulated providers it answers for. */
  readonly providers: readonly SimulatedProvider[];
  /** Messages and calls accepted, oldest first. */
  readonly messages: readonly SimulatedMessage[];
  /** Every request received, oldest first. */
  readonly requests: readonly SimulatedRequest[];
  /** Makes the next matching request(s) to `provider` fail with `fault`; an unknown provider throws. */
  fail(provider: ProviderName | (string & {}), fault: Fault | FaultName, options?: FailOptions): void;
  /** Forgets messages, requests and pending faults. */
  reset(): void;
  /** Stops listening and drops every open connection (held `no-answer` requests included). */
  close(): Promise<void>;
}

interface PendingFault {
  fault: Fault;
  remaining: number;
  channel: 'sms' | 'voice' | undefined;
  probability: number;
}

/**
 * Starts one loopback HTTP server that answers for the given simulated providers. Their paths
 * must not collide; the built-in providers' do not.
 */
export async function startSimulatorWith(
  providers: readonly SimulatedProvider[],
  options: SimulatorOptions = {},
): Promise<Simulator> {
  const host = listenHost(options.host, options.allowNonLoopback);
  const onLoopback = isLoopbackHost(host);
  const credentials = resolveCredentials(options.credentials, providers);
  const messages: SimulatedMessage[] = [];
  const requests: SimulatedRequest[] = [];
  const faults = new Map<string, PendingFault[]>();
  const sockets = new Set<Socket>();

  function match(
    method: string,
    path: string,
  ): { provider: SimulatedProvider; route: SimulatorRoute } | undefined {
    for (const provider of providers) {
      for (const route of provider.routes) {
        if (route.path.test(path) && route.method === method) return { provider, route };
      }
    }
    return undefined;
  }

  function fail(provider: string, fault: Fault | FaultName, failOptions: FailOptions = {}): void {
    if (!providers.some((candidate) => candidate.name === provider))
      throw new Error(
        `No simulated provider named "${provider}" (known: ${[...new Set(providers.map(({ name }) => name))].join(', ')})`,
      );
    const list = faults.get(provider) ?? [];
    list.push({
      fault: toFault(fault),
      remaining: failOptions.times ?? 1,
      channel: failOptions.channel,
      probability: failOptions.probability ?? 1,
    });
    faults.set(provider, list);
    inbox.publish({ type: 'faults' });
  }

  // The Host and Origin checks of every route, the inbox's included, are made in handle().
  const inbox = createInbox({
    providers,
    messages,
    requests,
    pendingFaults: () =>
      [...faults].flatMap(([provider, pending]) =>
        pending.map(({ fault, remaining, channel, probability }) => ({
          provider,
          fault,
          remaining,
          probability,
          ...(channel ? { channel } : {}),
        })),
      ),
    fail,
    clearMessages() {
      messages.length = 0;
      requests.length = 0;
      inbox.publish({ type: 'cleared' });
    },
    clearFaults() {
      faults.clear();
      inbox.publish({ type: 'faults' });
    },
  });

  function takeFault(provider: string, channel: 'sms' | 'voice'): Fault | undefined {
    const pending = faults.get(provider);
    if (!pending) return undefined;
    for (const entry of pending) {
      if (entry.channel !== undefined && entry.channel !== channel) continue;
      if (entry.probability < 1 && Math.random() >= entry.probability) continue;
      entry.remaining -= 1;
      if (entry.remaining <= 0) pending.splice(pending.indexOf(entry), 1);
      inbox.publish({ type: 'faults' });
      return entry.fault;
    }
    return undefined;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    const method = request.method ?? 'GET';
    const refusal = requestRefusal(request, onLoopback);
    if (refusal) {
      request.resume();
      send(response, { status: 403, body: { error: refusal } });
      return;
    }
    if (inbox.serves(url.pathname)) {
      await inbox.handle(request, response, url);
      return;
    }
    const found = match(method, url.pathname);
    const body = await readBody(request);
    if (!found) {
      send(response, { status: 404, body: { error: 'not found', path: url.pathname } });
      return;
    }
    const { provider, route } = found;
    const journal = (outcome: string, status?: number, fault?: Fault) => {
      const entry: SimulatedRequest = {
        provider: provider.name,
        method,
        path: url.pathname,
        outcome,
        at: Date.now(),
        ...(status === undefined ? {} : { status }),
        ...(fault === undefined ? {} : { fault }),
      };
      requests.push(entry);
      inbox.publish({ type: 'request', request: entry });
    };
    if (body === undefined) {
      journal('rejected', 413);
      send(response, { status: 413, body: 'request body too large' });
      return;
    }
    const simulatorRequest: SimulatorRequest = {
      method,
      path: url.pathname,
      url,
      headers: request.headers,
      body,
    };
    const channel = typeof route.channel === 'function' ? route.channel(simulatorRequest) : route.channel;
    const fault = takeFault(provider.name, channel);
    if (fault) {
      journal(fault.type, undefined, fault);
      if (fault.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        if (request.socket.destroyed) return;
      } else {
        serveFault(fault, provider, route, simulatorRequest, response);
        return;
      }
    }
    const answer = await route.handle(simulatorRequest, {
      credentials: credentials[provider.name] ?? {},
      record(message) {
        const entry: SimulatedMessage = { ...message, provider: provider.name, at: Date.now() };
        messages.push(entry);
        inbox.publish({ type: 'message', message: entry });
        return entry;
      },
    });
    journal(answer.status < 300 ? 'accepted' : 'rejected', answer.status);
    send(response, answer);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, { status: 500, body: `simulator error: ${String(error)}` });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  const { url, port } = await listen(server, sockets, { port: options.port, host });

  return {
    url,
    port,
    credentials,
    providers,
    messages,
    requests,
    fail,
    note: inbox.note,
    reset() {
      messages.length = 0;
      requests.length = 0;
      faults.clear();
      inbox.publish({ type: 'cleared' });
      inbox.publish({ type: 'faults' });
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
