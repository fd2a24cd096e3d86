import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorResponse } from './simulated-provider.js';

export const maxRequestBytes = 1024 * 1024;
export const hugeBodyBytes = 5 * 1024 * 1024;

export function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxRequestBytes) {
        resolve(undefined);
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > maxRequestBytes ? undefined : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}

export function send(response: ServerResponse, answer: SimulatorResponse): void {
  const isText = typeof answer.body === 'string';
  const body =
    answer.body === undefined ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body);
  const headers: Record<string, string> = {
    ...(answer.body !== undefined && !isText ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...answer.headers,
    'content-length': String(Buffer.byteLength(body)),
  };
  response.writeHead(answer.status, headers);
  response.end(body);
}

export function streamHuge(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(hugeBodyBytes) });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = (): void => {
    while (sent < hugeBodyBytes && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

/**
 * Starts listening (a free port on 127.0.0.1 unless told otherwise) and keeps the open sockets
 * in `sockets`, so that closing can end kept-alive connections; resolves with the base URL.
 */
export async function listen(
  server: Server,
  sockets: Set<Socket>,
  where: { port?: number | undefined; host?: string | undefined },
): Promise<{ url: string; port: number }> {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port ?? 0, where.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}`, port: address.port };
}
