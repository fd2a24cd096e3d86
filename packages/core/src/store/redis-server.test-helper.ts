import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closedPort } from '@mfa-sms/simulator/testing';
import { afterAll, beforeAll } from 'vitest';
import { createRedisStore, type RedisStore, type RedisStoreOptions } from './redis-store.js';

// A real redis-server (Debian's package; .ci/run installs it), started on a free loopback port with
// nothing persisted, for the Redis store's own tests and its run of testStore in the simulator.

export interface RedisServer {
  url: string;
  port: number;
  /** Runs redis-cli against this server and answers its output. */
  cli(...args: string[]): string;
  stop(): Promise<void>;
}

/** The redis-server binary, or undefined where it is not installed (the tests then skip). */
export function redisServerPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function startRedisServer(binary: string): Promise<RedisServer> {
  const port = await closedPort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
    });
  });
  const cliPath = binary.replace(/redis-server$/, 'redis-cli');
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    cli: (...args) => execFileSync(cliPath, ['-p', String(port), ...args], { encoding: 'utf8' }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A describe block's redis-server, and Redis stores on it: all stopped and closed after its tests. */
export interface RedisForTests {
  readonly server: RedisServer;
  /** A Redis store on the server (quiet log), with `options` over the block's defaults. */
  store(options?: Partial<RedisStoreOptions>): RedisStore;
}

/** Starts `binary` before the calling describe block's tests; call it inside that block. */
export function useRedisServer(binary: string, defaults: Partial<RedisStoreOptions> = {}): RedisForTests {
  let server: RedisServer | undefined;
  const stores: RedisStore[] = [];
  beforeAll(async () => {
    server = await startRedisServer(binary);
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await server?.stop();
  });
  const started = (): RedisServer => {
    if (server === undefined) throw new Error('redis-server is used before its beforeAll ran');
    return server;
  };
  return {
    get server() {
      return started();
    },
    store(options = {}) {
      const store = createRedisStore({ url: started().url, log: () => {}, ...defaults, ...options });
      stores.push(store);
      return store;
    },
  };
}
